"""Statements -> visit claims: one visit per guest, host and time; dates, length, places,
participants and agreements attached to the visit they are written with.

Statements of one guest and host are one visit unless their dates set them apart (an earlier
visit told as background, a return announced for later). A date, a length or an agreement
belongs to the statement nearest to it in its sentence, or else to the visit the sentence is
about (the main visit, the first one reported).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from visitkb.mentions import DateMention, DocumentMentions, PlaceMention
from visitkb.visits.dates import DateReading, read_date
from visitkb.visits.frames import Statement, TRAVEL
from visitkb.visits.model import AgreementClaim, Evidence, PlaceClaim, VisitClaim
from visitkb.visits.people import PersonRef

# A date or a length belongs to a statement written this close to it.
ATTACH_WINDOW = 15
# Days apart beyond which two dated statements of one guest and host are two visits.
SAME_VISIT_DAYS = 7
# How a date's trigger ranks as the start of a visit (arrival first).
START_RANK = {"arrival": 0, "visit": 1, "start": 1, "departure": 1, "tour": 2, "tour_includes": 2, "reception": 3}
# Words for "before" that bound an undated earlier visit by the visit reported
# ("भारत आने से पहले", "قبل").
BEFORE_WORDS = frozenset({"पहले", "قبل", "قبيل"})


@dataclass
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
    places: list[PlaceMention] = field(default_factory=list)
    participants: list[int] = field(default_factory=list)
    agreements: list[tuple[int, object]] = field(default_factory=list)  # (sentence, mention)
    background_before: bool = False

    @property
    def first(self) -> Statement:
        return min(self.statements, key=lambda s: (s.sentence, s.token))


def _distance(a: int, b: int) -> int:
    return abs(a - b)


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
    ) -> None:
        self.found = found
        self.statements = statements
        self.refs = refs
        self.reference = reference
        self.country_of = countries
        self.dateline = dateline

    # -- dates of statements ----------------------------------------------------------------
    def _dated(self) -> dict[int, list[tuple[DateMention, DateReading]]]:
        """The dates nearest each statement (by index), read against the reference."""
        by_sentence: dict[int, list[int]] = {}
        for k, s in enumerate(self.statements):
            by_sentence.setdefault(s.sentence, []).append(k)
        dated: dict[int, list[tuple[DateMention, DateReading]]] = {}
        for mention in self.found.dates:
            if mention.sentence not in by_sentence:
                continue
            best = min(
                by_sentence[mention.sentence],
                key=lambda k: _distance(self.statements[k].token, mention.token),
            )
            statement = self.statements[best]
            if _distance(statement.token, mention.token) > ATTACH_WINDOW:
                continue
            # Every statement of the same trigger (a tour's legs) shares the date.
            for k in by_sentence[mention.sentence]:
                other = self.statements[k]
                if other.token != statement.token:
                    continue
                reading = read_date(mention, self.reference, future=other.planned)
                if reading is not None:
                    dated.setdefault(k, []).append((mention, reading))
        return dated

    # -- grouping ---------------------------------------------------------------------------
    def group(self) -> list[VisitDraft]:
        dated = self._dated()
        drafts: list[VisitDraft] = []
        order = sorted(range(len(self.statements)), key=lambda k: (bool(dated.get(k)) is False, k))
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
            for place in statement.places:
                home.places.append(place)
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
            # Undated: the visit nearest the reference day (the one reported), else the first.
            return min(same, key=self._closeness)
        for draft in same:
            if not self._dates_of(draft) or any(
                self._near(r, d) for r in readings for d in self._dates_of(draft)
            ):
                return draft
        return None

    def _dates_of(self, draft: VisitDraft) -> list[DateReading]:
        return [r for _rank, r in draft.starts] + draft.ends + draft.meetings + draft.windows

    def _near(self, a: DateReading, b: DateReading) -> bool:
        a_lo, a_hi = a.window if not a.exact else (a.start, a.end or a.start)
        b_lo, b_hi = b.window if not b.exact else (b.start, b.end or b.start)
        if None in (a_lo, a_hi, b_lo, b_hi):
            return True
        gap = timedelta(days=SAME_VISIT_DAYS)
        return a_lo <= b_hi + gap and b_lo <= a_hi + gap  # type: ignore[operator]

    def _closeness(self, draft: VisitDraft) -> tuple[int, int]:
        dates = self._dates_of(draft)
        if not dates or self.reference is None:
            return (0 if not dates else 1, draft.first.sentence)
        best = min(
            abs(((r.start or r.window[1] or r.window[0]) - self.reference).days)  # type: ignore[operator]
            for r in dates
            if (r.start or r.window[0] or r.window[1])
        )
        return (0, best)

    def _add_date(
        self, draft: VisitDraft, statement: Statement, mention: DateMention, reading: DateReading
    ) -> None:
        if not reading.exact:
            draft.windows.append(reading)
            return
        if reading.end is not None:
            draft.starts.append((-1, reading))
            draft.ends.append(DateReading(reading.end, None, (reading.end, reading.end)))
            return
        ordinal = self._day_of_visit(mention)
        if ordinal is not None and reading.start is not None:
            day = reading.start - timedelta(days=ordinal - 1)
            draft.starts.append((START_RANK["arrival"], DateReading(day, None, (day, day))))
            return
        if statement.category == "end" and statement.tour_size == 1 and not self._tour_end(statement):
            draft.ends.append(reading)
        elif statement.category in START_RANK or statement.kind == "reception":
            draft.starts.append((START_RANK.get(statement.category, 3), reading))
        else:
            draft.meetings.append(reading)

    def _tour_end(self, statement: Statement) -> bool:
        """"يختتم جولته الأربعاء في أبوظبي": the last leg of a tour, on that day."""
        text = self.found.tokens[statement.token + 1] if statement.token + 1 < len(self.found.tokens) else ""
        return text.startswith("جولت")

    def _day_of_visit(self, mention: DateMention) -> int | None:
        """"في اليوم الثاني من الزيارة", "यात्रा के दूसरे दिन": the visit's n-th day."""
        near = [
            n
            for n in self.found.numbers
            if n.ordinal and n.sentence == mention.sentence and _distance(n.token, mention.token) <= 4
        ]
        for number in near:
            neighbours = self.found.tokens[max(0, number.token - 1) : number.token_end + 1]
            if any(w in {"اليوم", "يوم", "दिन"} for w in neighbours):
                return number.value
        return None

    # -- what else belongs to a visit -------------------------------------------------------
    def _visit_of(self, drafts: list[VisitDraft], sentence: int, token: int) -> VisitDraft | None:
        """The visit a mention in ``sentence`` at ``token`` is about."""
        here = [
            (d, s) for d in drafts for s in d.statements if s.sentence == sentence
        ]
        if here:
            return min(here, key=lambda ds: _distance(ds[1].token, token))[0]
        return self._main(drafts)

    def _main(self, drafts: list[VisitDraft]) -> VisitDraft | None:
        current = [d for d in drafts if self._closeness(d)[0] == 0]
        pool = current or drafts
        return min(pool, key=lambda d: (self._closeness(d), d.first.sentence)) if pool else None

    def attach(self, drafts: list[VisitDraft]) -> None:
        found = self.found
        statement_sentences = {s.sentence for d in drafts for s in d.statements}
        for duration in found.durations:
            if not duration.stated:
                continue
            draft = self._visit_of(drafts, duration.sentence, duration.token)
            if draft is None:
                continue
            near = [
                s for s in draft.statements if s.sentence == duration.sentence
            ]
            tour = any(s.tour_size > 1 or s.category == "tour" for s in near)
            if tour or self._tour_sentence(duration.sentence):
                for other in drafts:
                    if any(s.sentence == duration.sentence for s in other.statements):
                        other.tour_duration = other.tour_duration or duration.days
            elif draft.duration is None:
                draft.duration = duration.days
        main = self._main(drafts)
        for place in found.places:
            draft = self._visit_of(drafts, place.sentence, place.token)
            if draft is not None and place.country == draft.host and place.sentence in statement_sentences | {place.sentence}:
                if self._place_in_context(place):
                    draft.places.append(place)
        if main is not None:
            main.places += [p for p in self.dateline if p.country == main.host]
        self._participants(drafts)
        for agreement in found.agreements:
            if not agreement.signed or agreement.anaphoric or agreement.existing:
                continue
            draft = self._visit_of(drafts, agreement.sentence, agreement.token)
            if draft is not None:
                draft.agreements.append((agreement.sentence, agreement))

    def _tour_sentence(self, sentence: int) -> bool:
        return any(t.sentence == sentence and t.category == "tour" for t in self.found.terms)

    def _place_in_context(self, place: PlaceMention) -> bool:
        if self.found.lang != "ar":
            return True
        tokens = self.found.tokens
        before = tokens[place.token - 1] if place.token else ""
        clitic = place.text[:1] in {"ب", "ل"} and tokens[place.token] != place.text
        return clitic or place.capital or before in {"في", "الي", "الى", "العاصمه", "مدينه", "بمدينه", "من"}

    def _participants(self, drafts: list[VisitDraft]) -> None:
        meeting_sentences = {
            t.sentence
            for t in self.found.terms
            if t.category in {"meeting", "reception", "presence"}
        }
        phone = {t.sentence for t in self.found.terms if t.category == "phone"}
        accompany = [t for t in self.found.terms if t.category == "accompany"]
        for ref in self.refs:
            sentence = ref.mention.sentence
            if sentence not in meeting_sentences or sentence in phone:
                continue
            if any(t.sentence == sentence and 0 <= ref.mention.token - t.token_end <= 3 for t in accompany):
                continue
            draft = self._visit_of(drafts, sentence, ref.mention.token)
            if draft is None or ref.key == draft.guest:
                continue
            if any(s.guest == ref.key and s.sentence == sentence for d in drafts for s in d.statements):
                continue
            country = self.country_of.get(ref.key) or ref.mention.country
            if country is not None and country == self.country_of.get(draft.guest):
                continue
            draft.participants.append(ref.key)

    # -- claims -------------------------------------------------------------------------------
    def claims(self, drafts: list[VisitDraft]) -> list[VisitClaim]:
        main = self._main(drafts)
        main_start = None
        if main is not None:
            main_start = self._start(main)[0]
        claims = []
        for draft in drafts:
            claims.append(self._claim(draft, draft is main, main_start))
        return claims

    def _start(self, draft: VisitDraft) -> tuple[date | None, date | None]:
        start = None
        if draft.starts:
            rank = min(r for r, _ in draft.starts)
            start = min(r.start for k, r in draft.starts if k == rank and r.start)
        end = max((r.start for r in draft.ends if r.start), default=None)
        duration = draft.duration
        if start is None and end is not None and duration:
            start = end - timedelta(days=duration - 1)
        return start, end

    def _claim(self, draft: VisitDraft, is_main: bool, main_start: date | None) -> VisitClaim:
        first = draft.first
        start, end = self._start(draft)
        duration = draft.duration
        if duration is None and draft.tour_duration == 1:
            duration = 1
        if start and end and duration is None and end > start:
            duration = (end - start).days + 1
        if start and duration and end is None:
            end = start + timedelta(days=duration - 1)
        if start and end and end < start:
            end = None
        reference = self.reference
        planned = first.planned or (start is not None and reference is not None and start > reference)
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
        places = self._places(draft)
        participants = [p for p in dict.fromkeys(draft.participants) if p != draft.guest]
        return VisitClaim(
            guest=draft.guest,
            guest_country=self.country_of.get(draft.guest),
            host_country=draft.host,
            status="planned" if planned else "occurred",
            start_date=start,
            end_date=end,
            date_window=window,
            duration_days=duration,
            places=places,
            participants=participants,
            agreements=self._agreements(draft),
            evidence=[
                Evidence(s, e, self.found.text[s:e])
                for s, e in dict.fromkeys(st.evidence for st in sorted(draft.statements, key=lambda x: x.sentence))
            ],
        )

    def _before_main(self, draft: VisitDraft) -> bool:
        return any(
            self.found.tokens[t] in BEFORE_WORDS
            for s in draft.statements
            for t in range(self.found.sentences[s.sentence].token, self.found.sentences[s.sentence].token_end)
        )

    def _places(self, draft: VisitDraft) -> list[PlaceClaim]:
        seen: dict[str, PlaceClaim] = {}
        for place in sorted(draft.places, key=lambda p: p.start):
            if place.country != draft.host or place.name_en in seen:
                continue
            name = place.text
            norm = " ".join(self.found.tokens[place.token : place.token_end])
            if self.found.lang == "ar" and norm != name and not name.startswith("ال"):
                # "ببغداد", "لطهران": the place without its clitic.
                stripped = name[len(name) - len(norm):] if name.endswith(norm[-2:]) else name
                name = stripped if len(stripped) >= 3 else name
                if place.text[:1] in {"ب", "ل", "و"} and len(place.text) > len(norm):
                    name = place.text[1:]
            seen[place.name_en] = PlaceClaim(
                name=name,
                name_en=place.name_en,
                country=place.country,
                evidence=Evidence(place.start, place.end, place.text),
            )
        return list(seen.values())

    def _agreements(self, draft: VisitDraft) -> list[AgreementClaim]:
        numbered_sentences = {s for s, a in draft.agreements if a.count is not None and a.count > 1}  # type: ignore[attr-defined]
        any_numbered = any(a.count is not None for _s, a in draft.agreements)  # type: ignore[attr-defined]
        claims = []
        for sentence, a in draft.agreements:
            if a.count is None and any_numbered:  # type: ignore[attr-defined]
                continue  # "several" announced, a number reported
            if a.count == 1 and sentence in numbered_sentences:  # type: ignore[attr-defined]
                continue  # one of the numbered ones ("من بينها", "समेत")
            claims.append(
                AgreementClaim(
                    count=a.count,  # type: ignore[attr-defined]
                    kind=a.kind,  # type: ignore[attr-defined]
                    evidence=Evidence(a.start, a.end, a.text),  # type: ignore[attr-defined]
                )
            )
        return claims


def guest_countries(
    found: DocumentMentions, statements: list[Statement], known: dict[int, str | None]
) -> dict[int, str | None]:
    """Each guest's country: from their titles, else the country the document speaks of most
    after the countries they visit."""
    counts = Counter(c.code for c in found.countries)
    countries = dict(known)
    for guest in {s.guest for s in statements}:
        if countries.get(guest):
            continue
        hosts = {s.host for s in statements if s.guest == guest}
        ranked = [code for code, _n in counts.most_common() if code not in hosts]
        countries[guest] = ranked[0] if ranked else None
    return countries


__all__ = ["TRAVEL", "Assembler", "VisitDraft", "guest_countries"]
