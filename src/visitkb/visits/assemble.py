"""Statements -> visit claims: one visit per guest, host and time; dates, length, places,
participants and agreements attached to the visit they are written with.

Statements of one guest and host are one visit unless their dates set them apart (an earlier
visit told as background, a return announced for later). A date, a length or an agreement
belongs to the statement nearest to it in its sentence, or else to the visit the text is
speaking of at that point (the last one reported that is not background).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from visitkb.lang import load_knowledge
from visitkb.mentions import (
    AgreementMention,
    DateMention,
    DocumentMentions,
    PersonMention,
    PlaceMention,
)
from visitkb.mentions.forms import CliticRules, normalize_word
from visitkb.mentions.lexicon import grammar
from visitkb.visits.dates import DateReading, read_date
from visitkb.visits.frames import (
    PARTICIPANT_WINDOW,
    SentenceView,
    Statement,
)
from visitkb.visits.model import AgreementClaim, Evidence, PersonClaim, PlaceClaim, VisitClaim
from visitkb.visits.people import PersonRef

# A date or a length belongs to a statement written this close to it.
ATTACH_WINDOW = 15
# Days apart beyond which two dated statements of one guest and host are two visits.
SAME_VISIT_DAYS = 7
# A visit whose dates end this long before the reference day is background.
BACKGROUND_DAYS = 30
# How a date's trigger ranks as the first day of a visit (arrival first).
START_RANK = {
    "range": -1,
    "arrival": 0,
    "visit": 1,
    "start": 1,
    "departure": 1,
    "tour": 2,
    "tour_includes": 2,
    "reception": 3,
}
# Words for "before" that bound an undated earlier visit by the visit reported
# ("भारत आने से पहले", "قبل"), a visit's n-th day ("اليوم الثاني من الزيارة", "यात्रा के दूसरे
# दिन") and "son of" are the language's: ``grammar.yaml`` before_words, nth_day_words, son_of.
ORDINAL_TO_DATE = 4
# "منذ انتخابه رئيساً في ...": words between "since" and a date that is not the visit's.
SINCE_GAP = 5
# "بعد عام 2003": a bound word this close to a date.
BOUND_GAP = 2


@dataclass(slots=True)
class VisitDraft:
    """A visit being assembled from its statements."""

    guest: int
    host: str
    statements: list[Statement] = field(default_factory=list)
    starts: list[tuple[int, DateReading]] = field(default_factory=list)  # (rank, reading)
    ends: list[DateReading] = field(default_factory=list)
    meetings: list[DateReading] = field(default_factory=list)
    windows: list[DateReading] = field(default_factory=list)
    duration: int | None = None
    tour_duration: int | None = None
    tour_day: date | None = None  # the day the tour this leg belongs to began
    places: list[PlaceMention] = field(default_factory=list)
    participants: list[int] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)

    @property
    def first(self) -> Statement:
        return min(self.statements, key=lambda s: (s.sentence, s.token))

    def dates(self) -> list[DateReading]:
        return [r for _rank, r in self.starts] + self.ends + self.meetings + self.windows


def _near(a: DateReading, b: DateReading) -> bool:
    """The two readings may be days of one visit (open window ends reach any day)."""
    a_lo, a_hi = (a.start, a.end or a.start) if a.exact else a.window
    b_lo, b_hi = (b.start, b.end or b.start) if b.exact else b.window
    gap = timedelta(days=SAME_VISIT_DAYS)
    if a_lo is not None and b_hi is not None and a_lo > b_hi + gap:
        return False
    return not (b_lo is not None and a_hi is not None and b_lo > a_hi + gap)


def _dated_before(draft: VisitDraft, reference: date) -> bool:
    """The visit has dates, all long before the reference day."""
    days = [r.end or r.start or r.window[1] for r in draft.dates()]
    days = [d for d in days if d]
    return bool(days) and max(days) < reference - timedelta(days=BACKGROUND_DAYS)


@cache
def _bound_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that bound a date before and after it, and times of day (normalised), of
    ``lang``: the same for every document."""
    terms = load_knowledge(lang, "visit_terms")
    days = load_knowledge(lang, "relative_days")
    return (
        frozenset(normalize_word(w, lang) for w in terms.get("bound_before") or []),
        frozenset(normalize_word(w, lang) for w in terms.get("bound_after") or []),
        frozenset(
            normalize_word(w, lang)
            for phrase in days.get("times_of_day") or []
            for w in phrase.split()
        ),
    )


class Assembler:
    """Builds visit claims from statements and the document's mentions."""

    def __init__(
        self,
        found: DocumentMentions,
        statements: list[Statement],
        refs: list[PersonRef],
        reference: date | None,
        countries: dict[int, str | None],
        dateline: list[PlaceMention],
        views: list[SentenceView],
    ) -> None:
        self.found = found
        self.grammar = grammar(found.lang)
        self.statements = statements
        self.refs = refs
        self.reference = reference
        self.country_of = countries
        self.dateline = dateline
        self.views = views
        self.since = {(t.sentence, t.token_end) for t in found.terms if t.category == "since"}
        self.bounds_before, self.bounds_after, self.times_of_day = _bound_words(found.lang)
        # Whether a visit is background, per visit: asked for each mention attached (its dates
        # are final once grouped). Keyed by id, with the visit kept to tell a reused id.
        self._backgrounds: dict[int, tuple[VisitDraft, bool]] = {}
        # Each guest's first names, kept once asked for (the refs do not change).
        self._guest_names: dict[int, set[str]] = {}
        self._visits_index: (
            tuple[list[VisitDraft], dict[int, list[tuple[VisitDraft, Statement]]]] | None
        ) = None
        # The statements of each sentence, reading order kept (they do not change).
        self._statements_in: dict[int, list[int]] = {}
        for k, s in enumerate(statements):
            self._statements_in.setdefault(s.sentence, []).append(k)

    # -- dates of statements ----------------------------------------------------------------
    def _statement_for(self, sentence: int, token: int) -> list[int]:
        """Indices of the statements of the trigger nearest ``token`` in ``sentence``.

        Hindi writes a date before its verb, Arabic mostly after: the statement on that side
        is preferred.
        """
        here = self._statements_in.get(sentence)
        if not here:
            return []
        if self.grammar.verb_final:
            side = [k for k in here if self.statements[k].token >= token]
        else:
            side = [k for k in here if self.statements[k].token <= token]
        pool = side or here

        def distance(k: int) -> int:
            statement = self.statements[k]
            marks = [statement.token, statement.anchor or statement.token]
            return min(abs(m - token) for m in marks)

        best = min(pool, key=distance)
        if distance(best) > ATTACH_WINDOW:
            return []
        return [k for k in here if self.statements[k].token == self.statements[best].token]

    def _after_since(self, mention: DateMention) -> bool:
        """A date a few words after "منذ" (not right after it) dates what began then."""
        return any(
            sentence == mention.sentence and 0 < mention.token - end <= SINCE_GAP
            for sentence, end in self.since
        )

    def _bounded(self, mention: DateMention) -> bool:
        """ "بعد عام 2003", "2019 के बाद": a date something came after or before."""
        tokens = self.found.tokens
        if tokens[mention.token] in self.times_of_day:
            return False  # "قبل ظهر اليوم" is a time of day, not "before today"
        before = tokens[max(0, mention.token - BOUND_GAP) : mention.token]
        after = tokens[mention.token_end : mention.token_end + BOUND_GAP]
        return any(w in self.bounds_before for w in before) or any(
            w in self.bounds_after for w in after
        )

    def _dated(self) -> dict[int, list[tuple[DateMention, DateReading]]]:
        dated: dict[int, list[tuple[DateMention, DateReading]]] = {}
        for mention in self.found.dates:
            if self._after_since(mention) or self._bounded(mention):
                continue  # "منذ انتخابه رئيساً في أيار 2018", "بعد عام 2003": not its date
            for k in self._statement_for(mention.sentence, mention.token):
                statement = self.statements[k]
                ahead = statement.planned or statement.present
                reading = read_date(mention, self.reference, future=ahead)
                if reading is not None:
                    dated.setdefault(k, []).append((mention, reading))
        return dated

    # -- grouping ---------------------------------------------------------------------------
    def group(self) -> list[VisitDraft]:
        dated = self._dated()
        drafts: list[VisitDraft] = []
        # Dated statements first, so undated ones join the visit nearest the reference day.
        order = sorted(range(len(self.statements)), key=lambda k: (not dated.get(k), k))
        for k in order:
            statement = self.statements[k]
            readings = [r for _m, r in dated.get(k, [])]
            home = self._home(drafts, statement, readings)
            if home is None:
                home = VisitDraft(statement.guest, statement.host)
                drafts.append(home)
            home.statements.append(statement)
            for mention, reading in dated.get(k, []):
                self._add_date(home, statement, mention, reading)
            home.places += statement.places
            home.participants += statement.hosts
        drafts.sort(key=lambda d: (d.first.sentence, d.first.token))
        return drafts

    def _home(
        self, drafts: list[VisitDraft], statement: Statement, readings: list[DateReading]
    ) -> VisitDraft | None:
        same = [d for d in drafts if d.guest == statement.guest and d.host == statement.host]
        if not same:
            return None
        if not readings:
            return min(same, key=self._closeness)
        for draft in same:
            days = draft.dates()
            if not days or any(_near(r, d) for r in readings for d in days):
                return draft
        return None

    def _closeness(self, draft: VisitDraft) -> tuple[int, int]:
        """Sort key: undated visits and those nearest the reference day first."""
        days = [r.start or r.window[1] or r.window[0] for r in draft.dates()]
        days = [d for d in days if d]
        if not days or self.reference is None:
            return (0, draft.first.sentence)
        return (0, min(abs((d - self.reference).days) for d in days))

    def _add_date(
        self, draft: VisitDraft, statement: Statement, mention: DateMention, reading: DateReading
    ) -> None:
        if not reading.exact or reading.start is None:
            draft.windows.append(reading)
            return
        if reading.end is not None:
            if statement.tour_size > 1:
                draft.windows.append(DateReading(None, None, (reading.start, reading.end)))
                draft.tour_duration = (reading.end - reading.start).days + 1
                return
            draft.starts.append((START_RANK["range"], reading))
            draft.ends.append(DateReading(reading.end, None, (reading.end, reading.end)))
            return
        if statement.tour_size > 1 and statement.host != self._first_leg(statement):
            draft.tour_day = reading.start  # a later leg: that day only if the tour is one day
            draft.windows.append(DateReading(None, None, (reading.start, None)))
            return
        nth = self._day_of_visit(mention)
        if nth is not None:
            day = reading.start - timedelta(days=nth - 1)
            draft.starts.append((START_RANK["arrival"], DateReading(day, None, (day, day))))
        elif statement.category == "end" and not self._ends_tour(statement):
            draft.ends.append(reading)
        elif statement.category == "end":
            draft.starts.append((START_RANK["visit"], reading))  # the tour's last leg, that day
        elif statement.kind == "meeting" or statement.category not in START_RANK:
            draft.meetings.append(reading)
        else:
            draft.starts.append((START_RANK[statement.category], reading))

    def _first_leg(self, statement: Statement) -> str:
        legs = [
            s
            for s in self.statements
            if s.sentence == statement.sentence and s.token == statement.token
        ]
        return legs[0].host

    def _ends_tour(self, statement: Statement) -> bool:
        """ "يختتم جولته السبت في مسقط": the last leg of a tour is on that day."""
        nxt = statement.token + 1
        tokens = self.found.tokens
        return nxt < len(tokens) and tokens[nxt].startswith(self.grammar.tour_stems)

    def _day_of_visit(self, mention: DateMention) -> int | None:
        for number in self.found.numbers:
            if (
                number.ordinal
                and number.sentence == mention.sentence
                and abs(number.token - mention.token) <= ORDINAL_TO_DATE
            ):
                around = self.found.tokens[max(0, number.token - 1) : number.token_end + 1]
                if any(w in self.grammar.nth_day_words for w in around):
                    return number.value
        return None

    # -- what else belongs to a visit -------------------------------------------------------
    def _background(self, draft: VisitDraft) -> bool:
        if self.reference is None:
            return False
        known = self._backgrounds.get(id(draft))
        if known is not None and known[0] is draft:
            return known[1]
        background = _dated_before(draft, self.reference)
        self._backgrounds[id(draft)] = (draft, background)
        return background

    def _visits_in(self, drafts: list[VisitDraft]) -> dict[int, list[tuple[VisitDraft, Statement]]]:
        """Each sentence's (visit, statement) pairs, in the visits' order: built once for the
        visits being attached to (their statements are final once grouped)."""
        if self._visits_index is not None and self._visits_index[0] is drafts:
            return self._visits_index[1]
        index: dict[int, list[tuple[VisitDraft, Statement]]] = {}
        for d in drafts:
            for s in d.statements:
                index.setdefault(s.sentence, []).append((d, s))
        self._visits_index = (drafts, index)
        return index

    def _visit_at(self, drafts: list[VisitDraft], sentence: int, token: int) -> VisitDraft | None:
        """The visit a mention at ``token`` of ``sentence`` is about."""
        here = self._visits_in(drafts).get(sentence, [])
        # A tour's list of countries draws nothing to its legs when the sentence says more.
        listed = [(d, s) for d, s in here if s.category != "tour_includes"]
        here = listed or here
        if here:
            if self.grammar.verb_final:
                side = [ds for ds in here if ds[1].token >= token]
            else:
                side = [ds for ds in here if ds[1].token <= token]
            return min(side or here, key=lambda ds: abs(ds[1].token - token))[0]
        # The visit of the latest statement before the sentence (the first such visit), unless
        # that visit is background.
        latest, found = -1, None
        for d in drafts:
            last = max((s.sentence for s in d.statements if s.sentence < sentence), default=-1)
            if last > latest and not self._background(d):
                latest, found = last, d
        return found if found is not None else self.main(drafts)

    def main(self, drafts: list[VisitDraft]) -> VisitDraft | None:
        """The visit the text reports (not background): the first one, nearest the day."""
        current = [d for d in drafts if not self._background(d)] or drafts
        return min(current, key=lambda d: d.first.sentence) if current else None

    def attach(self, drafts: list[VisitDraft]) -> None:
        for duration in self.found.durations:
            if not duration.stated:
                continue
            draft = self._visit_at(drafts, duration.sentence, duration.token)
            if draft is None:
                continue
            tour = [
                d
                for d in drafts
                if any(s.sentence == duration.sentence and s.tour_size > 1 for s in d.statements)
            ]
            if tour and self._tour_word_near(duration):
                for leg in tour:
                    leg.tour_duration = leg.tour_duration or duration.days
            elif draft.duration is None:
                draft.duration = duration.days
        for view in self.views:
            for place in view.places:
                if not view.place_context(place):
                    continue
                draft = self._visit_at(drafts, place.sentence, place.token)
                if draft is not None and place.country == draft.host:
                    draft.places.append(place)
        main = self.main(drafts)
        if main is not None:
            main.places += [p for p in self.dateline if p.country == main.host]
        self._participants(drafts)
        for agreement in self.found.agreements:
            if not agreement.signed or agreement.anaphoric or agreement.existing:
                continue
            draft = self._visit_at(drafts, agreement.sentence, agreement.token)
            if draft is not None:
                draft.agreements.append(agreement)

    def _tour_word_near(self, duration) -> bool:
        """ "جولة ... استغرقت يوماً واحداً": the length is the tour's, not a leg's."""
        return any(
            t.category in {"tour", "tour_includes"}
            and t.sentence == duration.sentence
            and 0 <= duration.token - t.token <= ATTACH_WINDOW
            for t in self.found.terms
        )

    def _participants(self, drafts: list[VisitDraft]) -> None:
        phone: set[int] = set()
        accompany = []
        # Both tests below hold only within one sentence: each looks at that sentence's items.
        meeting_in: dict[int, list] = {}
        for t in self.found.terms:
            if t.category in {"meeting", "reception", "presence"}:
                meeting_in.setdefault(t.sentence, []).append(t)
            elif t.category == "phone":
                phone.add(t.sentence)
            elif t.category == "accompany":
                accompany.append(t)
        accepted_in: dict[int, list[PersonMention]] = {}
        guests_at = {(s.guest, s.sentence) for d in drafts for s in d.statements}
        for ref in self.refs:
            m = ref.mention
            # Accepted only beside a meeting word of the sentence, or a person accepted so.
            if m.sentence in phone or m.sentence not in meeting_in:
                continue
            listed = any(self._in_list(a, m) for a in accepted_in.get(m.sentence, ()))
            if not listed and not any(
                self._in_clause(t, m) for t in meeting_in.get(m.sentence, ())
            ):
                continue
            accepted_in.setdefault(m.sentence, []).append(m)
            if any(t.sentence == m.sentence and 0 <= m.token - t.token_end <= 3 for t in accompany):
                continue
            draft = self._visit_at(drafts, m.sentence, m.token)
            if draft is None or ref.key == draft.guest:
                continue
            if (ref.key, m.sentence) in guests_at:
                continue
            if self._same_side(ref, draft):
                continue
            draft.participants.append(ref.key)

    def _in_clause(self, term, mention: PersonMention) -> bool:
        """The person is written within the meeting word's clause."""
        if term.sentence != mention.sentence:
            return False
        lo, hi = sorted((term.token, mention.token))
        if hi - lo > PARTICIPANT_WINDOW:
            return False
        if mention.token > term.token:
            return not any(w in self.grammar.clause_openers for w in self.found.tokens[lo:hi])
        return True

    def _in_list(self, previous: PersonMention, mention: PersonMention) -> bool:
        """The person follows another participant in a list ("... يوسف العلي ورئيس ...")."""
        if previous.sentence != mention.sentence or mention.token <= previous.token:
            return False
        between = self.found.tokens[previous.token_end : mention.token]
        return len(between) <= PARTICIPANT_WINDOW and not any(
            w in self.grammar.clause_openers for w in between
        )

    def _same_side(self, ref: PersonRef, draft: VisitDraft) -> bool:
        """A person of the guest's own state (who came along, or sent greetings)."""
        guest_country = self.country_of.get(draft.guest)
        country = self.country_of.get(ref.key) or ref.mention.country
        if country is not None:
            return country == guest_country
        # "فيصل بن الحسن": named son of the guest.
        words = ref.mention.text.split()
        guest_names = self._guest_names.get(draft.guest)
        if guest_names is None:
            guest_names = self._guest_names[draft.guest] = {
                r.mention.text.split()[0]
                for r in self.refs
                if r.key == draft.guest and not r.mention.role_only
            }
        return any(
            w in self.grammar.son_of and k + 1 < len(words) and words[k + 1] in guest_names
            for k, w in enumerate(words)
        )

    # -- claims -------------------------------------------------------------------------------
    def claims(self, drafts: list[VisitDraft]) -> list[VisitClaim]:
        main = self.main(drafts)
        main_start = self._start(main)[0] if main else None
        return [self._claim(d, d is main, main_start) for d in drafts]

    def _start(self, draft: VisitDraft) -> tuple[date | None, date | None]:
        start = None
        if draft.starts:
            rank = min(r for r, _ in draft.starts)
            start = min(r.start for k, r in draft.starts if k == rank and r.start)
        end = max((r.start for r in draft.ends if r.start), default=None)
        if start is None and end is not None and draft.duration:
            start = end - timedelta(days=draft.duration - 1)
        return start, end

    def _claim(self, draft: VisitDraft, is_main: bool, main_start: date | None) -> VisitClaim:
        start, end = self._start(draft)
        duration = draft.duration
        if duration is None and draft.tour_duration == 1:
            duration = 1  # every leg of a one-day tour lasts that day
            start = start or draft.tour_day
        if start and end and duration is None and end > start:
            duration = (end - start).days + 1
        if start and duration and end is None:
            end = start + timedelta(days=duration - 1)
        if start and end and end < start:
            end = None
        reference = self.reference
        # A tour's list of countries says nothing of tense; the leg's own statement does.
        deciding = [s for s in draft.statements if s.category != "tour_includes"]
        planned = min(deciding or draft.statements, key=lambda s: (s.sentence, s.token)).planned
        if start is not None and reference is not None and start != reference:
            planned = start > reference  # on the day itself, the text's tense decides
        elif reference is not None and any(
            w.window[0] and w.window[0] > reference for w in draft.windows
        ):
            planned = True  # "الأسبوع المقبل", "अगले महीने"
        window: tuple[date | None, date | None] = (None, None)
        if start is not None:
            window = (start, start)
        elif draft.windows:
            lo = max((w.window[0] for w in draft.windows if w.window[0]), default=None)
            hi = min((w.window[1] for w in draft.windows if w.window[1]), default=None)
            window = (lo, hi)
        elif draft.meetings:
            window = (None, min(r.start for r in draft.meetings if r.start))
        elif planned and reference is not None:
            window = (reference, None)
        elif not is_main and main_start is not None and self._before_main(draft):
            window = (None, main_start)
        return VisitClaim(
            guest=draft.guest,
            guest_country=self.country_of.get(draft.guest),
            host_country=draft.host,
            status="planned" if planned else "occurred",
            start_date=start,
            end_date=end,
            date_window=window,
            duration_days=duration,
            places=self._places(draft),
            participants=[p for p in dict.fromkeys(draft.participants) if p != draft.guest],
            agreements=self._agreements(draft),
            evidence=[
                Evidence(s, e, self.found.text[s:e])
                for s, e in dict.fromkeys(
                    st.evidence for st in sorted(draft.statements, key=lambda x: x.sentence)
                )
            ],
        )

    def _before_main(self, draft: VisitDraft) -> bool:
        for statement in draft.statements:
            sentence = self.found.sentences[statement.sentence]
            if any(
                w in self.grammar.before_words
                for w in self.found.tokens[sentence.token : sentence.token_end]
            ):
                return True
        return False

    def _places(self, draft: VisitDraft) -> list[PlaceClaim]:
        seen: dict[str, PlaceClaim] = {}
        for place in sorted(draft.places, key=lambda p: p.start):
            if place.country != draft.host or place.name_en in seen or place.site:
                continue
            seen[place.name_en] = PlaceClaim(
                name=self._written(place),
                name_en=place.name_en,
                country=place.country,
                evidence=Evidence(place.start, place.end, place.text),
            )
        return list(seen.values())

    def _written(self, place: PlaceMention) -> str:
        """The place as written, without a clitic written onto it ("ببغداد" -> "بغداد")."""
        text = place.text
        if text[:1] in CliticRules.of(self.found.lang).clitics:
            norm = " ".join(self.found.tokens[place.token : place.token_end])
            if len(text) > len(norm) and not norm.startswith(text[:1]):
                return text[len(text) - len(norm) :] if len(text) - len(norm) == 1 else text[1:]
        return text

    def _agreements(self, draft: VisitDraft) -> list[AgreementClaim]:
        numbered = any(a.explicit for a in draft.agreements)
        crowded = Counter(a.sentence for a in draft.agreements)
        claims = []
        for a in sorted(draft.agreements, key=lambda a: a.start):
            if a.count is None and numbered:
                continue  # "several" announced, a number reported
            if a.count == 1 and not a.explicit and crowded[a.sentence] > 1:
                continue  # one of those counted beside it ("من بينها", "समेत", "जिनमें")
            claims.append(AgreementClaim(a.count, a.kind, Evidence(a.start, a.end, a.text)))  # type: ignore[arg-type]
        return claims


def guest_countries(
    found: DocumentMentions,
    statements: list[Statement],
    people: list[PersonClaim],
) -> dict[int, str | None]:
    """Each guest's country: from their titles; else that of a person of the same office;
    else the language's home state, if it has one; else the country the document speaks of
    most after the countries they visit (names, adjectives, places and titles all count)."""
    # An adjective inside a name ("أحمد حسن البغدادي") says nothing of a country.
    named = {k for m in found.people if not m.role_only for k in range(m.token, m.token_end)}
    counts = Counter(c.code for c in found.countries if c.token not in named)
    counts.update(p.country for p in found.places if p.token not in named)
    counts.update(m.country for m in found.people if m.country)
    countries = {p.key: p.country for p in people}
    roles = {p.key: p.role for p in people}
    for guest in sorted({s.guest for s in statements}):
        if countries.get(guest):
            continue
        hosts = {s.host for s in statements if s.guest == guest}
        # "तत्कालीन प्रधानमंत्री राजीव गांधी": someone of the same office as a person whose
        # country is known serves that country.
        peers = {
            countries[k]
            for k, role in roles.items()
            if k != guest and role and role == roles.get(guest) and countries.get(k)
        } - hosts
        if len(peers) == 1:
            countries[guest] = peers.pop()
            continue
        # The press of some languages is at home in one state (Hindi: India).
        default = load_knowledge(found.lang, "nationality").get("default_country")
        if default and default not in hosts:
            countries[guest] = default
            continue
        ranked = [code for code, _n in counts.most_common() if code not in hosts]
        countries[guest] = ranked[0] if ranked else None
    return countries
