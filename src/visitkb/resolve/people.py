"""One identity per person: mentions grouped within a document, linked to the gazetteer, then
matched across documents by a script-independent name key.

Rules, in order:
1. Extraction groups a person's mentions within a document (the claim key).
2. A group is linked to a gazetteer person when one of its names matches a spelling there:
   the whole name's key (any script), or its words as the start of the spelling's words, or a
   single word (a surname) confirmed by the country or role the text gives; the candidate that
   also agrees on country, role and the document's date wins, and a tie links nothing.
3. A group the text names only by role ("the Iraqi foreign minister") is the gazetteer's
   holder of that office on the day of the visit (or of the report); the inference is recorded
   on its mentions. With no single holder known it stays a person of its own, per document.
4. Groups not in the gazetteer are one person across documents when their fullest names have the
   same key, or when one name of three words or more starts the other; a lone surname joins
   the only such person of its country.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

from visitkb.resolve.model import KnownPerson, MentionClaim, ResolvedPerson
from visitkb.resolve.names import name_key, normalize_name
from visitkb.resolve.roles import base_role

# How a name matches a spelling, best first.
WHOLE, LEADING_WORDS, ONE_WORD = 3, 2, 1
# Fewer leading words than this say too little to join two people ("Mohammad Bagher ..."
# and "Mohammad Bagheri" share two): full names of three words or more do.
MIN_LEADING_WORDS = 3
# An identity is stored in a column of 255 characters: at most this much of the name, and the
# first mention's digest when two people of one name must be told apart.
IDENTITY_LETTERS, FIRST_DIGITS = 200, 12
# A leader is still talked of by title for a while after leaving office.
TERM_SLACK = timedelta(days=365)


@lru_cache(maxsize=1 << 16)
def _word_keys(name: str) -> tuple[str, ...]:
    return tuple(k for k in (name_key(w) for w in normalize_name(name).split()) if k)


@dataclass
class _Group:
    """The mentions of one person in one document (never changed once made)."""

    document: str
    mentions: list[MentionClaim]
    reference_date: date | None

    @cached_property
    def names(self) -> list[str]:
        """The names written; a role phrase is no name."""
        return list(dict.fromkeys(m.text for m in self.mentions if not m.role_only))

    @cached_property
    def role_only(self) -> bool:
        return all(m.role_only for m in self.mentions)

    @cached_property
    def fullest(self) -> str:
        written = self.names or [m.text for m in self.mentions]
        return max(written, key=lambda t: (len(t.split()), len(t), t))

    @cached_property
    def role(self) -> str | None:
        return _most_common(Counter(m.role for m in self.mentions if m.role))

    @cached_property
    def country(self) -> str | None:
        return _most_common(Counter(m.country for m in self.mentions if m.country))


class _Gazetteer:
    """Spellings of the known people indexed by whole-name key and by word keys."""

    def __init__(self, people: Iterable[KnownPerson]) -> None:
        self.people = {p.id: p for p in people}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_word: dict[str, set[str]] = defaultdict(set)
        self.words: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self.seen: dict[str, dict[str, int]] = {}
        for person in self.people.values():
            for spelling in person.names:
                key = name_key(spelling)
                if key:
                    self.by_key[key].add(person.id)
                words = _word_keys(spelling)
                self.words[person.id].append(words)
                for word in words:
                    self.by_word[word].add(person.id)

    def candidates(self, name: str) -> dict[str, int]:
        """Known people ``name`` may be, with how well it matches (worked out once per name)."""
        if name not in self.seen:
            self.seen[name] = self._candidates(name)
        return self.seen[name]

    def _candidates(self, name: str) -> dict[str, int]:
        found: dict[str, int] = {}
        words = _word_keys(name)
        for pid in self.by_key.get(name_key(name), ()):
            found[pid] = WHOLE
        if not words:
            return found
        # Leading words match when one name's words start the other's: both share the first.
        for pid in self.by_word.get(words[0], ()):
            if pid in found:
                continue
            if len(words) == 1:
                found[pid] = ONE_WORD
            elif any(_leading(words, s) for s in self.words[pid]):
                found[pid] = LEADING_WORDS
        return found

    def link(self, group: _Group) -> KnownPerson | None:
        """The one known person the group names, or None."""
        scored: dict[str, tuple[int, int]] = {}
        for name in group.names:
            for pid, level in self.candidates(name).items():
                agreement = _agreement(self.people[pid], group)
                if level == ONE_WORD and agreement < 2:
                    continue  # a surname alone needs the text's country or role to agree
                best = max(scored.get(pid, (0, 0)), (level, agreement))
                scored[pid] = best
        if not scored:
            return None
        ranking = sorted(scored.items(), key=lambda item: item[1], reverse=True)
        if len(ranking) > 1 and ranking[0][1] == ranking[1][1]:
            return None
        return self.people[ranking[0][0]]

    def holder(self, role: str | None, country: str | None, day: date | None) -> KnownPerson | None:
        """The one person who held ``role`` for ``country`` on ``day``, or None."""
        office = base_role(role)
        if not (office and country and day):
            return None
        holders = {
            p.id
            for p in self.people.values()
            for t in p.terms
            if t.role == office
            and t.country == country
            and t.start <= day
            and (t.end is None or day <= t.end)
        }
        return self.people[holders.pop()] if len(holders) == 1 else None


def _starts(words: tuple[str, ...], spelling: tuple[str, ...]) -> bool:
    return len(spelling) >= len(words) and spelling[: len(words)] == words


def _leading(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name is the other's first words, enough of them to tell people apart."""
    return min(len(a), len(b)) >= MIN_LEADING_WORDS and (_starts(a, b) or _starts(b, a))


def _agreement(person: KnownPerson, group: _Group) -> int:
    """Points for the country, the role and the date the text gives agreeing with the gazetteer."""
    points = 0
    countries = {person.country} | {t.country for t in person.terms}
    if group.country and group.country in countries:
        points += 2
    role = base_role(group.role)
    if role and any(t.role == role for t in person.terms):
        points += 1
    day = group.reference_date
    if day and any(
        t.start - TERM_SLACK <= day and (t.end is None or day <= t.end + TERM_SLACK)
        for t in person.terms
    ):
        points += 1
    return points


def resolve_people(
    mentions: Iterable[MentionClaim],
    known: Iterable[KnownPerson] = (),
    reference_dates: Mapping[str, date | None] | None = None,
    visit_days: Mapping[int, date] | None = None,
) -> dict[int, ResolvedPerson]:
    """Map every mention id to its person; the result does not depend on input order.

    ``visit_days`` gives, for mentions of visit guests and participants, the day of the visit
    (the day a role-only mention is resolved for, before the report's date).
    """
    dates = reference_dates or {}
    days = visit_days or {}
    by_group: dict[tuple[str, int], list[MentionClaim]] = defaultdict(list)
    for mention in mentions:
        by_group[(mention.document, mention.claim_key)].append(mention)
    groups = {
        key: _Group(key[0], sorted(ms, key=lambda m: m.id), dates.get(key[0]))
        for key, ms in sorted(by_group.items())
    }
    gazetteer = _Gazetteer(known)
    identity: dict[tuple[str, int], str] = {}
    linked: dict[str, KnownPerson] = {}
    inferred: dict[int, str] = {}
    for key, group in groups.items():
        if group.role_only:
            day = min((days[m.id] for m in group.mentions if m.id in days), default=None)
            day = day or group.reference_date
            person = gazetteer.holder(group.role, group.country, day)
            if person is None:
                identity[key] = f"role:{group.document}:{key[1]}"
                continue
            reason = (
                f"named only as {group.fullest!r}: {person.name_en or person.id} was "
                f"{base_role(group.role)} of {group.country} on {day}"
            )
            inferred.update((m.id, reason) for m in group.mentions)
        else:
            person = gazetteer.link(group)
        if person is not None:
            identity[key] = f"gazetteer:{person.id}"
            linked[identity[key]] = person
    identity.update(_text_identities({k: g for k, g in groups.items() if k not in identity}))

    people: dict[str, ResolvedPerson] = {}
    claims: dict[str, list[MentionClaim]] = defaultdict(list)
    by_mention: dict[int, ResolvedPerson] = {}
    for key, group in groups.items():
        pid = identity[key]
        person = people.get(pid)
        if person is None:
            person = people[pid] = ResolvedPerson(
                key=pid, name=group.fullest, role=None, country=None, known=linked.get(pid)
            )
        person.names += [n for n in group.names if n not in person.names]
        claims[pid] += group.mentions
        for mention in group.mentions:
            person.mentions.append(mention.id)
            by_mention[mention.id] = person
            if mention.id in inferred:
                person.inferred[mention.id] = inferred[mention.id]
    for pid, person in people.items():
        if person.names:
            person.name = max(person.names, key=lambda t: (len(t.split()), len(t), t))
        person.role = _most_common(Counter(m.role for m in claims[pid] if m.role))
        person.country = _most_common(Counter(m.country for m in claims[pid] if m.country))
    return by_mention


def _text_identities(groups: Mapping[tuple[str, int], _Group]) -> dict[tuple[str, int], str]:
    """Identities of people outside the gazetteer, across documents."""
    parent: dict[tuple[str, int], tuple[str, int]] = {k: k for k in groups}

    def root(k: tuple[str, int]) -> tuple[str, int]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: tuple[str, int], b: tuple[str, int]) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    full = {k: _word_keys(g.fullest) for k, g in groups.items()}
    # Groups of the same name and country behave alike: join them, then compare one of each.
    alike: dict[tuple[tuple[str, ...], str | None], list[tuple[str, int]]] = defaultdict(list)
    for key in sorted(groups):
        alike[(full[key], groups[key].country)].append(key)
    for members in alike.values():
        for other in members[1:]:
            join(members[0], other)
    firsts = sorted(members[0] for members in alike.values())
    # Names whose words start one another share their first word: compare within those buckets.
    by_first: dict[str, list[tuple[str, int]]] = defaultdict(list)
    by_last: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key in (k for k in firsts if len(full[k]) > 1):
        by_first[full[key][0]].append(key)
        by_last[full[key][-1]].append(key)
    for bucket in by_first.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                same = full[a] == full[b] or _leading(full[a], full[b])
                if same and _compatible(groups[a], groups[b]):
                    join(a, b)
    for key in (k for k in firsts if len(full[k]) == 1):
        matches = {
            root(other)
            for other in by_last.get(full[key][0], ())
            if _compatible(groups[key], groups[other])
        }
        if len(matches) == 1:
            match = matches.pop()
            for member in alike[(full[key], groups[key].country)]:
                join(member, match)
    roots: dict[tuple[str, int], str] = {}
    for key in sorted(groups):
        r = root(key)
        name = "-".join(full[r]) or normalize_name(groups[r].fullest)
        roots.setdefault(r, f"text:{name[:IDENTITY_LETTERS]}")
    # People kept apart (other countries) but of the same name: the country tells them apart,
    # then the first mention.
    named: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r, identity in roots.items():
        named[identity].append(r)
    for identity, same in named.items():
        if len(same) > 1:
            for r in same:
                first = hashlib.sha1(f"{r[0]}#{r[1]}".encode()).hexdigest()[:FIRST_DIGITS]
                roots[r] = f"{identity[:IDENTITY_LETTERS]}:{groups[r].country or 'none'}:{first}"
    return {key: roots[root(key)] for key in groups}


def _compatible(a: _Group, b: _Group) -> bool:
    return not (a.country and b.country and a.country != b.country)


def _most_common(counter: Counter[str]) -> str | None:
    """The most frequent value, ties broken alphabetically so the result never depends on order."""
    if not counter:
        return None
    return min(counter, key=lambda value: (-counter[value], value))
