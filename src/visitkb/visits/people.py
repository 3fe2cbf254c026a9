"""People claims from person mentions: one claim per person, role-only mentions linked to them."""

from __future__ import annotations

from dataclasses import dataclass

from visitkb.mentions import DocumentMentions, PersonMention
from visitkb.visits.model import Evidence, PersonClaim


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A mention that refers to a person claim (by name, or by role alone)."""

    key: int
    mention: PersonMention


def _most_common(values: list[str]) -> str | None:
    # A dict, not a Counter: the lists are short and a Counter costs more to make than to fill.
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _role_matches(role: str | None, wanted: str | None) -> bool:
    if not role or not wanted:
        return False
    return wanted == role or wanted in role.split(" and ") or role in wanted.split(" and ")


# Roles of the people the same title may name: Iran's supreme leader is an ayatollah.
COMPATIBLE_WEAK_ROLES = frozenset({"cleric", "prince"})
# "الأمير" (prince) names emirs and crown princes too.
PRINCELY_ROLES = frozenset({"prince", "emir", "crown prince"})


def _candidates(mention: PersonMention, claims: list[PersonClaim]) -> list[PersonClaim]:
    """The people a role-only mention may refer to."""
    if mention.guest:
        # "الضيف الصيني": the person of that country; a bare "الضيف" is left to the frames.
        return [c for c in claims if mention.country and c.country == mention.country]
    if not mention.role:
        return []
    agree = [
        c
        for c in claims
        if c.country is None or mention.country is None or c.country == mention.country
    ]
    by_role = [c for c in agree if _role_matches(c.role, mention.role)]
    if not by_role and mention.role == "prince":
        by_role = [c for c in agree if c.role and set(c.role.split(" and ")) & PRINCELY_ROLES]
    same_country = [c for c in by_role if mention.country and c.country == mention.country]
    if same_country or by_role:
        return same_country or by_role
    # "قائد الثورة" then "آية الله ... الصدر": a title of the same person given earlier.
    weak = [c for c in agree if c.role in COMPATIBLE_WEAK_ROLES]
    return weak if len(weak) == 1 else []


def build_people(found: DocumentMentions) -> tuple[list[PersonClaim], list[PersonRef]]:
    """Person claims (named people) and every reference to them, in reading order.

    A role-only mention ("الرئيس الإيراني") refers to the named person of the same role whose
    country agrees, the nearest one before it first; it lends that person its country when the
    person's own mentions give none.
    """
    by_key: dict[int, list[PersonMention]] = {}
    seen: set[tuple[int, int]] = set()
    for mention in found.people:
        if (mention.start, mention.end) in seen:
            continue  # one span is one mention
        seen.add((mention.start, mention.end))
        if not mention.role_only and mention.person >= 0:
            by_key.setdefault(mention.person, []).append(mention)
    claims: dict[int, PersonClaim] = {}
    for key, mentions in sorted(by_key.items(), key=lambda kv: kv[1][0].start):
        names = sorted(
            dict.fromkeys(m.text for m in mentions), key=lambda t: (-len(t.split()), -len(t))
        )
        titled = [m for m in mentions if m.title_start is not None]
        claims[key] = PersonClaim(
            key=key,
            name=names[0],
            names=names,
            role=_most_common([m.role for m in titled or mentions]),
            country=_most_common([m.country for m in mentions]),
            mentions=[Evidence(m.start, m.end, m.text) for m in mentions],
        )
    refs = [PersonRef(m.person, m) for m in found.people if not m.role_only and m.person in claims]
    people = list(claims.values())
    for mention in found.people:
        if not mention.role_only:
            continue
        candidates = _candidates(mention, people)
        if not candidates:
            continue

        def distance(claim: PersonClaim, at: int = mention.start) -> tuple[int, int]:
            before = [e.start for e in claim.mentions if e.start <= at]
            return (0, at - max(before)) if before else (1, min(e.start for e in claim.mentions))

        best = min(candidates, key=distance)
        refs.append(PersonRef(best.key, mention))
    refs.sort(key=lambda r: r.mention.start)
    return people, refs


def lend_countries(
    people: list[PersonClaim], refs: list[PersonRef], visited: dict[int, set[str]]
) -> None:
    """Give people with no country of their own the country of the titles that name them
    ("الرئيس الإيراني"), unless it is a country they visit (then the title was someone else's).
    """
    for person in people:
        if person.country is not None:
            continue
        lent = [
            r.mention.country
            for r in refs
            if r.key == person.key
            and r.mention.role_only
            and r.mention.country
            and r.mention.country not in visited.get(person.key, set())
        ]
        person.country = _most_common(lent)  # type: ignore[arg-type]
