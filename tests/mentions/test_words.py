"""The token columns components read: word rows, norms on the tokens, word tests per form."""

import json

import pytest
import spacy

from visitkb.mentions.components.words import (
    MAX_FLAGS,
    WordFlags,
    norms_of,
    texts_of,
    word_flags,
    words_of,
)
from visitkb.mentions.pipeline import build_pipeline

from ..conftest import CORPUS


def _texts(lang: str) -> list[str]:
    lines = (CORPUS / "dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    return [r["text"] for r in map(json.loads, lines) if r["lang"] == lang]


@pytest.mark.parametrize("lang", ["ar", "hi"])
def test_word_tests_kept_per_form_answer_as_each_word_would(lang):
    """The flags the normaliser keeps give the tokens each component's test holds for."""
    nlp = build_pipeline(lang)
    flags = word_flags(nlp).flags
    assert len(flags) == 3  # sentences, numbers and dates scan with one each
    for doc in nlp.pipe(_texts(lang)):
        for flag in flags:
            words = norms_of(doc) if flag.of_norm else texts_of(doc)
            assert flag.positions(doc) == [k for k, w in enumerate(words) if flag.test(w)]


@pytest.mark.parametrize("lang", ["ar", "hi"])
def test_norms_on_tokens_are_the_words_norms(lang):
    """Norms are set on the words' lexemes (and on a token where the document changes it):
    spaCy's own view of every token agrees with the columns."""
    nlp = build_pipeline(lang)
    for doc in nlp.pipe(_texts(lang)):
        assert [t.norm_ for t in doc] == norms_of(doc)
        assert [w.norm_ for w in words_of(doc)] == norms_of(doc)
        assert [t.text for t in doc] == texts_of(doc)
        assert [t.whitespace_ for t in doc] == [w.whitespace_ for w in words_of(doc)]


def test_a_component_without_the_normaliser_tests_each_word_itself():
    nlp = spacy.blank("hi")
    flag = WordFlags().add(str.isdecimal, of_norm=False)
    doc = nlp("वे 2 दिन और 3 रात रहे")
    assert flag.positions(doc) == [1, 4]


def test_a_pipeline_has_at_most_a_byte_of_word_tests():
    flags = WordFlags()
    for _ in range(MAX_FLAGS):
        flags.add(str.isdecimal, of_norm=True)
    with pytest.raises(ValueError, match="at most 8 word tests"):
        flags.add(str.isdecimal, of_norm=True)
