"""Numbers in digits of every script and in words; durations, and what is not one."""

import pytest

from visitkb.mentions import find_mentions


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("ar", "وقع الجانبان ٢٢ اتفاقية", [22]),
        ("ar", "وقع الجانبان ۱۴ اتفاقية", [14]),
        ("ar", "أكثر من ثلاثة آلاف", [3]),
        ("ar", "اثنان وعشرون", [22]),
        ("ar", "خمس مذكرات", [5]),
        ("ar", "ثماني عشرة", [18]),
        ("hi", "२२ समझौते", [22]),
        ("hi", "पांच समझौते", [5]),
        ("hi", "पाँच समझौते", [5]),
        ("hi", "दस लाख लोग", [1_000_000]),
        ("hi", "43 साल", [43]),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
def test_numbers(lang, text, values):
    found = find_mentions(text, lang)
    assert [n.value for n in found.numbers if not n.ordinal] == values


@pytest.mark.parametrize(
    ("lang", "text", "days", "stated"),
    [
        ("ar", "في زيارة تستغرق 3 ايام", 3, True),
        ("ar", "في زيارة تستمر ثلاثة أيام", 3, True),
        ("ar", "في زيارة تستغرق يومين", 2, True),
        ("ar", "في زيارة استغرقت يوماً واحداً", 1, True),
        ("ar", "زيارة لمدة أسبوعين", 14, True),
        ("ar", "بعد ثلاثة أيام من الهجوم", 3, False),
        ("hi", "दो दिवसीय यात्रा पर", 2, True),
        ("hi", "तीन दिन के दौरे पर", 3, True),
        ("hi", "6 दिन की चीन यात्रा", 6, True),
        ("hi", "तीन दिन पहले", 3, False),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
def test_durations(lang, text, days, stated):
    found = find_mentions(text, lang)
    assert [(d.days, d.stated) for d in found.durations] == [(days, stated)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "في اليوم الثاني من الزيارة"),
        ("ar", "في اليوم الأخير من الزيارة"),
        ("hi", "यात्रा के दूसरे दिन"),
    ],
    ids=["ar-second-day", "ar-last-day", "hi-second-day"],
)
def test_a_day_of_a_visit_is_no_duration(lang, text):
    assert find_mentions(text, lang).durations == []
