"""Date expressions found and parsed, before they are read against a reference day."""

import pytest

from visitkb.mentions import find_mentions


def _fields(lang: str, text: str) -> list[dict]:
    keys = ("kind", "day", "month", "year", "end_day", "end_month", "weekday", "offset", "modifier")
    return [
        {k: getattr(d, k) for k in keys if getattr(d, k) is not None}
        for d in find_mentions(text, lang).dates
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "يوم الخميس 13 حزيران/يونيو 2024",
            {"kind": "day", "day": 13, "month": 6, "year": 2024, "weekday": 3},
        ),
        ("ar", "في يوليو تموز", {"kind": "month", "month": 7}),
        ("ar", "12-سبتمبر-2021", {"kind": "day", "day": 12, "month": 9, "year": 2021}),
        (
            "ar",
            "من ٤ إلى ٦ آذار ٢٠١٩",
            {"kind": "range", "day": 4, "end_day": 6, "month": 3, "year": 2019},
        ),
        ("ar", "في تشرين الأول 2019", {"kind": "month", "month": 10, "year": 2019}),
        (
            "ar",
            "في الأول من أيلول المقبل",
            {"kind": "day", "day": 1, "month": 9, "modifier": "next"},
        ),
        ("ar", "في الرابع من الشهر الجاري", {"kind": "day", "day": 4, "modifier": "current"}),
        ("ar", "يوم الأحد الماضي", {"kind": "weekday", "weekday": 6, "modifier": "past"}),
        ("ar", "مساء أمس الثلاثاء", {"kind": "relative", "offset": -1, "weekday": 1}),
        ("ar", "غداً", {"kind": "relative", "offset": 1}),
        ("ar", "الشهر المقبل", {"kind": "month", "modifier": "next"}),
        ("ar", "عام 2003", {"kind": "year", "year": 2003}),
        ("hi", "११-१२ अगस्त को", {"kind": "range", "day": 11, "end_day": 12, "month": 8}),
        (
            "hi",
            "28 अप्रैल से 2 मई तक",
            {"kind": "range", "day": 28, "month": 4, "end_day": 2, "end_month": 5},
        ),
        ("hi", "मार्च 2018 में", {"kind": "month", "month": 3, "year": 2018}),
        ("hi", "1983 में", {"kind": "year", "year": 1983}),
        ("hi", "मंगलवार देर शाम", {"kind": "weekday", "weekday": 1}),
        ("hi", "आज", {"kind": "relative", "offset": 0}),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) > 2 else None,
)
def test_date_expressions(lang, text, expected):
    assert _fields(lang, text) == [expected]


def test_hijri_day_is_converted():
    found = find_mentions("الرياض 3 رجب 1440 هـ", "ar").dates
    assert [(d.year, d.month, d.day, d.hijri) for d in found] == [(2019, 3, 10, True)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "نشر 2500 جندي"),
        ("ar", "في اليوم الثاني من الزيارة"),
        ("ar", "منذ 12 عاماً"),
        ("hi", "8 साल तक चली जंग"),
    ],
    ids=["quantity", "day-of-visit", "years-ago", "years-long"],
)
def test_not_dates(lang, text):
    assert find_mentions(text, lang).dates == []
