"""Collect the mention records the pipeline wrote into a processed spaCy ``Doc``."""

from __future__ import annotations

from spacy.tokens import Doc

from visitkb.mentions.components.sentences import sentence_bounds
from visitkb.mentions.components.spans import read_spans
from visitkb.mentions.components.words import norms_of, starts_of, texts_of, words_of
from visitkb.mentions.model import DocumentMentions, Sentence


def read_mentions(doc: Doc, text: str) -> DocumentMentions:
    """The mentions the pipeline wrote into ``doc`` (made from ``text``), as records."""
    words = words_of(doc)
    starts = starts_of(doc)
    sentences = []
    for first, last in sentence_bounds(doc):
        end_char = starts[last - 1] + len(words[last - 1].text) + len(words[last - 1].whitespace_)
        sentences.append(Sentence(starts[first], end_char, first, last))
    return DocumentMentions(
        lang=doc.lang_,
        text=text,
        sentences=sentences,
        tokens=list(norms_of(doc)),
        words=list(texts_of(doc)),
        countries=list(read_spans(doc, "countries")),
        places=list(read_spans(doc, "places")),
        people=list(read_spans(doc, "people")),
        terms=list(read_spans(doc, "terms")),
        dates=list(read_spans(doc, "dates")),
        numbers=list(read_spans(doc, "numbers")),
        durations=list(read_spans(doc, "durations")),
        agreements=list(read_spans(doc, "agreements")),
    )
