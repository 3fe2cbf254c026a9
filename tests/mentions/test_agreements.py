"""Counts of agreements: numbers, kinds, mixed counts, "several", and what is not signed."""

import pytest

from visitkb.mentions import find_mentions


def _counts(lang: str, text: str) -> list[tuple]:
    return [
        (a.count, a.kind, a.signed, a.anaphoric, a.existing)
        for a in find_mentions(text, lang).agreements
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "ووقع الجانبان 12 اتفاقية", [(12, "agreement", True, False, False)]),
        ("ar", "وشهد الزعيمان توقيع ثلاث مذكرات تفاهم", [(3, "mou", True, False, False)]),
        ("ar", "تبادل الوزيران 8 اتفاقيات ومذكرات تفاهم", [(8, "mixed", True, False, False)]),
        (
            "ar",
            "ووقع البلدان عدداً من اتفاقيات النقل ومذكرات الشراكة",
            [(None, "mixed", True, False, False)],
        ),
        ("ar", "ووقع الجانبان اتفاقية للتعاون الجمركي", [(1, "agreement", True, False, False)]),
        ("ar", "ووقع الجانبان إعلاناً مشتركاً", [(1, "other", True, False, False)]),
        ("ar", "وأكد أن هذه الاتفاقية مهمة", [(1, "agreement", False, True, False)]),
        ("ar", "بموجب اتفاقية حدودية أبرمت عام 2019", [(1, "agreement", False, False, True)]),
        ("hi", "दोनों देशों ने छह समझौतों पर हस्ताक्षर किए", [(6, "agreement", True, False, False)]),
        ("hi", "तीन समझौता ज्ञापनों (MoU) पर दस्तख़त किए", [(3, "mou", True, False, False)]),
        (
            "hi",
            "आठ समझौतों और सहमति पत्रों पर हस्ताक्षर हुए",
            [(8, "mixed", True, False, False)],
        ),
        ("hi", "कई नए समझौतों पर हस्ताक्षर हुए", [(None, "agreement", True, False, False)]),
        ("hi", "मंत्री ने बताया कि यह समझौता ऐतिहासिक है", [(1, "agreement", False, True, False)]),
    ],
    ids=[
        "ar-digits",
        "ar-words-mou",
        "ar-mixed",
        "ar-several-mixed",
        "ar-singular",
        "ar-declaration",
        "ar-anaphoric",
        "ar-older",
        "hi-words",
        "hi-mou-acronym",
        "hi-mixed",
        "hi-several",
        "hi-anaphoric",
    ],
)
def test_agreement_counts(lang, text, expected):
    assert _counts(lang, text) == expected
