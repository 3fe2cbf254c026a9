"""lang and dir of names and texts in each script."""

import pytest

from visitkb.web.writing import Writing, direction, writing_of

CASES = [
    ("ar-name", "إبراهيم رئيسي", None, Writing("ar", "rtl")),
    ("hi-name", "इब्राहीम रईसी", None, Writing("hi", "ltr")),
    ("latin-name", "Ebrahim Raisi", None, Writing(None, "ltr")),
    ("persian-form-read-as-arabic", "ابراهیم رئیسی", None, Writing("ar", "rtl")),
    ("ar-with-digits", "14 مذكرة تفاهم", None, Writing("ar", "rtl")),
    ("lang-given", "22 اتفاقية", "ar", Writing("ar", "rtl")),
    ("mostly-english", "رئيسي was president of IRN from 2021-08-03", None, Writing("ar", "ltr")),
]


@pytest.mark.parametrize(
    ("text", "lang", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_writing_of(text, lang, expected):
    assert writing_of(text, lang) == expected


def test_no_letters_run_left_to_right():
    assert direction("2019-03-10") == "ltr"
