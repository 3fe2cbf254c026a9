"""Visit frames read from one sentence at a time: who travels where, who receives whom.

A *statement* says that a guest goes to (or is in) a host country: a travel word with a
destination ("زار ... العراق", "नई दिल्ली पहुंचे"), a reception ("استقبل A ... B", "X ने उनकी
अगवानी की"), or a meeting between officials of two states where one of them is at home. The
guest of a travel word is the person written right after it (Arabic verb-subject order) or
before it (Hindi, and Arabic subject-verb order), else the guest of the statement before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from visitkb.mentions import (
    CountryMention,
    DocumentMentions,
    PlaceMention,
    TermMention,
)
from visitkb.visits.people import PersonRef

TRAVEL = frozenset({"visit", "arrival", "departure", "start", "end", "tour", "tour_includes"})
# Arabic verb-subject order: the guest is written within this many tokens after the verb.
SUBJECT_AFTER = 8
# The destination is written within this many tokens of the travel word.
DESTINATION_WINDOW = 12
HINDI_DESTINATION_WINDOW = 6
# A planned-visit word this close to a travel word makes the statement planned.
PLANNED_WINDOW = 8
# Arabic prepositions (normalised) before a place that is a destination or a location.
ARABIC_PLACE_WORDS = frozenset(
    {"في", "الي", "الى", "ب", "من", "العاصمه", "مدينه", "بمدينه", "لدي", "نحو", "حتي"}
)
ORIGIN_WORDS = frozenset({"من", "عن", "से"})
# Hindi postpositions after a person: object or companion, not the one who travels.
HINDI_OBJECT_MARKS = frozenset({"से", "को", "साथ"})
HINDI_PRONOUNS = frozenset({"उनकी", "उनका", "उनके", "उन्हें", "उनसे", "वे", "वह", "अपनी", "अपने"})


@dataclass
class Statement:
    """One guest-to-host claim read from one sentence."""

    guest: int
    host: str
    sentence: int
    token: int  # where the trigger is
    kind: str  # travel / reception / meeting
    category: str  # the trigger's category (arrival, end, ...)
    planned: bool = False
    tour_size: int = 1  # destinations the same trigger names
    places: list[PlaceMention] = field(default_factory=list)
    hosts: list[int] = field(default_factory=list)  # people who received or met the guest
    evidence: tuple[int, int] = (0, 0)


@dataclass
class Destination:
    """A country or place a travel word points to."""

    country: str
    token: int
    place: PlaceMention | None = None


class SentenceView:
    """The mentions of one sentence, with the helpers frames need."""

    def __init__(
        self,
        found: DocumentMentions,
        number: int,
        refs: list[PersonRef],
        title_tokens: set[int],
    ) -> None:
        sentence = found.sentences[number]
        self.found = found
        self.number = number
        self.start, self.end = sentence.token, sentence.token_end
        self.terms = [t for t in found.terms if t.sentence == number]
        self.refs = [r for r in refs if r.mention.sentence == number]
        self.countries = [
            c
            for c in found.countries
            if c.sentence == number and c.kind == "name" and c.token not in title_tokens
        ]
        self.adjectives = [
            c
            for c in found.countries
            if c.sentence == number and c.kind == "adjective" and c.token not in title_tokens
        ]
        self.places = [
            p for p in found.places if p.sentence == number and self._place_in_context(p)
        ]

    def norm(self, token: int) -> str:
        tokens = self.found.tokens
        return tokens[token] if 0 <= token < len(tokens) else ""

    def _place_in_context(self, place: PlaceMention) -> bool:
        """Arabic place names are often also words or names: trust them after a preposition,
        "العاصمة", a clitic ب, or right before a nationality adjective."""
        if self.found.lang != "ar":
            return True
        text = place.text
        if text[:1] in {"ب", "ل"} and self.found.tokens[place.token] != text:
            return True
        before = self.norm(place.token - 1)
        return before in ARABIC_PLACE_WORDS or place.capital

    def has(self, category: str) -> bool:
        return any(t.category == category for t in self.terms)

    def destinations(self) -> list[Destination]:
        found = [Destination(c.code, c.token) for c in self.countries]
        found += [Destination(p.country, p.token, p) for p in self.places]
        return sorted(found, key=lambda d: d.token)


def _is_possessive(term: TermMention) -> bool:
    """"زيارته", "جولتها": the travel word carries its subject as a pronoun."""
    word = term.text.split()[0]
    return len(word) > 4 and word.endswith(("ه", "ها", "هم"))


class FrameReader:
    """Reads statements sentence by sentence, remembering the guest spoken of."""

    def __init__(self, found: DocumentMentions, refs: list[PersonRef], countries: dict[int, str | None]) -> None:
        self.found = found
        self.refs = refs
        self.country_of = countries
        self.lang = found.lang
        self.current_guest: int | None = None
        self.title_tokens: set[int] = set()
        for ref in refs:
            m = ref.mention
            if m.role_only:
                self.title_tokens.update(range(m.token, m.token_end))
            elif m.title_token is not None:
                self.title_tokens.update(range(m.title_token, m.token))
        for mention in found.people:
            if mention.role_only:
                self.title_tokens.update(range(mention.token, mention.token_end))
            elif mention.title_token is not None:
                self.title_tokens.update(range(mention.title_token, mention.token))

    # -- guests ---------------------------------------------------------------------------
    def _guest_of(self, view: SentenceView, term: TermMention, first_dest: int | None) -> int | None:
        limit = first_dest if first_dest is not None else term.token_end + SUBJECT_AFTER
        if self.lang == "ar" and not _is_possessive(term):
            after = [
                r
                for r in view.refs
                if term.token_end <= r.mention.token <= min(limit, term.token_end + SUBJECT_AFTER)
            ]
            if after:
                return after[0].key
        before = [r for r in view.refs if r.mention.token_end <= term.token]
        if self.lang == "hi":
            before = [r for r in before if view.norm(r.mention.token_end) not in HINDI_OBJECT_MARKS]
        if before:
            return before[-1].key if self.lang == "ar" else before[0].key
        if self.lang == "ar" and not _is_possessive(term):
            later = [r for r in view.refs if r.mention.token >= term.token_end]
            if later and (first_dest is None or later[0].mention.token < first_dest):
                return later[0].key
        return self.current_guest

    def _planned(self, view: SentenceView, term: TermMention) -> bool:
        if term.future:
            return True
        return any(
            t.category == "planned" and abs(t.token - term.token) <= PLANNED_WINDOW
            for t in view.terms
        )

    # -- destinations ---------------------------------------------------------------------
    def _destinations(self, view: SentenceView, term: TermMention, travel: list[TermMention]) -> list[Destination]:
        dests = view.destinations()
        if self.lang == "hi":
            before = [
                d
                for d in dests
                if d.token < term.token
                and term.token - d.token <= HINDI_DESTINATION_WINDOW
                and view.norm(d.token + 1) not in ORIGIN_WORDS
                and not any(t.token > d.token and t.token < term.token and t.category in {"visit", "arrival", "departure"} for t in travel if t is not term)
            ]
            return before[-1:] if before else []
        next_travel = min(
            (t.token for t in travel if t.token > term.token and t.category != "tour"),
            default=view.end,
        )
        after = [
            d
            for d in dests
            if term.token_end <= d.token < next_travel
            and d.token - term.token_end <= DESTINATION_WINDOW
            and view.norm(d.token - 1) not in ORIGIN_WORDS
        ]
        if term.category == "tour_includes":
            return self._listed(view, after)
        return after[:1]

    def _listed(self, view: SentenceView, dests: list[Destination]) -> list[Destination]:
        """The countries of a list ("السعودية وقطر والإمارات")."""
        if not dests:
            return []
        listed = [dests[0]]
        for dest in dests[1:]:
            gap = dest.token - listed[-1].token
            if gap <= 3:
                listed.append(dest)
            else:
                break
        return listed

    # -- the pass ---------------------------------------------------------------------------
    def read(self) -> list[Statement]:
        statements: list[Statement] = []
        for number in range(len(self.found.sentences)):
            view = SentenceView(self.found, number, self.refs, self.title_tokens)
            if view.has("phone"):
                continue
            found = self._travel(view) + self._receptions(view)
            if not found:
                found = self._meetings(view)
            statements += found
        return statements

    def _sentence_span(self, view: SentenceView) -> tuple[int, int]:
        sentence = self.found.sentences[view.number]
        text = self.found.text
        start, end = sentence.start, sentence.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _travel(self, view: SentenceView) -> list[Statement]:
        travel = sorted((t for t in view.terms if t.category in TRAVEL), key=lambda t: t.token)
        found: list[Statement] = []
        for term in travel:
            dests = self._destinations(view, term, travel)
            if not dests:
                continue
            guest = self._guest_of(view, term, dests[0].token)
            if guest is None:
                continue
            planned = self._planned(view, term)
            summit_after = any(
                t.category == "summit" and 0 <= t.token - dests[-1].token <= 5 for t in view.terms
            )
            if summit_after:
                continue
            for dest in dests:
                if self.country_of.get(guest) == dest.country:
                    continue  # a trip home, or inside the guest's own country
                found.append(
                    Statement(
                        guest=guest,
                        host=dest.country,
                        sentence=view.number,
                        token=term.token,
                        kind="travel",
                        category=term.category,
                        planned=planned,
                        tour_size=len(dests),
                        places=[dest.place] if dest.place else [],
                        evidence=self._sentence_span(view),
                    )
                )
            self.current_guest = guest
        return found

    def _receptions(self, view: SentenceView) -> list[Statement]:
        found = []
        for term in (t for t in view.terms if t.category == "reception"):
            after = [r for r in view.refs if r.mention.token >= term.token_end]
            before = [r for r in view.refs if r.mention.token_end <= term.token]
            if self.lang == "hi":
                hosts = [r for r in before if view.norm(r.mention.token_end) not in HINDI_OBJECT_MARKS]
                guest = self.current_guest
            elif _is_possessive(term) or term.text.split()[0].startswith("مستقبل"):
                hosts = after[:1] or before[-1:]
                guest = before[-1].key if before and after else self.current_guest
                if term.text.split()[0].startswith("مستقبل"):
                    hosts, guest = before[-1:], (after[0].key if after else self.current_guest)
            else:
                hosts = after[:1] or before[-1:]
                rest = [r for r in after[1:] if r.key != (hosts[0].key if hosts else None)]
                guest = rest[0].key if rest else self.current_guest
            if guest is None or not hosts:
                continue
            host_keys = [h.key for h in hosts if h.key != guest]
            host_country = next(
                (self._ref_country(h) for h in hosts if self._ref_country(h)), None
            ) or self._location(view)
            if host_country is None or host_country == self.country_of.get(guest):
                continue
            found.append(
                Statement(
                    guest=guest,
                    host=host_country,
                    sentence=view.number,
                    token=term.token,
                    kind="reception",
                    category="reception",
                    planned=self._planned(view, term),
                    hosts=host_keys,
                    evidence=self._sentence_span(view),
                )
            )
            self.current_guest = guest
        return found

    def _ref_country(self, ref: PersonRef) -> str | None:
        return self.country_of.get(ref.key) or ref.mention.country

    def _location(self, view: SentenceView) -> str | None:
        """Where the sentence happens: a place or country written with a preposition."""
        places = [p.country for p in view.places]
        if places:
            return places[0]
        return None

    def _meetings(self, view: SentenceView) -> list[Statement]:
        """Two officials of two states meet: the one away from home is the guest."""
        terms = [t for t in view.terms if t.category in {"meeting", "presence"}]
        if not terms or len(view.refs) < 2:
            return []
        people = []
        for ref in view.refs:
            country = self._ref_country(ref)
            if ref.key not in [p[0] for p in people]:
                people.append((ref.key, country, ref))
        located = self._location(view) or self.dateline_country
        countries = {c for _k, c, _r in people if c}
        if located is None or located not in countries:
            return []
        at_home = [p for p in people if p[1] == located]
        away = [p for p in people if p[1] != located and (p[1] is not None or self.lang == "ar")]
        if not away or not at_home:
            return []
        guest = away[0][0]
        self.current_guest = guest
        return [
            Statement(
                guest=guest,
                host=located,
                sentence=view.number,
                token=terms[0].token,
                kind="meeting",
                category="meeting",
                planned=self._planned(view, terms[0]),
                hosts=[p[0] for p in at_home],
                evidence=self._sentence_span(view),
            )
        ]

    dateline_country: str | None = None


def dateline_places(found: DocumentMentions) -> list[PlaceMention]:
    """Places written in the dateline: the short first line ("واشنطن – قنا", "नई दिल्ली।")."""
    if not found.sentences:
        return []
    first = found.sentences[0]
    places = [p for p in found.places if p.sentence == 0]
    if first.token_end - first.token <= 8:
        return places
    # Hindi writes the dateline and the first sentence on one line: "नई दिल्ली। ...".
    return [p for p in places if p.token - first.token <= 2]


def country_mentions(found: DocumentMentions) -> list[CountryMention]:
    """Every country named or described by an adjective."""
    return list(found.countries)
