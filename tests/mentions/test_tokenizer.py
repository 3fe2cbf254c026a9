"""Tokenisation fixes and sentence starts."""

from functools import cache

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from visitkb.mentions.pipeline import build_pipeline
from visitkb.mentions.tokenizer import fix_tokenizer


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("عام 2016.", ["عام", "2016", "."]),
        ('"لفتة طيبة".', ['"', "لفتة", "طيبة", '"', "."]),
        ("12-سبتمبر-2021", ["12", "-", "سبتمبر", "-", "2021"]),
        ('و"نشكر', ["و", '"', "نشكر"]),
        ("أمس.وفي", ["أمس", ".", "وفي"]),
        ("7.7 مليار", ["7.7", "مليار"]),
    ],
    ids=["period-after-digit", "quote-period", "dateline", "waw-quote", "glued-period", "decimal"],
)
def test_arabic_tokens(text, tokens):
    assert [t.text for t in build_pipeline("ar").make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        (
            "ar",
            "أنقرة (الأناضول)\nوصل الرئيس. ثم غادر",
            ["أنقرة (الأناضول)", "وصل الرئيس.", "ثم غادر"],
        ),
        ("hi", "नई दिल्ली। के. आर. नारायणन ने कहा।", ["नई दिल्ली।", "के. आर. नारायणन ने कहा।"]),
    ],
    ids=["ar-dateline", "hi-initials"],
)
def test_sentences_start_after_newlines_and_end_punctuation(lang, text, sentences):
    doc = build_pipeline(lang)(text)
    assert [s.text.strip() for s in doc.sents] == sentences


# Words, digits, punctuation and every kind of whitespace the special cases covered.
_PIECES = ["وزار", "العراق", "मोदी", "ने", "2021", "١٢", ".", '"', "'", "-", "(", ":)", "a"]
_GAPS = [" ", "  ", "\n", "\n\n", "\t", " \n", "\xa0", ""]


@cache
def _with_specials(lang):
    """The pipeline's tokeniser as it was: the extra rules, every special case kept."""
    nlp = spacy.blank(lang)
    fix_tokenizer(nlp)
    nlp.tokenizer.rules = spacy.blank(lang).tokenizer.rules
    return nlp


@pytest.mark.parametrize("lang", ["ar", "hi"])
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), min_size=1, max_size=12)
)
def test_whitespace_special_cases_are_dropped_without_changing_tokens(lang, parts):
    """The dropped special cases (they disabled spaCy's cache) tokenised like the rules."""
    text = "".join(piece + gap for piece, gap in parts)
    expected = [(t.text, t.whitespace_) for t in _with_specials(lang).make_doc(text)]
    ours = build_pipeline(lang).make_doc(text)
    assert [(t.text, t.whitespace_) for t in ours] == expected
    assert "\n" not in build_pipeline(lang).tokenizer.rules
