"""Turn a processed spaCy ``Doc`` into plain ``DocumentMentions`` records."""

from __future__ import annotations

from spacy.tokens import Doc

from visitkb.mentions.components.sentences import sentence_bounds
from visitkb.mentions.components.spans import read_spans
from visitkb.mentions.components.words import norms_of, starts_of, texts_of, words_of
from visitkb.mentions.model import (
    AgreementMention,
    CountryMention,
    DateMention,
    DocumentMentions,
    DurationMention,
    NumberMention,
    PersonMention,
    PlaceMention,
    Sentence,
    TermMention,
)

_DATE_FIELDS = (
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


def read_mentions(doc: Doc, text: str) -> DocumentMentions:
    """The mentions the pipeline wrote into ``doc`` (made from ``text``), as records."""
    words = words_of(doc)
    starts = starts_of(doc)
    sentence_of = [0] * len(doc)
    sentences = []
    for number, (first, last) in enumerate(sentence_bounds(doc)):
        sentence_of[first:last] = [number] * (last - first)
        end_char = starts[last - 1] + len(words[last - 1].text) + len(words[last - 1].whitespace_)
        sentences.append(Sentence(starts[first], end_char, first, last))

    def where(start: int, end: int) -> tuple[int, int, str, int, int, int]:
        """The fields of ``Mention`` in their order: start, end, text, token, token_end,
        sentence (positional: no dict per mention)."""
        start_char, end_char = starts[start], starts[end - 1] + len(words[end - 1].text)
        return start_char, end_char, text[start_char:end_char], start, end, sentence_of[start]

    found = DocumentMentions(
        lang=doc.lang_,
        text=text,
        sentences=sentences,
        tokens=list(norms_of(doc)),
        words=list(texts_of(doc)),
    )
    for start, end, data in read_spans(doc, "countries"):
        found.countries.append(
            CountryMention(*where(start, end), code=data["code"], kind=data["kind"])
        )
    for start, end, data in read_spans(doc, "places"):
        place = data["place"]
        found.places.append(
            PlaceMention(
                *where(start, end),
                name_en=place.name_en,
                country=place.country,
                capital=place.capital,
                site=place.site,
            )
        )
    for start, end, data in read_spans(doc, "people"):
        title = data["title_start"]
        found.people.append(
            PersonMention(
                *where(start, end),
                person=data["person"],
                role=data["role"],
                country=data["country"],
                title_start=starts[title] if title is not None else None,
                title_token=title,
                role_only=data["role_only"],
                counterpart=data["counterpart"],
                guest=data["guest"],
            )
        )
    for start, end, data in read_spans(doc, "terms"):
        found.terms.append(
            TermMention(*where(start, end), category=data["category"], future=data["future"])
        )
    for start, end, data in read_spans(doc, "dates"):
        found.dates.append(
            DateMention(*where(start, end), **{k: data.get(k) for k in _DATE_FIELDS})
        )
    for start, end, data in read_spans(doc, "numbers"):
        found.numbers.append(
            NumberMention(*where(start, end), value=data["value"], ordinal=data["ordinal"])
        )
    for start, end, data in read_spans(doc, "durations"):
        found.durations.append(
            DurationMention(*where(start, end), days=data["days"], stated=data["stated"])
        )
    for start, end, data in read_spans(doc, "agreements"):
        found.agreements.append(AgreementMention(*where(start, end), **data))
    return found
