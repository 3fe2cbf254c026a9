"""The ``visitkb_dates`` component: date expressions, parsed but not read against a day.

Rules over normalised tokens, with the tables of ``months.yaml``, ``weekdays.yaml`` and
``relative_days.yaml``; ``dateparser.search`` is not used (NLP_NOTES: it misses paired months
and datelines and reads durations as dates). Recognised:

- day, month, year: ``13 حزيران/يونيو 2024``, ``12-سبتمبر-2021``, ``الأول من أيلول المقبل``,
  ``في الرابع من الشهر الجاري``, ``५ सितंबर``; Hijri days (``3 رجب 1440 هـ``) converted
  with hijridate;
- ranges: ``من 4 إلى 6 مارس 2019``, ``11-12 अगस्त``, ``28 अप्रैल से 2 मई``;
- month (and year): ``يناير 2016``, ``أكتوبر/تشرين الأول 2019``, ``الشهر المقبل``,
  ``पिछले साल दिसंबर``;
- year: ``عام 2003``, ``1983 में``;
- weekdays and relative days: ``يوم الخميس``, ``الأحد الماضي``, ``مساء أمس الثلاثاء``, ``आज``.

Reading them against the reference date is the visits stage's job (``visits.dates``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hijridate import Hijri
from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.spans import locator, write_spans
from visitkb.mentions.components.words import WordFlag, WordFlags, norms_of, word_flags
from visitkb.mentions.lexicon import Lexicon, grammar, lexicon
from visitkb.mentions.model import DateMention

YEARS = range(1900, 2101)
HIJRI_YEARS = range(1300, 1501)
# "1444هـ" and "2022م" are written as one token.
_YEAR_WITH_MARKER = re.compile(r"^(\d{4})(\D+)$")
# Between the two ends of a range, and between paired month names, in every language; the
# language adds its words (``grammar.yaml`` range_joiners: "إلى", "से").
RANGE_JOINERS = frozenset({"-", "–", "—", "to", "/"})
DATE_SEPARATORS = frozenset({"-", "/", "."})
PAIR_JOINERS = frozenset({"/", "(", "-", ","})  # and the script's commas
# The fields of a ``DateMention`` a date expression fills (the ones it leaves are None).
DATE_FIELDS = (
    "kind",
    "day",
    "month",
    "year",
    "end_day",
    "end_month",
    "end_year",
    "weekday",
    "offset",
    "modifier",
    "hijri",
    "relative_unit",
    "ambiguous_offset",
)
# The words that introduce a lone year or month ("عام 2003", "في يناير", "منذ 2011"), follow
# one ("1983 में"), join a day to its month ("الرابع من أيلول") or make "اليوم" a day of a
# visit ("اليوم التالي") are the language's: ``grammar.yaml`` year_introducers,
# month_introducers, date_postpositions, of_words, next_day_words.


@dataclass
class Found:
    """A parsed date expression over tokens ``start``..``end``."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


class DateFinder(BatchComponent):
    """Scans normalised tokens for date expressions; writes ``doc.spans['dates']``."""

    def __init__(self, lex: Lexicon, flags: WordFlags) -> None:
        self.lex = lex
        g = grammar(lex.lang)
        self.range_joiners = RANGE_JOINERS | g.range_joiners
        self.pair_joiners = PAIR_JOINERS | g.commas
        self.year_introducers = g.year_introducers
        self.month_introducers = g.month_introducers
        self.postpositions = g.date_postpositions
        self.of_words = g.of_words
        self.next_day_words = g.next_day_words
        self.two_word_months = {m for m in lex.months if " " in m}
        # The first words a date expression can start with (besides digits).
        self.starters = (
            {
                phrase.split()[0]
                for table in (
                    lex.months,
                    lex.weekdays,
                    lex.relative_days,
                    lex.ordinals,
                    lex.date_modifiers,
                )
                for phrase in table
            }
            | lex.ambiguous_days
            | lex.month_words
            | lex.year_words
            | lex.week_words
        )
        starters = self.starters
        self.starts: WordFlag = flags.add(
            lambda norm: norm in starters or norm[:1].isdecimal(), of_norm=True
        )

    # -- small readers: each returns (value, end) or None ------------------------------------
    def _day(self, norms: list[str], i: int) -> tuple[int, int] | None:
        if i >= len(norms):
            return None
        if len(norms[i]) <= 2 and norms[i].isdecimal() and 1 <= int(norms[i]) <= 31:
            return int(norms[i]), i + 1
        value = self.lex.ordinals.get(norms[i])
        if value and 1 <= value <= 31 and i + 1 < len(norms) and norms[i + 1] in self.of_words:
            return value, i + 2  # "الرابع من"
        if i + 1 < len(norms):
            value = self.lex.ordinals.get(f"{norms[i]} {norms[i + 1]}")
            if value and i + 2 < len(norms) and norms[i + 2] in self.of_words:
                return value, i + 3
        return None

    def _month(self, norms: list[str], i: int) -> tuple[tuple[int, bool], int] | None:
        """(month, hijri), end; reads paired forms ("حزيران/يونيو", "يوليو تموز") as one."""
        if i >= len(norms):
            return None
        found = None
        if i + 1 < len(norms) and f"{norms[i]} {norms[i + 1]}" in self.two_word_months:
            found = self.lex.months[f"{norms[i]} {norms[i + 1]}"], i + 2
        elif norms[i] in self.lex.months:
            found = self.lex.months[norms[i]], i + 1
        if found is None:
            return None
        (month, hijri), end = found
        # A second name of the same month, after a slash, a bracket or nothing.
        j = end + 1 if end < len(norms) and norms[end] in self.pair_joiners else end
        second = self._single_month(norms, j)
        if second and second[0] == (month, hijri):
            end = second[1]
            if end < len(norms) and norms[end] == ")":
                end += 1
        return (month, hijri), end

    def _single_month(self, norms: list[str], i: int) -> tuple[tuple[int, bool], int] | None:
        if i >= len(norms):
            return None
        if i + 1 < len(norms) and f"{norms[i]} {norms[i + 1]}" in self.two_word_months:
            return self.lex.months[f"{norms[i]} {norms[i + 1]}"], i + 2
        if norms[i] in self.lex.months:
            return self.lex.months[norms[i]], i + 1
        return None

    def _year(self, norms: list[str], i: int) -> tuple[int, bool | None, int] | None:
        """(year, hijri or None if unmarked), end."""
        if i >= len(norms):
            return None
        token = norms[i]
        marker = None
        match = _YEAR_WITH_MARKER.match(token)
        if match:
            token, marker = match.group(1), match.group(2)
        if not token.isdecimal() or len(token) != 4:
            return None
        value, end = int(token), i + 1
        if (
            marker is None
            and end < len(norms)
            and (norms[end] in self.lex.hijri_markers or norms[end] in self.lex.gregorian_markers)
        ):
            marker, end = norms[end], end + 1
        hijri = None
        if marker is not None:
            if marker in self.lex.hijri_markers:
                hijri = True
            elif marker in self.lex.gregorian_markers:
                hijri = False
            else:
                return None
        if value not in (HIJRI_YEARS if hijri else YEARS):
            return None
        return value, hijri, end

    def _modifier(self, norms: list[str], i: int) -> tuple[str, int] | None:
        if i < len(norms) and norms[i] in self.lex.date_modifiers:
            return self.lex.date_modifiers[norms[i]], i + 1
        return None

    # -- expressions ------------------------------------------------------------------------
    def _day_month(self, norms: list[str], i: int) -> Found | None:
        """DAY [من] MONTH [YEAR] [modifier], or a range DAY-DAY MONTH / DAY MONTH-DAY MONTH."""
        day = self._day(norms, i)
        if day is None:
            return None
        first, j = day
        end_day = None
        k = j
        if k < len(norms) and norms[k] in self.range_joiners and norms[k] != "/":
            second = self._day(norms, k + 1)
            if second and (month := self._month(norms, second[1])):
                end_day, k = second[0], second[1]
                j = k
        if j < len(norms) and (norms[j] in self.of_words or norms[j] in DATE_SEPARATORS):
            j += 1
        month = self._month(norms, j)
        relative_month = None
        if month is None:
            # "في الرابع من الشهر الجاري"
            if j < len(norms) and norms[j] in self.lex.month_words:
                mod = self._modifier(norms, j + 1)
                if mod:
                    relative_month = mod
            if relative_month is None:
                return None
            fields = {"kind": "day", "day": first, "modifier": relative_month[0]}
            fields["relative_unit"] = "month"
            return Found(i, relative_month[1], fields)
        (month_no, hijri), j = month
        fields: dict[str, Any] = {"kind": "day", "day": first, "month": month_no, "hijri": hijri}
        # "28 अप्रैल से 2 मई": a second day and month.
        if end_day is None and j < len(norms) and norms[j] in self.range_joiners - {"/"}:
            second = self._day(norms, j + 1)
            if second and (second_month := self._month(norms, second[1])):
                fields["end_day"] = second[0]
                fields["end_month"] = second_month[0][0]
                j = second_month[1]
        if end_day is not None:
            fields["end_day"] = end_day
        if j + 1 < len(norms) and norms[j] in DATE_SEPARATORS and self._year(norms, j + 1):
            j += 1  # "12-سبتمبر-2021"
        year = self._year(norms, j)
        if year:
            value, marked_hijri, j = year
            fields["year"] = value
            if marked_hijri is not None and marked_hijri != hijri:
                return None
        mod = self._modifier(norms, j)
        if mod:
            fields["modifier"], j = mod
        if "end_day" in fields:
            fields["kind"] = "range"
        return Found(i, j, fields)

    def _month_year(self, norms: list[str], i: int) -> Found | None:
        month = self._month(norms, i)
        if month is None:
            return None
        (month_no, hijri), j = month
        fields: dict[str, Any] = {"kind": "month", "month": month_no, "hijri": hijri}
        year = self._year(norms, j)
        if year:
            fields["year"], _marked, j = year
            return Found(i, j, fields)
        mod = self._modifier(norms, j)
        if mod:
            fields["modifier"], j = mod
            return Found(i, j, fields)
        introduced = i > 0 and norms[i - 1] in self.month_introducers
        followed = j < len(norms) and norms[j] in self.postpositions
        if introduced or followed or j > i + 1:
            return Found(i, j, fields)
        return None

    def _relative_unit(self, norms: list[str], i: int) -> Found | None:
        """ "الشهر المقبل", "العام الماضي", "पिछले साल (दिसंबर में)", "इस साल"."""
        lex = self.lex
        if i + 1 >= len(norms):
            return None
        unit = None
        if norms[i] in lex.week_words and norms[i + 1] in lex.date_modifiers:
            unit, mod, j = "week", lex.date_modifiers[norms[i + 1]], i + 2
        elif norms[i] in lex.date_modifiers and norms[i + 1] in lex.week_words:
            unit, mod, j = "week", lex.date_modifiers[norms[i]], i + 2
        elif norms[i] in lex.month_words and norms[i + 1] in lex.date_modifiers:
            unit, mod, j = "month", lex.date_modifiers[norms[i + 1]], i + 2
        elif norms[i] in lex.year_words and norms[i + 1] in lex.date_modifiers:
            unit, mod, j = "year", lex.date_modifiers[norms[i + 1]], i + 2
        elif norms[i] in lex.date_modifiers and norms[i + 1] in lex.month_words:
            unit, mod, j = "month", lex.date_modifiers[norms[i]], i + 2
        elif norms[i] in lex.date_modifiers and norms[i + 1] in lex.year_words:
            unit, mod, j = "year", lex.date_modifiers[norms[i]], i + 2
        if unit is None:
            return None
        fields: dict[str, Any] = {"kind": unit, "modifier": mod, "relative_unit": unit}
        if unit == "year":
            month = self._month(norms, j)
            if month:
                fields.update(kind="month", month=month[0][0], relative_unit="year")
                j = month[1]
        return Found(i, j, fields)

    def _lone_year(self, norms: list[str], i: int) -> Found | None:
        year = self._year(norms, i)
        if year is None:
            return None
        value, _hijri, j = year
        introduced = i > 0 and norms[i - 1] in self.year_introducers
        followed = j < len(norms) and norms[j] in self.postpositions
        if introduced or followed:
            return Found(i, j, {"kind": "year", "year": value})
        return None

    def _weekday_or_relative(self, norms: list[str], i: int) -> Found | None:
        lex = self.lex
        fields: dict[str, Any] = {}
        j = i
        norm = norms[i]
        if norm in lex.relative_days or norm in lex.ambiguous_days:
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            if nxt in lex.ordinals or nxt in lex.last_words or nxt in self.next_day_words:
                return None  # "اليوم الثاني من الزيارة" is a day of the visit
            if norm in lex.ambiguous_days:
                fields.update(kind="relative", offset=-1, ambiguous_offset=True)
            else:
                fields.update(kind="relative", offset=lex.relative_days[norm])
            j = i + 1
            if j < len(norms) and norms[j] in lex.weekdays:
                fields["weekday"] = lex.weekdays[norms[j]]
                j += 1
            return Found(i, j, fields)
        if norm in lex.weekdays:
            fields.update(kind="weekday", weekday=lex.weekdays[norm])
            j = i + 1
            full = self._day_month(norms, j)
            if full and full.fields.get("month"):
                full.start = i
                full.fields.setdefault("weekday", fields["weekday"])
                return full
            mod = self._modifier(norms, j)
            if mod:
                fields["modifier"], j = mod
            return Found(i, j, fields)
        return None

    def find(self, norms: list[str], candidates: list[int]) -> list[Found]:
        """Every date expression, left to right, none overlapping (starting at ``candidates``,
        the tokens that can start one)."""
        found: list[Found] = []
        i = 0  # tokens before ``i`` are read
        lex = self.lex
        for k in candidates:
            if k < i:
                continue
            i = k
            hit = (
                self._weekday_or_relative(norms, i)
                or self._day_month(norms, i)
                or self._month_year(norms, i)
                or self._relative_unit(norms, i)
                or self._lone_year(norms, i)
            )
            if hit is None:
                continue
            # Take in "يوم" and times of day written before ("مساء أمس", "يوم الخميس").
            while hit.start > 0 and (
                norms[hit.start - 1] in lex.day_words or norms[hit.start - 1] in lex.times_of_day
            ):
                hit.start -= 1
            found.append(hit)
            i = hit.end
        return found

    def __call__(self, doc: Doc) -> Doc:
        norms = norms_of(doc)
        locate = locator(doc)
        spans = []
        for hit in self.find(norms, self.starts.positions(doc)):
            fields = hit.fields
            if fields.get("hijri"):
                fields = _hijri_to_gregorian(fields)
                if fields is None:
                    continue
            written = {k: fields.get(k) for k in DATE_FIELDS}
            spans.append(DateMention(*locate(hit.start, hit.end), **written))
        write_spans(doc, "dates", spans)
        return doc


def _hijri_to_gregorian(fields: dict[str, Any]) -> dict[str, Any] | None:
    """A Hijri day (or range) with its year, as Gregorian fields; None if it cannot be fixed."""
    if fields.get("kind") not in {"day", "range"} or not fields.get("year"):
        return None
    try:
        start = Hijri(fields["year"], fields["month"], fields["day"]).to_gregorian()
        end = None
        if fields.get("end_day"):
            end = Hijri(
                fields["year"], fields.get("end_month") or fields["month"], fields["end_day"]
            ).to_gregorian()
    except (ValueError, OverflowError):
        return None
    converted = dict(fields, day=start.day, month=start.month, year=start.year, hijri=True)
    if end is not None:
        converted.update(end_day=end.day, end_month=end.month, end_year=end.year)
    return converted


@Language.factory("visitkb_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """Find date expressions (days, ranges, months, years, weekdays, relative days)."""
    return DateFinder(lexicon(nlp.lang), word_flags(nlp))
