"""Tokenisation fixes and sentence starts."""

import pytest

from visitkb.mentions.pipeline import build_pipeline


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("عام 2016.", ["عام", "2016", "."]),
        ('"لفتة طيبة".', ['"', "لفتة", "طيبة", '"', "."]),
        ("12-سبتمبر-2021", ["12", "-", "سبتمبر", "-", "2021"]),
        ('و"نشكر', ["و", '"', "نشكر"]),
        ("أمس.وفي", ["أمس", ".", "وفي"]),
        ("7.7 مليار", ["7.7", "مليار"]),
    ],
    ids=["period-after-digit", "quote-period", "dateline", "waw-quote", "glued-period", "decimal"],
)
def test_arabic_tokens(text, tokens):
    assert [t.text for t in build_pipeline("ar").make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        (
            "ar",
            "أنقرة (الأناضول)\nوصل الرئيس. ثم غادر",
            ["أنقرة (الأناضول)", "وصل الرئيس.", "ثم غادر"],
        ),
        ("hi", "नई दिल्ली। के. आर. नारायणन ने कहा।", ["नई दिल्ली।", "के. आर. नारायणन ने कहा।"]),
    ],
    ids=["ar-dateline", "hi-initials"],
)
def test_sentences_start_after_newlines_and_end_punctuation(lang, text, sentences):
    doc = build_pipeline(lang)(text)
    assert [s.text.strip() for s in doc.sents] == sentences
