"""Build a synthetic visitkb knowledge base of N visits in one SQLite file, with bulk Core inserts.

The data has the shape real data has, not its facts: invented officials with names in Latin,
Arabic and Devanagari script, one term of office each, visits with one or two reporting
documents (Arabic or Hindi), evidence spans that are exact substrings of their document, places,
participants, agreement claims (some conflicting between sources), and one visit in seven known
only by a window of possible days. Deterministic for a given seed.

    uv run python bench/synthetic.py /tmp/kb.sqlite3 --visits 100000
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from visitkb.database import make_engine, upgrade
from visitkb.database import models as m
from visitkb.resolve.names import name_key
from visitkb.world.countries import all_countries

# Consonant-vowel syllables written in the three scripts; names are made of them, so each
# synthetic person has one spelling per script, as gazetteer people do.
SYLLABLES = [
    ("ka", "كا", "का"), ("ri", "ري", "री"), ("ma", "ما", "मा"), ("na", "نا", "ना"),
    ("sa", "سا", "सा"), ("la", "لا", "ला"), ("da", "دا", "दा"), ("ba", "با", "बा"),
    ("ta", "تا", "ता"), ("mi", "مي", "मी"), ("ru", "رو", "रू"), ("ha", "ها", "हा"),
    ("fa", "فا", "फ़ा"), ("za", "زا", "ज़ा"), ("ja", "جا", "जा"), ("wa", "وا", "वा"),
    ("ya", "يا", "या"), ("ni", "ني", "नी"), ("si", "سي", "सी"), ("lu", "لو", "लू"),
    ("du", "دو", "दू"), ("bi", "بي", "बी"), ("ti", "تي", "ती"), ("mu", "مو", "मू"),
]  # fmt: skip
SCRIPTS = ("Latn", "Arab", "Deva")
ROLES = ("president", "prime minister", "foreign minister")
# Report templates: {guest}, {place}, {host} and {agreements} are filled in; spans are computed.
TEMPLATES = {
    "ar": (
        "وصل {guest} إلى {place} في زيارة رسمية والتقى {host}",
        " ووقع الجانبان {agreements}",
        ".",
    ),
    "hi": ("{guest} आधिकारिक यात्रा पर {place} पहुंचे और {host} से मिले", "; {agreements} हुए", "।"),
}
AGREEMENT_PHRASES = {"ar": "{n} اتفاقيات", "hi": "{n} समझौते"}
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2024, 12, 31)
COUNTRIES_USED = 60
PEOPLE_PER_VISIT = 0.1
BATCH = 20_000


@dataclass(frozen=True)
class Person:
    id: int
    names: tuple[str, str, str]  # Latn, Arab, Deva
    country: str
    role: str


def _words(rng: random.Random, count: int) -> Iterator[tuple[str, str, str]]:
    """Distinct words of two or three syllables, in the three scripts."""
    seen: set[str] = set()
    while len(seen) < count:
        parts = rng.choices(SYLLABLES, k=rng.choice((2, 3)))
        latin = "".join(p[0] for p in parts).capitalize()
        if latin not in seen:
            seen.add(latin)
            yield latin, "".join(p[1] for p in parts), "".join(p[2] for p in parts)


def _people(rng: random.Random, count: int, countries: list[str], first_id: int) -> list[Person]:
    given = list(_words(rng, max(50, count // 20)))
    family = list(_words(rng, max(50, count // 5)))
    names: set[tuple[str, str, str]] = set()
    people = []
    while len(people) < count:
        g, f = rng.choice(given), rng.choice(family)
        full = (f"{g[0]} {f[0]}", f"{g[1]} {f[1]}", f"{g[2]} {f[2]}")
        if full in names:
            continue
        names.add(full)
        people.append(
            Person(first_id + len(people), full, rng.choice(countries), rng.choice(ROLES))
        )
    return people


def _day(rng: random.Random, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


class Tables:
    """Rows of every table, flushed in batches of bulk inserts."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}
        # After the rows `db upgrade` wrote (the officials gazetteer).
        self.next_id = {
            t.name: (conn.scalar(select(func.max(t.c.id))) or 0) + 1
            for t in m.Base.metadata.sorted_tables
            if "id" in t.c
        }

    def add(self, model: Any, **row: Any) -> int:
        table = model.__table__
        row_id = self.next_id[table.name]
        self.next_id[table.name] = row_id + 1
        self.rows.setdefault(table, []).append({"id": row_id, **row})
        if len(self.rows[table]) >= BATCH:
            self.flush()
        return row_id

    def flush(self) -> None:
        """Insert every pending row, parents before children (foreign keys are enforced)."""
        for t in m.Base.metadata.sorted_tables:
            if self.rows.get(t):
                self.conn.execute(insert(t), self.rows[t])
                self.counts[t.name] = self.counts.get(t.name, 0) + len(self.rows[t])
                self.rows[t] = []


def _report(
    lang: str, guest: str, place: str, host: str, agreements: int | None
) -> tuple[str, dict[str, tuple[int, int]]]:
    """A document text and the offsets of its guest, place, host, agreements and sentence."""
    head, tail, stop = TEMPLATES[lang]
    values = {"guest": guest, "place": place, "host": host}
    template = head + (tail if agreements is not None else "") + stop
    if agreements is not None:
        values["agreements"] = AGREEMENT_PHRASES[lang].format(n=agreements)
    preface = "(synthetic) "
    text_parts, spans, cursor = [preface], {}, len(preface)
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        field, _, rest = after.partition("}")
        text_parts.append(before)
        cursor += len(before)
        spans[field] = (cursor, cursor + len(values[field]))
        text_parts.append(values[field])
        cursor += len(values[field])
    text_parts.append(rest)
    body = "".join(text_parts)
    spans["sentence"] = (len(preface), len(body))
    return body, spans


def build(path: Path, visits: int, seed: int = 7) -> dict[str, int]:
    """Create ``path`` (replacing it) with ``visits`` synthetic visits; return rows per table."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    upgrade(url)
    rng = random.Random(seed)
    countries = sorted(rng.sample([c.code for c in all_countries()], COUNTRIES_USED))
    places = {c: [w[0:2] for w in _words(rng, 5)] for c in countries}
    engine = make_engine(url)
    with engine.begin() as conn:
        tables = Tables(conn)
        count = max(20, int(visits * PEOPLE_PER_VISIT))
        people = _people(rng, count, countries, tables.next_id[m.Person.__tablename__])
        # A few officials travel a lot, most rarely: draw guests with a heavy-tailed weight.
        weights = list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(people))))
        for person in people:
            tables.add(
                m.Person,
                name=person.names[0],
                name_en=person.names[0],
                role=person.role,
                country=person.country,
                key=f"synthetic:{person.id}",
            )
            for script, name in zip(SCRIPTS, person.names, strict=True):
                tables.add(
                    m.PersonName,
                    person_id=person.id,
                    name=name,
                    script=script,
                    key=name_key(name),
                    source="gazetteer",
                )
            start = _day(rng, FIRST_DAY - timedelta(days=3650), LAST_DAY)
            end = start + timedelta(days=rng.randrange(365, 3650))
            tables.add(
                m.Term,
                person_id=person.id,
                role=person.role,
                country=person.country,
                start=start,
                end=None if end > LAST_DAY else end,
            )
        tables.flush()
        for visit_id in range(1, visits + 1):
            _add_visit(rng, tables, visit_id, people, weights, places)
        tables.flush()
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return tables.counts


def _add_visit(
    rng: random.Random,
    tables: Tables,
    visit_id: int,
    people: list[Person],
    weights: list[float],
    places: dict[str, list[tuple[str, str]]],
) -> None:
    (guest,) = rng.choices(people, cum_weights=weights)
    hosts = [p for p in rng.sample(people, 8) if p.country != guest.country] or [people[0]]
    host = hosts[0]
    status = "occurred" if rng.random() < 0.9 else "planned"
    dated = rng.random() < 6 / 7
    start = end = window_start = window_end = duration = None
    reasons: list[str] = []
    if dated:
        start = window_start = window_end = _day(rng)
        duration = rng.choice((1, 1, 2, 2, 3, 4, 5))
        end = start + timedelta(days=duration - 1)
    else:
        window_start = _day(rng)
        window_end = window_start + timedelta(days=rng.randrange(30, 1500))
        if rng.random() < 0.05:
            window_start = None  # known only to have started before a day
        elif rng.random() < 0.05:
            window_end = None  # known only to have started after a day
    first_document = f"syn-{visit_id:06d}-0"
    if not dated:
        reasons = [f"window from the terms of office named in {first_document}"]
    row_id = tables.add(
        m.Visit,
        key=f"{first_document}#0",
        guest_id=guest.id,
        guest_country=guest.country,
        host_country=host.country,
        status=status,
        start_date=start,
        end_date=end,
        window_start=window_start,
        window_end=window_end,
        duration_days=duration,
        window_reasons=reasons,
    )
    document_count = 2 if rng.random() < 0.5 else 1
    count = rng.randrange(1, 25) if rng.random() < 0.4 else None
    place_en, place_ar = rng.choice(places[host.country])
    for ordinal_doc in range(document_count):
        lang = rng.choice(("ar", "hi"))
        script = 1 if lang == "ar" else 2
        claimed = count
        if count is not None and ordinal_doc == 1 and rng.random() < 0.2:
            claimed = count + 1  # a second outlet counts differently
        body, spans = _report(lang, guest.names[script], place_ar, host.names[script], claimed)
        external = f"syn-{visit_id:06d}-{ordinal_doc}"
        doc_id = tables.add(
            m.Document,
            external_id=external,
            lang=lang,
            published=(start or window_start or FIRST_DAY) + timedelta(days=1),
            url=None,
            title=None,
            text=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            reference_date=None,
        )
        mention_ids = {}
        for key, (field, person) in enumerate((("guest", guest), ("host", host))):
            s, e = spans[field]
            mention_ids[field] = tables.add(
                m.Mention,
                document_id=doc_id,
                start=s,
                end=e,
                text=body[s:e],
                claim_key=key,
                role=person.role,
                country=person.country,
                person_id=person.id,
            )
        source_id = tables.add(
            m.VisitSource,
            visit_id=row_id,
            document_id=doc_id,
            ordinal=0,
            guest_mention_id=mention_ids["guest"],
            guest_country=guest.country,
            host_country=host.country,
            status=status,
            start_date=start,
            end_date=end,
            window_start=window_start,
            window_end=window_end,
            duration_days=duration,
        )
        s, e = spans["sentence"]
        tables.add(m.EvidenceSpan, visit_source_id=source_id, start=s, end=e, text=body[s:e])
        s, e = spans["place"]
        tables.add(
            m.VisitPlace,
            visit_source_id=source_id,
            name=body[s:e],
            name_en=place_en,
            country=host.country,
            start=s,
            end=e,
            text=body[s:e],
        )
        tables.add(m.VisitParticipant, visit_source_id=source_id, mention_id=mention_ids["host"])
        if claimed is not None:
            s, e = spans["agreements"]
            tables.add(
                m.AgreementClaim,
                visit_source_id=source_id,
                count=claimed,
                kind="agreement",
                start=s,
                end=e,
                text=body[s:e],
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="SQLite file to create (replaced if it exists)")
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = build(args.path, args.visits, args.seed)
    elapsed = time.perf_counter() - started
    rows = sum(counts.values())
    print(
        f"{args.path}: {rows:,} rows ({', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))})"
        f" in {elapsed:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
