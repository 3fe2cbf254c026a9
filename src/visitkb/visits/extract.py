"""Extraction entry point: Documents in, their claims out (one at a time or as a batch)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from visitkb.documents import Document
from visitkb.mentions import DocumentMentions, find_all_mentions, find_mentions
from visitkb.visits.assemble import Assembler, guest_countries
from visitkb.visits.dates import read_date
from visitkb.visits.frames import FrameReader, dateline_places
from visitkb.visits.model import Extraction
from visitkb.visits.people import build_people, lend_countries

T = TypeVar("T")
# A dateline is written at the very top of the text ("12-سبتمبر-2021", "الرياض 3 رجب ...").
DATELINE_CHARS = 80


def dateline_date(found: DocumentMentions) -> date | None:
    """The day a dateline at the top of the text gives, if there is one."""
    for mention in found.dates:
        if mention.start > DATELINE_CHARS or mention.sentence > 1:
            break
        reading = read_date(mention, None)
        if reading is not None and reading.start is not None:
            return reading.start
    return None


def extract(doc: Document) -> Extraction:
    """Extract people, visits, places and agreements from ``doc``."""
    return assemble(doc, find_mentions(doc.text, doc.lang))


def extract_batch(docs: Sequence[Document]) -> list[Extraction | Exception]:
    """Each document's extraction, or the error extracting it raised, in order.

    The documents of one language go through the pipeline together (``find_all_mentions``),
    which is faster than one at a time; if that fails, each of them is read alone, so one bad
    document costs the others nothing.
    """
    found: dict[int, DocumentMentions | Exception] = {}
    by_lang: dict[str, list[int]] = {}
    for k, doc in enumerate(docs):
        by_lang.setdefault(doc.lang, []).append(k)
    for lang, members in by_lang.items():
        try:
            texts = [docs[k].text for k in members]
            found.update(zip(members, find_all_mentions(texts, lang), strict=True))
        except Exception:  # the batch failed: each document is read alone below
            for k in members:
                found[k] = _or_error(find_mentions, docs[k].text, lang)
    extractions: list[Extraction | Exception] = []
    for k, doc in enumerate(docs):
        mentions = found[k]
        if isinstance(mentions, Exception):
            extractions.append(mentions)
        else:
            extractions.append(_or_error(assemble, doc, mentions))
    return extractions


def _or_error(step: Callable[..., T], *args: Any) -> T | Exception:
    """``step(*args)``, or the error it raised."""
    try:
        return step(*args)
    except Exception as error:  # the caller reports it for its document
        return error


def assemble(doc: Document, found: DocumentMentions) -> Extraction:
    """Stage 3: the people, visits, places and agreements of ``doc`` from its mentions."""
    reference = doc.published or dateline_date(found)
    people, refs = build_people(found)
    countries = {p.key: p.country for p in people}
    dateline = dateline_places(found)
    reader = FrameReader(found, refs, countries, dateline[0].country if dateline else None)
    statements = reader.read()
    visited: dict[int, set[str]] = {}
    for statement in statements:
        visited.setdefault(statement.guest, set()).add(statement.host)
    lend_countries(people, refs, visited)
    countries = guest_countries(found, statements, people)
    # A visit needs two states: a guest of no known state, or at home, made none.
    statements = [s for s in statements if countries.get(s.guest) not in {None, s.host}]
    assembler = Assembler(found, statements, refs, reference, countries, dateline, reader.views)
    drafts = assembler.group()
    assembler.attach(drafts)
    visits = assembler.claims(drafts)
    for person in people:
        if person.country is None and countries.get(person.key):
            person.country = countries[person.key]
    return Extraction(document_id=doc.id, reference_date=reference, people=people, visits=visits)
