"""Visit frames read from one sentence at a time: who travels where, who receives whom.

A *statement* says that a guest goes to (or is in) a host country: a travel word with a
destination ("زار ... العراق", "नई दिल्ली पहुंचे"), a reception ("استقبل A ... B", "X ने उनकी
अगवानी की"), or a meeting between officials of two states where one of them is at home. The
guest of a travel word is the person written right after it (Arabic verb-subject order) or
before it (Hindi, and Arabic subject-verb order), else the guest of the statement before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from visitkb.mentions import DocumentMentions, PlaceMention, TermMention
from visitkb.mentions.forms import normalize_word
from visitkb.mentions.lexicon import Grammar, grammar
from visitkb.visits.people import PersonRef

TRAVEL = frozenset({"visit", "arrival", "departure", "start", "end", "tour", "tour_includes"})
# Words of two officials meeting (a meeting statement is read only where one is written).
MEETING = frozenset({"meeting", "presence", "reception"})
# Arabic verb-subject order: the guest's title starts within this many tokens after the verb.
SUBJECT_AFTER = 8
# The destination is written within this many tokens of the travel word.
DESTINATION_WINDOW = 12
# Written before a verb-final travel word, at most this many words before it.
DESTINATION_GAP_BEFORE_VERB = 3
# A planned-visit word this close to a travel word makes the statement planned.
PLANNED_WINDOW = 8
# The words before a destination, where something happens, joining a list, ... are the
# language's (``lang/<code>/grammar.yaml``: to, towards, place_heads, at, origin, object_marks,
# agent_marks, list_joiners, clause_openers); the comma joins a list in every language.
LIST_PUNCTUATION = frozenset({","})
# A meeting's participants are written within this many tokens of the meeting word.
PARTICIPANT_WINDOW = 12
_CATEGORY = attrgetter("category")


@dataclass(slots=True)
class Statement:
    """One guest-to-host claim read from one sentence."""

    guest: int
    host: str
    sentence: int
    token: int  # where the trigger is
    kind: str  # travel / reception / meeting
    category: str  # the trigger's category (arrival, end, ...)
    planned: bool = False
    present: bool = False  # a present-tense verb: a bare weekday is one ahead
    tour_size: int = 1  # destinations the same trigger names
    places: list[PlaceMention] = field(default_factory=list)
    hosts: list[int] = field(default_factory=list)  # people who received or met the guest
    evidence: tuple[int, int] = (0, 0)
    anchor: int | None = None  # where the destination is written


@dataclass(slots=True)
class Destination:
    """A country or place a travel word points to."""

    country: str
    token: int
    token_end: int
    place: PlaceMention | None = None


def _by_sentence(items: list, sentence_of: Callable[[Any], int]) -> dict[int, list]:
    """Items grouped by the sentence they are in, reading order kept."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(sentence_of(item), []).append(item)
    return groups


def _is_possessive(term: TermMention, grammar: Grammar) -> bool:
    """ "زيارته", "جولتها": the travel word carries its subject as a pronoun."""
    word = term.text.split()[0]
    return len(word) > 4 and word.endswith(grammar.possessive_suffixes)


class SentenceView:
    """The mentions of one sentence, with the helpers frames need."""

    def __init__(
        self,
        found: DocumentMentions,
        number: int,
        groups: dict[str, dict[int, list]],
        titles: set[int],
    ) -> None:
        sentence = found.sentences[number]
        self.found = found
        self.grammar = grammar(found.lang)
        self.number = number
        self.start, self.end = sentence.token, sentence.token_end
        self.terms: list[TermMention] = groups["terms"].get(number, [])
        self.categories = set(map(_CATEGORY, self.terms))
        self.refs: list[PersonRef] = groups["refs"].get(number, [])
        countries = groups["countries"].get(number, [])
        places = groups["places"].get(number, [])
        if countries or places:
            taken = set(titles)  # titles and names: countries and places written in them
            for ref in self.refs:
                taken.update(range(ref.mention.token, ref.mention.token_end))
            countries = [c for c in countries if c.token not in taken]
            places = [p for p in places if p.token not in taken]
        self.countries = [c for c in countries if c.kind == "name"] if countries else []
        self.adjectives = [c for c in countries if c.kind == "adjective"] if countries else []
        self.places = places
        self._destinations: list[Destination] | None = None

    def norm(self, token: int) -> str:
        tokens = self.found.tokens
        return tokens[token] if 0 <= token < len(tokens) else ""

    def has(self, category: str) -> bool:
        return category in self.categories

    def destinations(self) -> list[Destination]:
        """The sentence's countries and places in reading order (built once per sentence;
        callers only read the list)."""
        if self._destinations is None:
            found = [Destination(c.code, c.token, c.token_end) for c in self.countries]
            found += [Destination(p.country, p.token, p.token_end, p) for p in self.places]
            self._destinations = sorted(found, key=attrgetter("token"))
        return self._destinations

    def clitic(self, token: int, letters: frozenset[str]) -> bool:
        """The word at ``token`` carries one of the proclitics ``letters`` ("لطهران")."""
        found = self.found
        if not 0 <= token < len(found.words):
            return False
        word = found.words[token]
        return word[:1] in letters and normalize_word(word, found.lang) != found.tokens[token]

    def located(self, token: int) -> bool:
        """A place at ``token`` is where something happens ("في بغداد", "दिल्ली में")."""
        g = self.grammar
        if not g.postpositions:
            return self.norm(token - 1) in g.located_words or self.clitic(token, g.place_clitics)
        after = self.norm(token + 1)
        if after in g.at or any(
            t.token in (token + 1, token + 2) and t.category in TRAVEL for t in self.terms
        ):
            return True
        return after in g.genitives

    def place_context(self, place: PlaceMention) -> bool:
        """A place named as somewhere visited (not in a name, a compound or a metaphor)."""
        g = self.grammar
        if not g.postpositions:
            return self.located(place.token)
        after = self.norm(place.token_end)
        if after in g.at or after.startswith(g.arrival_stems):
            return True
        if any(
            t.token in (place.token_end, place.token_end + 1) and t.category in TRAVEL
            for t in self.terms
        ):
            return True
        return after in g.genitives and self.norm(place.token_end + 1) not in g.genitive_compounds


class FrameReader:
    """Reads statements sentence by sentence, remembering the guest spoken of."""

    def __init__(
        self,
        found: DocumentMentions,
        refs: list[PersonRef],
        countries: dict[int, str | None],
        dateline_country: str | None,
    ) -> None:
        self.found = found
        self.refs = refs
        self.country_of = countries
        self.lang = found.lang
        self.grammar = grammar(found.lang)
        self.list_joiners = self.grammar.list_joiners | LIST_PUNCTUATION
        self.dateline_country = dateline_country
        self.current_guest: int | None = None
        linked = {id(r.mention) for r in refs}
        self.unnamed = [m for m in found.people if m.role_only and id(m) not in linked]
        self.titles: set[int] = set()
        for mention in found.people:
            if mention.role_only:
                self.titles.update(range(mention.token, mention.token_end))
            elif mention.title_token is not None:
                self.titles.update(range(mention.title_token, mention.token))
        groups: dict[str, dict[int, list]] = {}
        for name, items in (
            ("terms", found.terms),
            ("countries", found.countries),
            ("places", found.places),
        ):
            groups[name] = _by_sentence(items, attrgetter("sentence"))
        groups["refs"] = _by_sentence(refs, attrgetter("mention.sentence"))
        # Only a sentence with a visit term (read below) or a place (attached to a visit
        # later) has anything to read: the others get no view.
        mentioned = groups["terms"].keys() | groups["places"].keys()
        self.views = [
            SentenceView(found, n, groups, self.titles)
            for n in range(len(found.sentences))
            if n in mentioned
        ]

    # -- guests -------------------------------------------------------------------------------
    def _starts(self, ref: PersonRef) -> int:
        m = ref.mention
        return m.title_token if m.title_token is not None else m.token

    def _guest_of(self, view: SentenceView, term: TermMention, first_dest: int) -> int | None:
        if self.grammar.verb_before_subject and not _is_possessive(term, self.grammar):
            after = [
                r
                for r in view.refs
                if term.token_end <= self._starts(r) <= term.token_end + SUBJECT_AFTER
                and r.mention.token < first_dest
            ]
            if after:
                return after[0].key
        before = [r for r in view.refs if r.mention.token_end <= term.token]
        # "الرئيس القبرصي ...، الذي يزور المملكة": the person the relative clause is about.
        if before and any(
            view.norm(k) in self.grammar.clause_openers
            for k in range(max(before[-1].mention.token_end, term.token - 2), term.token)
        ):
            return before[-1].key
        # The sentence's subject: the first person written before the verb.
        if self.grammar.postpositions:
            marks = self.grammar.object_marks
            before = [r for r in before if view.norm(r.mention.token_end) not in marks]
        if before:
            return before[0].key
        return self.current_guest

    def _planned(self, view: SentenceView, term: TermMention) -> bool:
        if term.future:
            return True
        return "planned" in view.categories and any(
            t.category == "planned" and abs(t.token - term.token) <= PLANNED_WINDOW
            for t in view.terms
        )

    # -- destinations ---------------------------------------------------------------------
    def _towards(self, view: SentenceView, dest: Destination, term: TermMention) -> bool:
        """Arabic: the destination follows إلى/ل, or is the verb's object ("زار العراق")."""
        g = self.grammar
        k = dest.token - 1
        while k > term.token and (
            view.norm(k) in g.place_heads
            or any(a.token <= k < a.token_end for a in view.adjectives)
        ):
            k -= 1  # "إلى العاصمة العراقية بغداد"
        word = view.norm(k)
        if word in g.direction_words or view.clitic(dest.token, g.towards_clitics):
            return True
        if k < dest.token - 1 and view.clitic(k + 1, g.in_clitics):
            return True  # "يحط ... بمدينة جدة"
        if word in g.in_preposition and term.category in {"arrival", "end"}:
            return True  # "يختتم جولته السبت في مسقط"
        if k == term.token_end - 1 or (
            view.clitic(dest.token, g.in_clitics) and term.category in {"start", "tour", "arrival"}
        ):
            return True  # "زار العراق", "استهل جولته بأبوظبي"
        # "زار الرئيس الكازاخي قاسم توكاييف الصين": right after the guest's name.
        return any(r.mention.token_end == dest.token for r in view.refs) or (
            term.category == "tour_includes" and dest.token - term.token_end <= 2
        )

    def _destinations(
        self, view: SentenceView, term: TermMention, travel: list[TermMention]
    ) -> list[Destination]:
        dests = view.destinations()
        g = self.grammar
        if g.verb_final:
            # "भारत की दो दिवसीय यात्रा", "नई दिल्ली पहुंचे": a few words at most between.
            before = [
                d
                for d in dests
                if d.token_end <= term.token
                and term.token - d.token_end <= DESTINATION_GAP_BEFORE_VERB
                and view.norm(d.token_end) not in g.origin
            ]
            if not before:
                return []
            # "जापान और दक्षिण कोरिया गए": every country of the list.
            listed = [before[-1]]
            for dest in reversed([d for d in dests if d.token_end <= listed[0].token]):
                gap = [view.norm(k) for k in range(dest.token_end, listed[0].token)]
                if len(gap) != 1 or gap[0] not in self.list_joiners:
                    break
                listed.insert(0, dest)
            return listed
        next_travel = min(
            (
                t.token
                for t in travel
                if t.token >= term.token_end and t.category not in {"tour", "tour_includes"}
            ),
            default=view.end,
        )
        # The window starts after the guest's title and name when they follow the verb.
        opening = term.token_end
        for ref in view.refs:
            if self._starts(ref) <= opening + 1 and ref.mention.token_end > opening:
                opening = ref.mention.token_end
        after = [
            d
            for d in dests
            if term.token_end <= d.token < max(next_travel, term.token_end + 1)
            and d.token - opening <= DESTINATION_WINDOW
            and view.norm(d.token - 1) not in g.origin
        ]
        if term.category == "tour_includes":
            return self._listed(view, after)
        towards = [k for k, d in enumerate(after) if self._towards(view, d, term)]
        # "زار الرياض ثم أبوظبي": a list of destinations.
        return self._listed(view, after[towards[0] :]) if towards else []

    def _listed(self, view: SentenceView, dests: list[Destination]) -> list[Destination]:
        """The destinations of a list ("السعودية وقطر والإمارات", "الرياض ثم أبوظبي")."""
        listed = dests[:1]
        for dest in dests[1:]:
            gap = [view.norm(k) for k in range(listed[-1].token_end, dest.token)]
            if len(gap) > 1 or (gap and gap[0] not in self.list_joiners):
                break
            if dest.country == listed[-1].country:
                continue  # "بمدينة جدة السعودية": one place, said twice
            listed.append(dest)
        return listed

    # -- the passes -----------------------------------------------------------------------
    def read(self) -> list[Statement]:
        """Travel and receptions first; meetings where they name no visit already found."""
        statements: list[Statement] = []
        # A sentence without a visit term states nothing (and changes no guest).
        views = [view for view in self.views if view.terms]
        for view in views:
            if view.has("phone"):
                continue
            # Only a sentence with a travel word or a reception word can state either.
            if not view.categories.isdisjoint(TRAVEL):
                statements += self._travel(view)
            if "reception" in view.categories:
                statements += self._receptions(view)
        involved = {s.guest for s in statements} | {h for s in statements for h in s.hosts}
        stated = {s.sentence for s in statements}
        for view in views:
            if view.has("phone") or view.number in stated:
                continue
            for statement in self._meetings(view, located_only=True):
                if statement.guest not in involved and not set(statement.hosts) & involved:
                    statements.append(statement)
                    stated.add(statement.sentence)
        if not statements:
            for view in views:
                if not view.has("phone"):
                    statements += self._meetings(view, located_only=False)[:1]
                if statements:
                    break
        return sorted(statements, key=lambda s: (s.sentence, s.token))

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
        pending: TermMention | None = None  # "اختتم ... زيارة إلى": the verb says what it is
        for term in travel:
            dests = self._destinations(view, term, travel)
            if not dests:
                if (
                    term.category in {"end", "start", "arrival"}
                    and self.grammar.verb_before_subject
                ):
                    pending = term
                continue
            lead = pending if pending is not None and term.category == "visit" else term
            pending = None
            guest = self._guest_of(view, lead, dests[0].token)
            if guest is None:
                continue
            if view.has("summit") and any(
                t.category == "summit" and 0 <= t.token - dests[-1].token_end <= 5
                for t in view.terms
            ):
                continue  # "ثم إلى نيويورك للمشاركة في الجمعية العامة": not a visit
            planned = self._planned(view, term) or self._planned(view, lead)
            present = view.has("present") and any(
                t.category == "present" and t.token == lead.token for t in view.terms
            )
            evidence = self._sentence_span(view)
            for dest in dests:
                if self.country_of.get(guest) == dest.country:
                    continue  # a trip home, or inside the guest's own country
                found.append(
                    Statement(
                        guest=guest,
                        host=dest.country,
                        sentence=view.number,
                        token=lead.token,
                        kind="travel",
                        category=lead.category,
                        planned=planned,
                        present=present,
                        tour_size=len(dests),
                        places=[dest.place] if dest.place else [],
                        evidence=evidence,
                        anchor=dest.token,
                    )
                )
            if not view.has("background"):
                self.current_guest = guest  # an earlier visit told as background is a digression
        return found

    def _receptions(self, view: SentenceView) -> list[Statement]:
        found = []
        for term in (t for t in view.terms if t.category == "reception"):
            after = [r for r in view.refs if r.mention.token >= term.token_end]
            before = [r for r in view.refs if r.mention.token_end <= term.token]
            word = term.text.split()[0]
            g = self.grammar
            if g.postpositions:
                # "X ने Y के सम्मान में ... मेज़बानी की": X hosts, the one in genitive is guest.
                hosts = [r for r in before if view.norm(r.mention.token_end) in g.agent_marks]
                honoured = [r for r in before if view.norm(r.mention.token_end) in g.honoured_marks]
                guest = honoured[0].key if honoured else self.current_guest
            elif word.startswith(g.receiver_stems):  # "في مقدمة مستقبلي ضيفه": hosts before
                hosts = before[-1:]
                guest = after[0].key if after else self.current_guest
            elif _is_possessive(term, g) or word.startswith(
                tuple(g.in_preposition)
            ):  # "كان في استقباله X"
                hosts = after[:1] or before[-1:]
                guest = before[-1].key if before and after else self.current_guest
            else:  # "استقبل A B"
                hosts = after[:1] or before[-1:]
                others = [r for r in after if r.key not in {h.key for h in hosts}]
                guest = others[0].key if others else self.current_guest
            if guest is None or not hosts:
                continue
            host_keys = [h.key for h in hosts if h.key != guest]
            host_country = (
                next((c for h in hosts if h.key != guest and (c := self._ref_country(h))), None)
                or self._location(view)
                or self._present_country(view, guest)
            )
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

    def _present_country(self, view: SentenceView, guest: int) -> str | None:
        """The one country, not the guest's, of the others named in the sentence."""
        theirs = self.country_of.get(guest)
        found = {
            c for r in view.refs if r.key != guest and (c := self._ref_country(r)) and c != theirs
        }
        return found.pop() if len(found) == 1 else None

    def _ref_country(self, ref: PersonRef) -> str | None:
        return self.country_of.get(ref.key) or ref.mention.country

    def _location(self, view: SentenceView) -> str | None:
        """Where the sentence happens: a place written with "في"/"में" and the like."""
        for place in view.places:
            if view.located(place.token):
                return place.country
        return None

    def _subject_and_partner(
        self, view: SentenceView, term: TermMention
    ) -> tuple[PersonRef, PersonRef] | None:
        """Who meets and whom: "A ने B से मुलाक़ात", "التقى A B"."""
        refs = view.refs
        g = self.grammar
        if g.postpositions:
            subject = next(
                (r for r in refs if view.norm(r.mention.token_end) in g.agent_marks), None
            )
            partner = next(
                (
                    r
                    for r in refs
                    if view.norm(r.mention.token_end) in g.partner_marks and r is not subject
                ),
                None,
            )
        else:
            after = [r for r in refs if r.mention.token >= term.token_end]
            subject, partner = (after[0], after[1]) if len(after) > 1 else (None, None)
        if subject is None or partner is None or subject.key == partner.key:
            return None
        return subject, partner

    def _meetings(self, view: SentenceView, *, located_only: bool) -> list[Statement]:
        """Two officials of two states meet: the one away from home is the guest."""
        if view.categories.isdisjoint(MEETING):
            return []
        terms = [t for t in view.terms if t.category in MEETING]
        if not terms or (view.has("summit") and located_only is False):
            return []
        people: dict[int, str | None] = {}
        for ref in view.refs:
            people.setdefault(ref.key, self._ref_country(ref))
        # Officials named by title alone ("الرئيس الأمريكي") can be the ones at home.
        unnamed = {
            -1 - k: m.country
            for k, m in enumerate(self.unnamed)
            if m.sentence == view.number and m.country
        }
        if len(people) + len(unnamed) < 2 or not people:
            return []
        located = self._location(view) or self.dateline_country
        if located is None and not located_only:
            # No place said: the one who meets goes to the country of the one met.
            pair = self._subject_and_partner(view, terms[0])
            if pair is None:
                return []
            subject, partner = pair
            located = self._ref_country(partner)
            if located is None or located == self._ref_country(subject):
                return []
            guests = [subject.key]
            people[partner.key] = located
        else:
            guests = [k for k, c in people.items() if c != located]
        at_home = [k for k, c in people.items() if c == located]
        if not at_home and located in unnamed.values():
            at_home = [-1]  # a host named by title alone: none to list as met
        if located is None or not at_home or not guests:
            return []
        if self.grammar.meeting_guest_needs_country and people[guests[0]] is None:
            return []
        guest = guests[0]
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
                hosts=[k for k in at_home if k >= 0],
                evidence=self._sentence_span(view),
            )
        ]


def dateline_places(found: DocumentMentions) -> list[PlaceMention]:
    """Places of the dateline: the short first line ("واشنطن – قنا", "नई दिल्ली।")."""
    if not found.sentences:
        return []
    first = found.sentences[0]
    if first.token_end - first.token > DATELINE_TOKENS:
        return []
    return [p for p in found.places if p.sentence == 0]


# A dateline line is a place, an agency and a date at most.
DATELINE_TOKENS = 12
