"""The ``visitkb_countries`` component: countries, nationality adjectives and places.

Country names (pycountry translations and short forms) and adjectives (all inflections) from
``world``; cities from the world gazetteer. Where a country and a city share a name the country
wins ("الكويت"); a longer match wins over a shorter one ("المملكة العربية السعودية").
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import Found, write_spans
from visitkb.mentions.components.words import words_of
from visitkb.mentions.lexicon import Lexicon, grammar, lexicon


class CountryFinder:
    """Writes ``doc.spans['countries']`` and ``doc.spans['places']``."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        # Marks normalising drops that tell a place from a country (``grammar.yaml``).
        self.homograph_marks = grammar(nlp.lang).homograph_marks
        self.matcher = phrase_matcher(nlp, [*lex.countries, *lex.places, *lex.state_words])

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        words = words_of(doc)
        countries: list[Found] = []
        places: list[Found] = []
        states: list[tuple[int, int, tuple[str, ...]]] = []
        for phrase, start, end in longest_matches(self.matcher, doc):
            if phrase in lex.state_words:
                states.append((start, end, lex.state_words[phrase]))
                continue
            if end < len(words) and words[end].norm_ in lex.building_suffixes:
                continue  # "حيدر آباد هاوس", "हैदराबाद हाउस": a building's name
            # "عمّان" (Amman) and "عمان" (Oman) differ only by the shadda normalising drops.
            if phrase in lex.homographs and any(
                mark in w.text for w in words[start:end] for mark in self.homograph_marks
            ):
                places.append((start, end, {"place": lex.homographs[phrase]}))
            elif phrase in lex.countries:
                code, kind = lex.countries[phrase]
                countries.append((start, end, {"code": code, "kind": kind}))
            elif phrase in lex.places:
                places.append((start, end, {"place": lex.places[phrase]}))
        # "المملكة" alone: the kingdom the document speaks of most.
        counts = Counter(d["code"] for _s, _e, d in countries)
        counts.update(d["place"].country for _s, _e, d in places)
        for start, end, codes in states:
            code = max(codes, key=lambda c: (counts[c], -codes.index(c)))
            countries.append((start, end, {"code": code, "kind": "name"}))
        countries.sort(key=lambda found: found[0])
        write_spans(doc, "countries", countries)
        write_spans(doc, "places", places)
        return doc


@Language.factory("visitkb_countries")
def make_country_finder(nlp: Language, name: str) -> CountryFinder:
    """Find countries, nationality adjectives and cities."""
    return CountryFinder(nlp, lexicon(nlp.lang))
