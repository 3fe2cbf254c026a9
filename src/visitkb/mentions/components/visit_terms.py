"""The ``visitkb_visit_terms`` component: the words of ``visit_terms.yaml`` in the text.

Each match becomes one span per category its phrase belongs to (``visit``, ``arrival``,
``reception``, ``meeting``, ``planned``, ``phone``...). A verb in a future form (Arabic
prefix سـ on a present-tense form the table lists, or a form listed as ``planned``) is marked
``future``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.lang import load_knowledge
from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import locator, write_spans
from visitkb.mentions.forms import normalize_phrase
from visitkb.mentions.lexicon import Lexicon, grammar, lexicon
from visitkb.mentions.model import TermMention

# The future prefix written on a present-tense verb (سيزور, ستصل) is the language's
# (``grammar.yaml`` future_prefixes); the verb must be longer than this.
MIN_FUTURE_VERB_LETTERS = 3


class TermFinder(BatchComponent):
    """Writes ``doc.spans['terms']`` (label = category)."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.categories: dict[str, list[str]] = {}
        for category, forms in load_knowledge(nlp.lang, "visit_terms").items():
            for form in forms or []:
                phrase = normalize_phrase(str(form), nlp.lang)
                self.categories.setdefault(phrase, [])
                if category not in self.categories[phrase]:
                    self.categories[phrase].append(category)
        self.planned = {p for p, cats in self.categories.items() if "planned" in cats}
        self.matcher = phrase_matcher(nlp, self.categories)
        self.lang = nlp.lang
        self.lex = lex
        self.future_prefixes = grammar(nlp.lang).future_prefixes
        # Whether each phrase is a future form, decided once per phrase, not per match.
        self.futures = {phrase: self._future(phrase) for phrase in self.categories}

    def _future(self, phrase: str) -> bool:
        if phrase in self.planned:
            return True
        first = phrase.split()[0]
        return any(
            first.startswith(prefix)
            and len(first) > MIN_FUTURE_VERB_LETTERS
            and first[len(prefix) :] in self.categories
            for prefix in self.future_prefixes
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        locate = locator(doc)
        for phrase, start, end in longest_matches(self.matcher, doc):
            future = self.futures[phrase]
            where = locate(start, end)
            for category in self.categories[phrase]:
                spans.append(TermMention(*where, category, future))
        write_spans(doc, "terms", spans)
        return doc


@Language.factory("visitkb_visit_terms")
def make_term_finder(nlp: Language, name: str) -> TermFinder:
    """Find the words that report visits, receptions, meetings, plans, calls and summits."""
    return TermFinder(nlp, lexicon(nlp.lang))
