"""Seeding the officials gazetteer into the database: bulk, idempotent, and kept up to date."""

from datetime import date

import pytest
from sqlalchemy import func, select

from visitkb.database import models as m
from visitkb.database import upgrade
from visitkb.database.gazetteer import SeedReport, seed_gazetteer
from visitkb.resolve.names import name_key
from visitkb.world.officials import GAZETTEER_DIR, load_officials

from ..world.test_gazetteer import person, write


def counts(engine):
    with engine.connect() as conn:
        return tuple(
            conn.scalar(select(func.count()).select_from(table))
            for table in (m.Person, m.PersonName, m.Term)
        )


def test_upgrade_seeds_every_shipped_official(fresh_db):
    officials = load_officials([GAZETTEER_DIR])
    people, names, terms = counts(fresh_db)
    assert people == len(officials)
    assert terms == sum(len(o.terms) for o in officials)
    assert names == sum(len(list(o.spellings())) for o in officials)
    with fresh_db.connect() as conn:
        salih = conn.execute(select(m.Person).where(m.Person.gazetteer_id == "barham-salih")).one()
        spellings = conn.execute(
            select(
                m.PersonName.name, m.PersonName.script, m.PersonName.key, m.PersonName.source
            ).where(m.PersonName.person_id == salih.id)
        ).all()
        (term,) = conn.execute(select(m.Term).where(m.Term.person_id == salih.id)).all()
    assert (salih.name, salih.name_en, salih.role, salih.country, salih.key) == (
        "Barham Salih", "Barham Salih", "president", "IRQ", None,
    )  # fmt: skip
    assert ("برهم صالح", "Arab", name_key("برهم صالح"), "gazetteer") in spellings
    assert ("बरहम सालेह", "Deva", name_key("बरहम सालेह"), "gazetteer") in spellings
    assert {s.script for s in spellings} == {"Latn", "Arab", "Deva"}
    assert (term.role, term.country, term.start, term.end) == (
        "president", "IRQ", date(2018, 10, 2), date(2022, 10, 17),
    )  # fmt: skip


def test_seeding_again_changes_nothing(fresh_db):
    before = counts(fresh_db)
    report = seed_gazetteer(fresh_db, load_officials([GAZETTEER_DIR]))
    assert report == SeedReport(added=0, updated=0, unchanged=before[0])
    assert counts(fresh_db) == before


def test_upgrade_again_seeds_nothing_new(unmigrated_url):
    first = upgrade(unmigrated_url)
    again = upgrade(unmigrated_url)
    assert first.added == again.unchanged > 0
    assert (again.added, again.updated) == (0, 0)


@pytest.fixture
def own(tmp_path):
    """A user's gazetteer folder with one person, and a way to rewrite it."""
    folder = tmp_path / "mine"

    def rewrite(*people: str):
        write(folder, "TUV", *people)
        return load_officials([GAZETTEER_DIR, folder])

    return rewrite


def test_an_updated_file_updates_names_and_terms(fresh_db, own):
    base = counts(fresh_db)
    report = seed_gazetteer(fresh_db, own(person(id="test-president", role="president")))
    assert (report.added, report.updated) == (1, 0)
    assert counts(fresh_db) == (base[0] + 1, base[1] + 2, base[2] + 1)

    changed = person(
        id="test-president", en="Test Président", role="prime minister", end="2030-01-01"
    ).replace("ar: [برهم صالح]", "ar: [رئيس الاختبار]\n      hi: [टेस्ट प्रेसिडेंट]")
    report = seed_gazetteer(fresh_db, own(changed))
    assert (report.added, report.updated) == (0, 1)
    with fresh_db.connect() as conn:
        row = conn.execute(select(m.Person).where(m.Person.gazetteer_id == "test-president")).one()
        names = set(conn.scalars(select(m.PersonName.name).where(m.PersonName.person_id == row.id)))
        terms = conn.execute(
            select(m.Term.role, m.Term.end).where(m.Term.person_id == row.id)
        ).all()
    assert (row.name, row.role, row.country) == ("Test Président", "prime minister", "TUV")
    assert names == {"Test Président", "رئيس الاختبار", "टेस्ट प्रेसिडेंट"}
    assert terms == [("prime minister", date(2030, 1, 1))]
    assert seed_gazetteer(fresh_db, own(changed)).updated == 0


def test_names_texts_added_to_a_gazetteer_person_are_kept(fresh_db, own):
    seed_gazetteer(fresh_db, own(person(id="test-president")))
    with fresh_db.begin() as conn:
        pid = conn.scalar(select(m.Person.id).where(m.Person.gazetteer_id == "test-president"))
        conn.execute(
            m.PersonName.__table__.insert(),
            [
                {"person_id": pid, "name": name, "script": "Arab", "key": "x", "source": "text"}
                for name in ("صالح", "برهم")
            ],
        )
    # The file now spells the person as a text already did: one row per spelling stays.
    report = seed_gazetteer(
        fresh_db, own(person(id="test-president").replace("[برهم صالح]", "[برهم صالح, برهم]"))
    )
    assert report.updated == 0
    with fresh_db.connect() as conn:
        sources = dict(
            conn.execute(
                select(m.PersonName.name, m.PersonName.source).where(m.PersonName.person_id == pid)
            ).all()
        )
    assert sources == {
        "Test Person": "gazetteer",
        "برهم صالح": "gazetteer",
        "صالح": "text",
        "برهم": "text",
    }
