"""The filters of the visit, people and agreement listings, and the SQL conditions they become.

Filters are plain values, checked once here, so the API and the CLI accept and refuse the same
things. A listing's statement depends only on which filters are in use (its *shape*); values
travel as bind parameters, so each shape is built once and reused (building ``select()`` per
request halved throughput when measured).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Date, Integer, String, and_, bindparam, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from visitkb.database import models as m
from visitkb.database.queries.paging import MAX_ID
from visitkb.lang import supported_languages
from visitkb.resolve.names import name_key, normalize_name
from visitkb.world.countries import all_countries

# Names and places are matched as substrings; shorter queries match nearly everything.
MIN_TEXT_QUERY = 2
LIKE_ESCAPE = "\\"


class FilterError(ValueError):
    """A filter value that cannot be used; ``name`` is the parameter as users write it."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Binding:
    """A listing's shape (which conditions, in order) and the values bound to them."""

    shape: tuple[str, ...]
    params: dict[str, Any]


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.code for c in all_countries())


def _country(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in _country_codes():
        raise FilterError(name, f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    return code


def _choice(name: str, value: str | None, allowed: tuple[str, ...] | frozenset[str]) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise FilterError(name, f"{value!r} is not one of {', '.join(sorted(allowed))}")
    return value


def _is_number(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts superscripts, which ``int`` refuses."""
    return value.isascii() and value.isdigit()


def _person(name: str, value: str | None) -> str | None:
    """A person given by id or by name; an id too large to exist is refused."""
    value = _text(name, value)
    if value is not None and _is_number(value) and int(value) > MAX_ID:
        raise FilterError(name, f"{value} is not a person id")
    return value


def _text(name: str, value: str | None, minimum: int = 1) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) < minimum:
        raise FilterError(name, f"give at least {minimum} characters")
    if "\x00" in value:  # PostgreSQL text cannot hold it; no name or id has one
        raise FilterError(name, "contains a NUL character")
    return value


def _dates(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise FilterError("to", f"{end.isoformat()} is before from={start.isoformat()}")


def _normalise(instance: object, checks: dict[str, Any]) -> None:
    for attribute, value in checks.items():
        object.__setattr__(instance, attribute, value)


@dataclass(frozen=True)
class VisitFilters:
    """Filters of visit listings and exports; every one given must hold.

    ``official``, ``guest`` and ``participant`` take a person id or a name in any script.
    ``date_from``/``date_to`` (``from``/``to``) keep visits whose days, or window of possible
    days, overlap the range.
    """

    date_from: date | None = None
    date_to: date | None = None
    official: str | None = None
    guest: str | None = None
    participant: str | None = None
    guest_country: str | None = None
    host_country: str | None = None
    country: str | None = None
    status: str | None = None
    lang: str | None = None
    document: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        _dates(self.date_from, self.date_to)
        _normalise(
            self,
            {
                "official": _person("official", self.official),
                "guest": _person("guest", self.guest),
                "participant": _person("participant", self.participant),
                "guest_country": _country("guest_country", self.guest_country),
                "host_country": _country("host_country", self.host_country),
                "country": _country("country", self.country),
                "status": _choice("status", self.status, m.VISIT_STATUSES),
                "lang": _choice("lang", self.lang, supported_languages()),
                "document": _text("document", self.document),
                "q": _text("q", self.q, MIN_TEXT_QUERY),
            },
        )


@dataclass(frozen=True)
class PersonFilters:
    """Filters of people listings and exports: a name (any script), a substring, country, role."""

    name: str | None = None
    q: str | None = None
    country: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        _normalise(
            self,
            {
                "name": _person("name", self.name),
                "q": _text("q", self.q, MIN_TEXT_QUERY),
                "country": _country("country", self.country),
                "role": None if self.role is None else _text("role", self.role.lower()),
            },
        )


@dataclass(frozen=True)
class AgreementFilters:
    """Filters of agreement listings and exports.

    ``countries`` holds one country (on either side) or a pair (the two sides, either way).
    """

    countries: tuple[str, ...] = field(default=())
    guest_country: str | None = None
    host_country: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None
    visit: int | None = None
    document: str | None = None

    def __post_init__(self) -> None:
        if len(self.countries) > 2:
            raise FilterError("country", "give one country, or two for a pair")
        if self.visit is not None and not 0 < self.visit <= MAX_ID:
            raise FilterError("visit", f"{self.visit} is not a visit id")
        _dates(self.date_from, self.date_to)
        _normalise(
            self,
            {
                "countries": tuple(_country("country", c) or "" for c in self.countries),
                "guest_country": _country("guest_country", self.guest_country),
                "host_country": _country("host_country", self.host_country),
                "kind": _choice("kind", self.kind, m.AGREEMENT_KINDS),
                "document": _text("document", self.document),
            },
        )


# --- people named by an id or a name -------------------------------------------------------


def _person_values(prefix: str, value: str) -> tuple[str, dict[str, Any]]:
    """The shape (``id`` or ``name``) and bind values of a person given by id or by name."""
    if _is_number(value):
        return "id", {f"{prefix}_id": int(value)}
    return "name", {
        f"{prefix}_name": value,
        f"{prefix}_normal": normalize_name(value),
        f"{prefix}_key": name_key(value),
    }


def _people_named(prefix: str) -> Any:
    """Ids of people with a name matching the bound one: as written or normalised, else by key.

    The script-independent key joins spellings across scripts but can join different names too,
    so it is used only when no stored name matches the spelling given.
    """
    spelled = m.PersonName.name.in_(
        [bindparam(f"{prefix}_name", type_=String), bindparam(f"{prefix}_normal", type_=String)]
    )
    by_spelling = select(m.PersonName.person_id).where(spelled)
    by_key = select(m.PersonName.person_id).where(
        m.PersonName.key == bindparam(f"{prefix}_key", type_=String),
        ~exists().where(spelled),
    )
    return by_spelling.union(by_key)


def _in_people(column: ColumnElement[Any], prefix: str, how: str) -> ColumnElement[bool]:
    if how == "id":
        return column == bindparam(f"{prefix}_id", type_=Integer)
    return column.in_(_people_named(prefix))


def _visits_met_by(prefix: str, how: str) -> Any:
    """Ids of visits in which the person is a participant, according to some source."""
    return (
        select(m.VisitSource.visit_id)
        .join(m.VisitParticipant, m.VisitParticipant.visit_source_id == m.VisitSource.id)
        .join(m.Mention, m.Mention.id == m.VisitParticipant.mention_id)
        .where(_in_people(m.Mention.person_id, prefix, how))
    )


def _contains_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its wildcards taken literally."""
    escaped = value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_values(value: str) -> dict[str, Any]:
    # Separators alone ("__", "--") normalise to nothing, and nothing is part of every name:
    # such a query is matched as written, and never by its (empty) key.
    return {
        "q_like": _contains_pattern(value),
        "q_normal_like": _contains_pattern(normalize_name(value) or value),
        "q_key": name_key(value) or None,
    }


def _names_containing(column: ColumnElement[str]) -> ColumnElement[bool]:
    return or_(
        column.ilike(bindparam("q_like", type_=String), escape=LIKE_ESCAPE),
        column.ilike(bindparam("q_normal_like", type_=String), escape=LIKE_ESCAPE),
    )


def _visits_mentioning() -> ColumnElement[bool]:
    """Visits whose guest, a participant or a place is named by the bound ``q``."""
    people = select(m.PersonName.person_id).where(
        or_(_names_containing(m.PersonName.name), m.PersonName.key == bindparam("q_key"))
    )
    met = (
        select(m.VisitSource.visit_id)
        .join(m.VisitParticipant, m.VisitParticipant.visit_source_id == m.VisitSource.id)
        .join(m.Mention, m.Mention.id == m.VisitParticipant.mention_id)
        .where(m.Mention.person_id.in_(people))
    )
    places = (
        select(m.VisitSource.visit_id)
        .join(m.VisitPlace, m.VisitPlace.visit_source_id == m.VisitSource.id)
        .where(or_(_names_containing(m.VisitPlace.name), _names_containing(m.VisitPlace.name_en)))
    )
    return or_(m.Visit.guest_id.in_(people), m.Visit.id.in_(met), m.Visit.id.in_(places))


# --- visits ---------------------------------------------------------------------------------


def _overlaps(start: bool, end: bool, dated: bool) -> ColumnElement[bool]:
    """The visit's days (or window of possible days) overlap the bound range.

    A known day has the window ``[day, day]``; the last possible day is the end date when known,
    else the window's end. A null end of a window is open; a visit with no date at all is kept
    out, since nothing says it overlaps. ``dated`` is the keyset region (window start known or
    not): knowing it keeps each condition a plain index range.
    """
    first = m.Visit.window_start
    last = func.coalesce(m.Visit.end_date, m.Visit.window_end)
    date_from, date_to = bindparam("date_from", type_=Date), bindparam("date_to", type_=Date)
    if not dated:  # the window has no start, so only its end can rule the visit out
        return and_(last.is_not(None), last >= date_from) if start else last.is_not(None)
    conditions = []
    if start:
        conditions.append(or_(last >= date_from, last.is_(None)))
    if end:
        conditions.append(first <= date_to)
    return and_(*conditions)


def visit_binding(filters: VisitFilters) -> Binding:
    """The shape and bind values of ``filters``."""
    shape: list[str] = []
    params: dict[str, Any] = {}
    if filters.date_from or filters.date_to:
        shape.append(f"dates:{int(bool(filters.date_from))}{int(bool(filters.date_to))}")
        params |= {"date_from": filters.date_from, "date_to": filters.date_to}
    for role in ("official", "guest", "participant"):
        value = getattr(filters, role)
        if value is not None:
            how, values = _person_values(role, value)
            shape.append(f"{role}:{how}")
            params |= values
    for column in ("guest_country", "host_country", "country", "status", "lang", "document"):
        value = getattr(filters, column)
        if value is not None:
            shape.append(column)
            params[column] = value
    if filters.q is not None:
        shape.append("q")
        params |= _text_values(filters.q)
    return Binding(tuple(shape), params)


def visit_conditions(shape: tuple[str, ...], dated: bool) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a visit listing of this shape in one keyset region."""
    conditions = []
    for item in shape:
        name, _, how = item.partition(":")
        if name == "dates":
            conditions.append(_overlaps(how[0] == "1", how[1] == "1", dated))
        elif name == "official":
            conditions.append(
                or_(
                    _in_people(m.Visit.guest_id, name, how),
                    m.Visit.id.in_(_visits_met_by(name, how)),
                )
            )
        elif name == "guest":
            conditions.append(_in_people(m.Visit.guest_id, name, how))
        elif name == "participant":
            conditions.append(m.Visit.id.in_(_visits_met_by(name, how)))
        elif name in ("guest_country", "host_country", "status"):
            conditions.append(getattr(m.Visit, name) == bindparam(name, type_=String))
        elif name == "country":
            code = bindparam("country", type_=String)
            conditions.append(or_(m.Visit.guest_country == code, m.Visit.host_country == code))
        elif name == "lang":
            # EXISTS rather than IN: a language matches half the visits, and a page needs only
            # the first few of them in index order.
            conditions.append(
                exists()
                .where(
                    m.VisitSource.visit_id == m.Visit.id,
                    m.Document.id == m.VisitSource.document_id,
                    m.Document.lang == bindparam("lang", type_=String),
                )
                .correlate(m.Visit)
            )
        elif name == "document":
            conditions.append(
                m.Visit.id.in_(
                    select(m.VisitSource.visit_id)
                    .join(m.Document, m.Document.id == m.VisitSource.document_id)
                    .where(m.Document.external_id == bindparam("document", type_=String))
                )
            )
        elif name == "q":
            conditions.append(_visits_mentioning())
    return conditions


# --- people ---------------------------------------------------------------------------------


def person_binding(filters: PersonFilters) -> Binding:
    """The shape and bind values of ``filters``."""
    shape: list[str] = []
    params: dict[str, Any] = {}
    if filters.name is not None:
        how, values = _person_values("name", filters.name)
        shape.append(f"name:{how}")
        params |= values
    if filters.q is not None:
        shape.append("q")
        params |= _text_values(filters.q)
    for column in ("country", "role"):
        value = getattr(filters, column)
        if value is not None:
            shape.append(column)
            params[column] = value
    return Binding(tuple(shape), params)


def person_conditions(shape: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a people listing of this shape."""
    conditions = []
    for item in shape:
        name, _, how = item.partition(":")
        if name == "name":
            conditions.append(_in_people(m.Person.id, name, how))
        elif name == "q":
            conditions.append(
                m.Person.id.in_(
                    select(m.PersonName.person_id).where(
                        or_(
                            _names_containing(m.PersonName.name),
                            m.PersonName.key == bindparam("q_key"),
                        )
                    )
                )
            )
        elif name == "country":
            # The state served now, or in any term of office.
            code = bindparam("country", type_=String)
            conditions.append(
                or_(
                    m.Person.country == code,
                    m.Person.id.in_(select(m.Term.person_id).where(m.Term.country == code)),
                )
            )
        elif name == "role":
            role = bindparam("role", type_=String)
            conditions.append(
                or_(
                    m.Person.role == role,
                    m.Person.id.in_(select(m.Term.person_id).where(m.Term.role == role)),
                )
            )
    return conditions


# --- agreements -----------------------------------------------------------------------------


def agreement_binding(filters: AgreementFilters) -> Binding:
    """The shape and bind values of ``filters``."""
    shape: list[str] = []
    params: dict[str, Any] = {}
    if len(filters.countries) == 1:
        shape.append("country")
        params["country"] = filters.countries[0]
    elif len(filters.countries) == 2:
        shape.append("pair")
        params |= {"country_a": filters.countries[0], "country_b": filters.countries[1]}
    if filters.date_from or filters.date_to:
        shape.append(f"dates:{int(bool(filters.date_from))}{int(bool(filters.date_to))}")
        params |= {"date_from": filters.date_from, "date_to": filters.date_to}
    for column in ("guest_country", "host_country", "kind", "visit", "document"):
        value = getattr(filters, column)
        if value is not None:
            shape.append(column)
            params[column] = value
    return Binding(tuple(shape), params)


def agreement_conditions(shape: tuple[str, ...], dated: bool) -> list[ColumnElement[bool]]:
    """The WHERE conditions of an agreement listing of this shape in one keyset region."""
    conditions = []
    for item in shape:
        name, _, how = item.partition(":")
        if name == "country":
            code = bindparam("country", type_=String)
            conditions.append(or_(m.Visit.guest_country == code, m.Visit.host_country == code))
        elif name == "pair":
            a, b = bindparam("country_a", type_=String), bindparam("country_b", type_=String)
            conditions.append(
                or_(
                    and_(m.Visit.guest_country == a, m.Visit.host_country == b),
                    and_(m.Visit.guest_country == b, m.Visit.host_country == a),
                )
            )
        elif name == "dates":
            conditions.append(_overlaps(how[0] == "1", how[1] == "1", dated))
        elif name in ("guest_country", "host_country"):
            conditions.append(getattr(m.Visit, name) == bindparam(name, type_=String))
        elif name == "kind":
            conditions.append(m.AgreementClaim.kind == bindparam("kind", type_=String))
        elif name == "visit":
            conditions.append(m.Visit.id == bindparam("visit", type_=Integer))
        elif name == "document":
            conditions.append(m.Document.external_id == bindparam("document", type_=String))
    return conditions
