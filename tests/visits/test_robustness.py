"""Extraction never fails on odd text, and every span it reports is a span of the text.

Random texts are generated in ``tests/reliability/test_extraction_properties.py``; these are
the fixed awkward cases.
"""

import pytest

from visitkb.documents import Document
from visitkb.visits.extract import extract


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "زار إلى 2024 الرئيس، في 31 من الشهر الجاري. وصل."),
        ("hi", "यात्रा पर पहुंचे। 31 से तक दिवसीय"),
        ("ar", "زار الرئيس بغداد"),  # a title and a place at the very end
    ],
)
def test_reports_with_keywords_but_no_one_named(lang, text):
    found = extract(Document(id="x", lang=lang, text=text))
    spans = [s for p in found.people for s in p.mentions]
    for visit in found.visits:
        spans += visit.evidence + [p.evidence for p in visit.places]
        spans += [a.evidence for a in visit.agreements]
    assert all(text[span.start : span.end] == span.text for span in spans)
