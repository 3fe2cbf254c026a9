"""Stage 2: Document -> mentions. The only package that imports spaCy.

``find_mentions(text, lang)`` runs the language's pipeline (``build_pipeline``) and returns
plain records (``DocumentMentions``); ``find_all_mentions`` does the same for a batch of texts.
Nothing downstream sees a spaCy object.
"""

from __future__ import annotations

from collections.abc import Sequence

from visitkb.mentions.model import (
    AgreementMention,
    CountryMention,
    DateMention,
    DocumentMentions,
    DurationMention,
    Mention,
    NumberMention,
    PersonMention,
    PlaceMention,
    Sentence,
    TermMention,
)


def find_mentions(text: str, lang: str) -> DocumentMentions:
    """Every mention the ``lang`` pipeline finds in ``text``."""
    from visitkb.mentions.pipeline import build_pipeline
    from visitkb.mentions.read import read_mentions

    return read_mentions(build_pipeline(lang)(text), text)


def find_all_mentions(texts: Sequence[str], lang: str) -> list[DocumentMentions]:
    """The mentions of each of ``texts`` (all in ``lang``), in order: the same as
    ``find_mentions`` on each, but each component runs over all the texts before the next
    starts (``Language.pipe``), which is faster."""
    from visitkb.mentions.pipeline import build_pipeline
    from visitkb.mentions.read import read_mentions

    docs = build_pipeline(lang).pipe(texts, batch_size=max(1, len(texts)))
    return [read_mentions(doc, text) for doc, text in zip(docs, texts, strict=True)]


__all__ = [
    "AgreementMention",
    "CountryMention",
    "DateMention",
    "DocumentMentions",
    "DurationMention",
    "Mention",
    "NumberMention",
    "PersonMention",
    "PlaceMention",
    "Sentence",
    "TermMention",
    "find_all_mentions",
    "find_mentions",
]
