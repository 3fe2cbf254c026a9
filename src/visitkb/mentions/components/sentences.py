"""The ``visitkb_sentences`` component: sentence starts after end punctuation and newlines.

Headlines, datelines and bylines end without punctuation, so a line break also ends a sentence.
"""

from __future__ import annotations

import unicodedata

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from visitkb.lang import supported_languages
from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.words import WordFlags, texts_of, word_flags
from visitkb.mentions.lexicon import grammar

# Sentence-final punctuation of Latin text; each language adds its script's
# (``grammar.yaml`` sentence_ends: "؟", "।").
ENDERS = frozenset({".", "!", "?", "…"})
# A period after a word this short is an initial or an abbreviation ("के. नटवर सिंह", "د."),
# not the end of a sentence.
MAX_INITIAL_LETTERS = 2


def _is_word(text: str) -> bool:
    """Letters, and the vowel signs of abugidas ("के")."""
    return bool(text) and all(ch.isalpha() or unicodedata.category(ch)[0] == "M" for ch in text)


# Where the sentence starts are kept for ``sentence_bounds`` (faster than ``doc.sents``).
SENTENCE_STARTS = "visitkb_sentence_starts"


SENTENCE_NUMBERS = "visitkb_sentence_numbers"


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(first token, last token + 1) of each sentence, in order."""
    starts = doc.user_data.get(SENTENCE_STARTS) or ([0] if len(doc) else [])
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of the sentence each token is in (built once per document)."""
    numbers = doc.user_data.get(SENTENCE_NUMBERS)
    if numbers is None:
        numbers = [0] * len(doc)
        for number, (first, last) in enumerate(sentence_bounds(doc)):
            numbers[first:last] = [number] * (last - first)
        doc.user_data[SENTENCE_NUMBERS] = numbers
    return numbers


class SentenceSplitter(BatchComponent):
    """Marks every token as starting a sentence or not."""

    def __init__(self, flags: WordFlags, enders: frozenset[str] = ENDERS) -> None:
        self.enders = enders
        self.breaks = flags.add(lambda text: text in enders or text.isspace(), of_norm=False)

    def __call__(self, doc: Doc) -> Doc:
        texts = texts_of(doc)
        # Only end punctuation and whitespace change the state; the words between them are
        # skipped (the first one starts a sentence if one is due).
        breaks = self.breaks.positions(doc)
        starts = []
        start = True
        previous = ""
        after = 0  # the token after the last break
        for i in breaks:
            if i > after:
                if start:
                    starts.append(after)
                    start = False
                previous = texts[i - 1]
            text = texts[i]
            after = i + 1
            if text.isspace():
                if start:
                    starts.append(i)
                    start = False
                if "\n" in text:
                    start = True
                continue
            if start:
                starts.append(i)
            initial = text == "." and _is_word(previous) and len(previous) <= MAX_INITIAL_LETTERS
            start = not initial
            previous = text
        if start and after < len(texts):
            starts.append(after)
        # One array write instead of a Token per sentence start.
        if starts:
            marks = numpy.full((len(doc), 1), -1, dtype="int64")
            marks[starts, 0] = 1
            doc.from_array(["SENT_START"], marks.astype("uint64"))  # -1 wraps as spaCy expects
        doc.user_data[SENTENCE_STARTS] = starts
        doc.user_data.pop(SENTENCE_NUMBERS, None)
        return doc


@Language.factory("visitkb_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """Split sentences at end punctuation and line breaks."""
    # Every known script's end marks: a quotation in another script ends where it ends.
    scripts = frozenset().union(*(grammar(lang).sentence_ends for lang in supported_languages()))
    return SentenceSplitter(word_flags(nlp), ENDERS | scripts)
