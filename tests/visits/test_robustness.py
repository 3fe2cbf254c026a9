"""Extraction never fails on odd text, and every span it reports is a span of the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitkb.documents import Document
from visitkb.visits.extract import extract

ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ًٌٍَُِّْـ٠١٢٣٤٥"
DEVANAGARI = "".join(chr(c) for c in range(0x0905, 0x0940)) + "ािीुूेैोौंँ़्०१२"
PIECES = st.sampled_from(
    [" ", "\n", "،", ".", "-", "/", "'", '"', "(", ")", "2024", "7", "।", "ال", "و"]
)


def _texts(alphabet: str) -> st.SearchStrategy[str]:
    words = st.text(alphabet=alphabet, min_size=1, max_size=8)
    return st.lists(st.one_of(words, PIECES), min_size=1, max_size=60).map("".join)


def _check(lang: str, text: str) -> None:
    if not text.strip():
        return
    found = extract(Document(id="x", lang=lang, text=text))
    spans = [s for p in found.people for s in p.mentions]
    for visit in found.visits:
        spans += visit.evidence + [p.evidence for p in visit.places]
        spans += [a.evidence for a in visit.agreements]
    for span in spans:
        assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(ARABIC))
def test_arabic_noise(text):
    _check("ar", text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(DEVANAGARI))
def test_hindi_noise(text):
    _check("hi", text)


def test_reports_with_keywords_but_no_one_named():
    _check("ar", "زار إلى 2024 الرئيس، في 31 من الشهر الجاري. وصل.")
    _check("hi", "यात्रा पर पहुंचे। 31 से तक दिवसीय")
    _check("ar", "زار الرئيس بغداد")  # a title and a place at the very end
