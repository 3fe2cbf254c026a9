"""One identity per person: mentions grouped within a document, then across documents."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from visitkb.resolve.model import MentionClaim, ResolvedPerson
from visitkb.resolve.names import normalize_name


def resolve_people(mentions: Iterable[MentionClaim]) -> dict[int, ResolvedPerson]:
    """Map every mention id to its person.

    Within a document, extraction already groups a person's mentions by claim key. Across
    documents, people whose fullest names are equal after normalisation are one person.
    """
    groups: dict[tuple[str, int], list[MentionClaim]] = defaultdict(list)
    for mention in mentions:
        groups[(mention.document, mention.claim_key)].append(mention)

    people: dict[str, ResolvedPerson] = {}
    for group_key in sorted(groups):
        group = groups[group_key]
        fullest = max((m.text for m in group), key=lambda t: (len(t.split()), len(t), t))
        key = f"text:{normalize_name(fullest)}"
        person = people.get(key)
        if person is None:
            person = people[key] = ResolvedPerson(key=key, name=fullest, role=None, country=None)
        person.mentions += [m.id for m in group]
        person.names += [t for t in dict.fromkeys(m.text for m in group) if t not in person.names]

    by_mention: dict[int, ResolvedPerson] = {}
    claims = {m.id: m for group in groups.values() for m in group}
    for person in people.values():
        roles = Counter(claims[i].role for i in person.mentions if claims[i].role)
        countries = Counter(claims[i].country for i in person.mentions if claims[i].country)
        person.role = _most_common(roles)
        person.country = _most_common(countries)
        for mention_id in person.mentions:
            by_mention[mention_id] = person
    return by_mention


def _most_common(counter: Counter[str]) -> str | None:
    """The most frequent value, ties broken alphabetically so the result never depends on order."""
    if not counter:
        return None
    return min(counter, key=lambda value: (-counter[value], value))
