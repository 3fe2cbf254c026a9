"""Stage 2: Document -> mentions. The only package that imports spaCy.

``find_mentions(text, lang)`` runs the language's pipeline (``build_pipeline``) and returns
plain records (``DocumentMentions``); nothing downstream sees a spaCy object.
"""

from __future__ import annotations

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
    "find_mentions",
]
