"""The ``visitkb_countries`` component: countries, nationality adjectives and places.

Country names (pycountry translations and short forms) and adjectives (all inflections) from
``world``; cities from the world gazetteer. Where a country and a city share a name the country
wins ("الكويت"); a longer match wins over a shorter one ("المملكة العربية السعودية").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import write_spans
from visitkb.mentions.lexicon import Lexicon, lexicon


class CountryFinder:
    """Writes ``doc.spans['countries']`` and ``doc.spans['places']``."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.matcher = phrase_matcher(nlp, [*lex.countries, *lex.places])

    def __call__(self, doc: Doc) -> Doc:
        countries, places = [], []
        for phrase, start, end in longest_matches(self.matcher, doc):
            if phrase in self.lex.countries:
                code, kind = self.lex.countries[phrase]
                countries.append((doc[start:end], {"code": code, "kind": kind}))
            else:
                place = self.lex.places[phrase]
                places.append((doc[start:end], {"place": place}))
        write_spans(doc, "countries", countries)
        write_spans(doc, "places", places)
        return doc


@Language.factory("visitkb_countries")
def make_country_finder(nlp: Language, name: str) -> CountryFinder:
    """Find countries, nationality adjectives and cities."""
    return CountryFinder(nlp, lexicon(nlp.lang))
