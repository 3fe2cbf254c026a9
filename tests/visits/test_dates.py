"""Reading date mentions against the reference day: exact days, or windows, never a guess."""

from datetime import date

import pytest

from visitkb.mentions import find_mentions
from visitkb.visits.dates import read_date

# A Sunday.
SUNDAY = date(2024, 9, 15)


def _read(lang: str, text: str, reference: date | None, future: bool = False):
    (mention,) = find_mentions(text, lang).dates
    reading = read_date(mention, reference, future=future)
    return None if reading is None else (reading.start, reading.end, reading.window)


D = date


@pytest.mark.parametrize(
    ("lang", "text", "future", "expected"),
    [
        ("ar", "اليوم", False, (SUNDAY, None, (SUNDAY, SUNDAY))),
        ("ar", "مساء أمس", False, (D(2024, 9, 14), None, (D(2024, 9, 14),) * 2)),
        ("ar", "غداً الاثنين", False, (D(2024, 9, 16), None, (D(2024, 9, 16),) * 2)),
        ("ar", "يوم الأحد", False, (SUNDAY, None, (SUNDAY, SUNDAY))),  # the day itself
        ("ar", "الأربعاء", False, (D(2024, 9, 11), None, (D(2024, 9, 11),) * 2)),
        ("ar", "الأربعاء", True, (D(2024, 9, 18), None, (D(2024, 9, 18),) * 2)),
        ("ar", "الأحد الماضي", False, (D(2024, 9, 8), None, (D(2024, 9, 8),) * 2)),
        ("ar", "في 3 آب الماضي", False, (D(2024, 8, 3), None, (D(2024, 8, 3),) * 2)),
        ("ar", "في 10 كانون الثاني المقبل", False, (D(2025, 1, 10), None, (D(2025, 1, 10),) * 2)),
        ("ar", "في الرابع من الشهر الجاري", False, (D(2024, 9, 4), None, (D(2024, 9, 4),) * 2)),
        # The month written once is the end's: the start is in the month before.
        (
            "ar",
            "من 30 إلى 2 ديسمبر 1999",
            False,
            (D(1999, 11, 30), D(1999, 12, 2), (D(1999, 11, 30),) * 2),
        ),
        (
            "hi",
            "30 से 2 दिसंबर 1999",
            False,
            (D(1999, 11, 30), D(1999, 12, 2), (D(1999, 11, 30),) * 2),
        ),
        (
            "ar",
            "من 2 إلى 4 تشرين الأول",
            True,
            (D(2024, 10, 2), D(2024, 10, 4), (D(2024, 10, 2),) * 2),
        ),
        ("ar", "في تموز الماضي", False, (None, None, (D(2024, 7, 1), D(2024, 7, 31)))),
        ("ar", "الشهر المقبل", False, (None, None, (D(2024, 10, 1), D(2024, 10, 31)))),
        ("ar", "عام 2019", False, (None, None, (D(2019, 1, 1), D(2019, 12, 31)))),
        ("hi", "कल", False, (D(2024, 9, 14), None, (D(2024, 9, 14),) * 2)),
        ("hi", "कल", True, (D(2024, 9, 16), None, (D(2024, 9, 16),) * 2)),
        (
            "hi",
            "30 अगस्त से 2 सितंबर तक",
            False,
            (D(2024, 8, 30), D(2024, 9, 2), (D(2024, 8, 30),) * 2),
        ),
        ("hi", "पिछले साल दिसंबर में", False, (None, None, (D(2023, 12, 1), D(2023, 12, 31)))),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_readings(lang, text, future, expected):
    assert _read(lang, text, SUNDAY, future) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "13 حزيران/يونيو 2024", (D(2024, 6, 13), None, (D(2024, 6, 13),) * 2)),
        ("ar", "اليوم", None),
        ("ar", "الخميس", None),
        ("ar", "15 نيسان", None),
        ("hi", "मार्च 2018 में", (None, None, (D(2018, 3, 1), D(2018, 3, 31)))),
    ],
    ids=["full-date", "today", "weekday", "no-year", "month"],
)
def test_without_a_reference_day_only_written_dates_are_read(lang, text, expected):
    assert _read(lang, text, None) == expected
