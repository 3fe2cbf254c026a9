"""Extraction entry point: one Document in, its claims out."""

from __future__ import annotations

from visitkb.documents import Document
from visitkb.visits.model import Extraction


def extract(doc: Document) -> Extraction:
    """Extract people, visits, places and agreements from ``doc``.

    The extraction pipeline lands with the extraction issue; until then a document yields no
    claims and ingest stores the document alone.
    """
    return Extraction(document_id=doc.id, reference_date=doc.published)
