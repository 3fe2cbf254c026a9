"""The ``visitkb_countries`` component: countries, nationality adjectives and places.

Country names (pycountry translations and short forms) and adjectives (all inflections) from
``world``; cities from the world gazetteer. Where a country and a city share a name the country
wins ("الكويت"); a longer match wins over a shorter one ("المملكة العربية السعودية").
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import Location, locator, write_spans
from visitkb.mentions.components.words import norms_of, texts_of
from visitkb.mentions.lexicon import Lexicon, grammar, lexicon
from visitkb.mentions.model import CountryMention, PlaceMention
from visitkb.world.places import Place


class CountryFinder(BatchComponent):
    """Writes ``doc.spans['countries']`` and ``doc.spans['places']``."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        # Marks normalising drops that tell a place from a country (``grammar.yaml``).
        self.homograph_marks = grammar(nlp.lang).homograph_marks
        # What each phrase may be, looked up once per match: (the states a state word may
        # mean, the place a homograph names, (code, kind) of a country, a place).
        self.meaning = {
            phrase: (
                lex.state_words.get(phrase),
                lex.homographs.get(phrase),
                lex.countries.get(phrase),
                lex.places.get(phrase),
            )
            for phrase in [*lex.countries, *lex.places, *lex.state_words]
        }
        self.matcher = phrase_matcher(nlp, self.meaning)

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        countries: list[CountryMention] = []
        places: list[PlaceMention] = []
        states: list[tuple[int, int, tuple[str, ...]]] = []
        norms = norms_of(doc)
        locate = locator(doc)
        for phrase, start, end in longest_matches(self.matcher, doc):
            state, homograph, country, place = self.meaning[phrase]
            if state is not None:
                states.append((start, end, state))
                continue
            if end < len(norms) and norms[end] in lex.building_suffixes:
                continue  # "حيدر آباد هاوس", "हैदराबाद हाउस": a building's name
            # "عمّان" (Amman) and "عمان" (Oman) differ only by the shadda normalising drops.
            if homograph is not None and any(
                mark in word for word in texts_of(doc)[start:end] for mark in self.homograph_marks
            ):
                places.append(_place(locate(start, end), homograph))
            elif country is not None:
                code, kind = country
                countries.append(CountryMention(*locate(start, end), code, kind))
            elif place is not None:
                places.append(_place(locate(start, end), place))
        # "المملكة" alone: the kingdom the document speaks of most.
        counts = Counter(c.code for c in countries)
        counts.update(p.country for p in places)
        for start, end, codes in states:
            code = max(codes, key=lambda c: (counts[c], -codes.index(c)))
            countries.append(CountryMention(*locate(start, end), code, "name"))
        countries.sort(key=attrgetter("token"))
        write_spans(doc, "countries", countries)
        write_spans(doc, "places", places)
        return doc


def _place(where: Location, place: Place) -> PlaceMention:
    return PlaceMention(*where, place.name_en, place.country, place.capital, place.site)


@Language.factory("visitkb_countries")
def make_country_finder(nlp: Language, name: str) -> CountryFinder:
    """Find countries, nationality adjectives and cities."""
    return CountryFinder(nlp, lexicon(nlp.lang))
