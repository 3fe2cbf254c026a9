"""The officials gazetteer: every shipped file keeps the rules, and a bad file is refused."""

from datetime import date
from pathlib import Path

import pytest

from visitkb.errors import GazetteerError
from visitkb.world.officials import GAZETTEER_DIR, ROLES, find_problems, load_officials

# The states this gazetteer covers (issue 4): the Middle East and North Africa, South Asia and the
# Holy See. Files of other states may sit beside them.
COVERED = {
    "IRQ", "IRN", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "JOR", "SYR", "LBN", "ISR",
    "PSE", "EGY", "LBY", "TUN", "DZA", "MAR", "SDN", "TUR",
    "IND", "PAK", "AFG", "BGD", "LKA", "NPL",
    "VAT",
}  # fmt: skip
# Years in which a state had no head of state at all (Lebanon's presidency was vacant).
VACANT = {("LBN", 2015), ("LBN", 2023), ("LBN", 2024)}
HEAD_ROLES = {"president", "king", "emir", "sultan", "supreme leader", "pope", "head of state"}


@pytest.fixture(scope="module")
def shipped():
    return load_officials([GAZETTEER_DIR])


def test_shipped_files_keep_every_rule(shipped):
    assert find_problems(shipped) == []
    assert len(shipped) >= 450
    assert {o.country for o in shipped} >= COVERED
    assert {path.stem for path in GAZETTEER_DIR.glob("*.yaml")} >= COVERED


def test_every_covered_state_has_a_head_since_2000(shipped):
    """Each state has a head of state in office on some day of every year from 2000 to 2024."""
    for country in sorted(COVERED):
        terms = [
            t for o in shipped for t in o.terms if t.country == country and t.role in HEAD_ROLES
        ]
        for year in sorted(set(range(2000, 2025)) - {y for c, y in VACANT if c == country}):
            first, last = date(year, 1, 1), date(year, 12, 31)
            assert any(t.start <= last and (t.end is None or t.end >= first) for t in terms), (
                f"{country} has no head of state in {year}"
            )


def test_people_have_english_first_and_another_script(shipped):
    for official in shipped:
        assert official.name_en == official.names["en"][0]
        assert set(official.names) - {"en"}, official.id
        assert {t.role for t in official.terms} <= ROLES


def test_latest_term_and_spellings():
    (salih,) = [o for o in load_officials([GAZETTEER_DIR]) if o.id == "barham-salih"]
    assert (salih.latest_term.role, salih.latest_term.start) == ("president", date(2018, 10, 2))
    scripts = {script for script, _ in salih.spellings()}
    assert scripts == {"Latn", "Arab", "Deva"}
    spellings = [name for _, name in salih.spellings()]
    assert len(spellings) == len(set(spellings))  # ar and fa write it alike: stored once


GOOD_PERSON = """
  - id: {id}
    names:
      en: [{en}]
      ar: [برهم صالح]
    terms:
      - {{role: {role}, start: {start}, end: {end}}}
"""


def write(folder: Path, country: str, *people: str, header: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    body = header or f"country: {country}\npeople:\n"
    path = folder / f"{country}.yaml"
    path.write_text(body + "".join(people), encoding="utf-8")
    return folder


def person(id="test-person", en="Test Person", role="president", start="2018-10-02", end="null"):
    return GOOD_PERSON.format(id=id, en=en, role=role, start=start, end=end)


def problems_of(folder: Path) -> str:
    with pytest.raises(GazetteerError) as caught:
        load_officials([folder])
    return "\n".join(caught.value.problems)


BAD_FILES = [
    pytest.param([("IRQ", person(start="2018-13-02"))], "not a date", id="month-13"),
    pytest.param([("IRQ", person(start="'2018'"))], "not a date", id="year-only"),
    pytest.param(
        [("IRQ", person(start="2020-01-01", end="2019-01-01"))],
        "ends (2019-01-01) before it starts",
        id="end-before-start",
    ),
    pytest.param(
        [("IRQ", person(id="a", end="2020-01-01") + person(id="b", start="2019-06-01"))],
        "b from 2019-06-01 overlaps a",
        id="overlapping-presidents",
    ),
    pytest.param(
        [("IRQ", person(id="a") + person(id="b", start="2024-01-01"))],
        "overlaps a (in office)",
        id="two-open-terms",
    ),
    pytest.param(
        [("IRQ", person(id="a", end="2020-01-03") + person(id="b", start="2020-01-01"))],
        "overlaps",
        id="two-days-overlap",
    ),
    pytest.param(
        [("IRQ", person().replace("en: [Test Person]", "fr: [Personne]"))],
        "no English name",
        id="no-english",
    ),
    pytest.param(
        [("IRQ", person().replace("ar: [برهم صالح]", "fr: [Personne]"))],
        "script other than Latin",
        id="latin-only",
    ),
    pytest.param(
        [("IRQ", person().replace("ar: [برهم صالح]", "hi: [برهم صالح]"))],
        "not in the Deva script",
        id="arabic-under-hi",
    ),
    pytest.param(
        [("IRQ", person().replace("ar: [برهم صالح]", "xx: [برهم صالح]"))],
        "unknown language code 'xx'",
        id="unknown-language",
    ),
    pytest.param(
        [("IRQ", person(id="a")), ("IRN", person(id="a", role="prime minister"))],
        "id 'a' is used more than once",
        id="duplicate-id",
    ),
    pytest.param([("IRQ", person(id="Barham_Salih"))], "lower-case words", id="bad-id"),
    pytest.param([("XYZ", person())], "'XYZ' is not an ISO 3166-1 alpha-3", id="bad-country"),
    pytest.param(
        [("IRQ", person().replace("end: null}", "end: null, country: IRK}"))],
        "'IRK' is not an ISO",
        id="bad-term-country",
    ),
    pytest.param([("IRQ", person(role="president-for-life"))], "unknown role", id="bad-role"),
    pytest.param(
        [("IRQ", person().replace(", end: null}", "}"))],
        "needs `role`, `start` and `end`",
        id="missing-end",
    ),
    pytest.param(
        [("IRQ", person().replace("    terms:", "    born: 1960-09-12\n    terms:"))],
        "unknown field(s) born",
        id="unknown-field",
    ),
    pytest.param(
        [("IRQ", person().replace("      - {role: president, start: 2018-10-02, end: null}", ""))],
        "no terms of office",
        id="no-terms",
    ),
    pytest.param([("IRQ", "  - id: [unclosed\n")], "cannot read", id="broken-yaml"),
]


@pytest.mark.parametrize(("files", "expected"), BAD_FILES)
def test_a_bad_file_is_refused_with_the_problem(tmp_path, files, expected):
    for country, people in files:
        write(tmp_path / "g", country, people)
    assert expected in problems_of(tmp_path / "g")


def test_file_name_must_match_its_country(tmp_path):
    folder = write(tmp_path / "g", "IRQ", person(), header="country: IRN\npeople:\n")
    assert "file name does not match its country IRN" in problems_of(folder)


def test_every_problem_is_reported_at_once(tmp_path):
    folder = write(tmp_path / "g", "IRQ", person(id="a", role="tsar"), person(id="B"))
    found = problems_of(folder)
    assert "unknown role 'tsar'" in found and "B: id must be" in found


@pytest.mark.parametrize(
    "people",
    [
        pytest.param(
            person(id="a", end="2020-01-02") + person(id="b", start="2020-01-01"),
            id="one-handover-day",
        ),
        pytest.param(
            person(id="a", role="vice president") + person(id="b", role="vice president"),
            id="two-vice-presidents",
        ),
        pytest.param(
            person(id="a", role="president") + person(id="b", role="prime minister"),
            id="different-offices",
        ),
    ],
)
def test_allowed_overlaps_pass(tmp_path, people):
    (first, second) = load_officials([write(tmp_path / "g", "IRQ", people)])
    assert (first.id, second.id) == ("a", "b")


def test_user_folder_from_the_environment_extends_and_overrides(tmp_path, monkeypatch):
    extra = write(
        tmp_path / "mine",
        "IRQ",
        person(id="barham-salih", en="Barham Salih", end="2022-10-17"),
    )
    write(extra, "TUV", person(id="test-president", role="president", start="2031-01-01"))
    monkeypatch.setenv("VISITKB_GAZETTEER_DIR", str(extra))
    officials = {o.id: o for o in load_officials()}
    assert officials["test-president"].country == "TUV"
    assert officials["barham-salih"].names["ar"] == ("برهم صالح",)
    assert "hi" not in officials["barham-salih"].names  # the user's entry replaced the shipped one
    assert len(officials) == len(load_officials([GAZETTEER_DIR])) + 1


def test_a_bad_user_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("VISITKB_GAZETTEER_DIR", str(tmp_path / "missing"))
    with pytest.raises(GazetteerError, match="gazetteer folder not found"):
        load_officials()


def test_user_terms_are_checked_against_shipped_ones(tmp_path):
    folder = write(tmp_path / "g", "IRQ", person(id="usurper", start="2023-01-01"))
    with pytest.raises(GazetteerError, match="usurper from 2023-01-01 overlaps abdul-latif-rashid"):
        load_officials([GAZETTEER_DIR, folder])
