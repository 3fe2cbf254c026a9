"""The officials gazetteer: heads of state and government and foreign ministers, with terms.

One YAML file per state in this folder, named by ISO alpha-3 code (``IRQ.yaml``); the format is
in docs/gazetteer.md. Users add folders of files in the same format with
``VISITKB_GAZETTEER_DIR``; a person there with the id of a shipped person replaces it.
Loading checks every rule and raises ``GazetteerError`` listing all the problems found.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pycountry
import yaml

from visitkb.config import Settings
from visitkb.errors import GazetteerError

GAZETTEER_DIR = Path(__file__).parent
ROLES = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "foreign minister",
        "defence minister",
        "king",
        "queen",
        "emperor",
        "emir",
        "sultan",
        "crown prince",
        "supreme leader",
        "pope",
        "chancellor",
        "governor-general",
        "speaker",
        # A head of state without the title of president or monarch: the chair of a ruling
        # council (Sudan's Sovereignty Council, Libya's Presidential Council) or a leader
        # holding no formal office (Gaddafi).
        "head of state",
        # The head of an interim government with that title (Bangladesh).
        "chief adviser",
    }
)
# Offices several people may hold at once: two UAE vice presidents, speakers of two chambers.
SHARED_ROLES = frozenset({"vice president", "speaker"})
# One holder leaves and the next is sworn in on the same or the next day.
HANDOVER = timedelta(days=1)
# Language code of a spelling -> ISO 15924 script it must be written in.
LANGUAGE_SCRIPTS = {
    "en": "Latn",
    "fr": "Latn",
    "de": "Latn",
    "es": "Latn",
    "tr": "Latn",
    "ar": "Arab",
    "fa": "Arab",
    "ur": "Arab",
    "ps": "Arab",
    "hi": "Deva",
    "ne": "Deva",
    "mr": "Deva",
    "ru": "Cyrl",
    "uk": "Cyrl",
    "he": "Hebr",
    "zh": "Hani",
    "bn": "Beng",
}
# Prefix of the Unicode character names of each script's letters.
SCRIPT_LETTERS = {
    "Latn": "LATIN",
    "Arab": "ARABIC",
    "Deva": "DEVANAGARI",
    "Cyrl": "CYRILLIC",
    "Hebr": "HEBREW",
    "Hani": "CJK",
    "Beng": "BENGALI",
}
# libyaml's loader reads the shipped files about ten times faster than the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FILE_KEYS = {"country", "people"}
PERSON_KEYS = {"id", "names", "terms"}
TERM_KEYS = {"role", "start", "end", "country"}


@dataclass(frozen=True)
class Term:
    """A term of office: a role (lower-case English) for a state from start to end (None: open)."""

    role: str
    country: str
    start: date
    end: date | None


@dataclass(frozen=True)
class Official:
    """A person of the gazetteer: a unique id, spellings by language code, terms of office."""

    id: str
    country: str
    names: dict[str, tuple[str, ...]]
    terms: tuple[Term, ...]
    source: str  # the file it was read from, for messages

    @property
    def name_en(self) -> str:
        """The canonical English name: the first English spelling."""
        return self.names["en"][0]

    @property
    def latest_term(self) -> Term:
        """The term that began last (an open term wins a tie)."""
        return max(self.terms, key=lambda t: (t.start, t.end or date.max))

    def spellings(self) -> Iterator[tuple[str, str]]:
        """Every (script, spelling) pair, once each, in file order."""
        seen = set()
        for lang, names in self.names.items():
            for name in names:
                if name not in seen:
                    seen.add(name)
                    yield LANGUAGE_SCRIPTS.get(lang, "Zyyy"), name


def gazetteer_dirs() -> tuple[Path, ...]:
    """The shipped folder, then the folders named by ``VISITKB_GAZETTEER_DIR``."""
    return (GAZETTEER_DIR, *Settings.from_env().gazetteer_dirs)


def load_officials(dirs: Sequence[Path] | None = None) -> tuple[Official, ...]:
    """Every official of the gazetteer folders (default: ``gazetteer_dirs()``), checked.

    A later folder's person replaces an earlier one with the same id.

    Raises:
        GazetteerError: a file cannot be read, or the officials break a rule.
    """
    merged: dict[str, Official] = {}
    problems: list[str] = []
    for folder in gazetteer_dirs() if dirs is None else dirs:
        found, folder_problems = _read_folder(Path(folder))
        problems += folder_problems
        merged.update((o.id, o) for o in found)
    problems += find_problems(merged.values())
    if problems:
        raise GazetteerError(problems)
    return tuple(merged.values())


def _read_folder(folder: Path) -> tuple[tuple[Official, ...], list[str]]:
    if folder.resolve() == GAZETTEER_DIR.resolve():
        return _read_shipped()
    return read_folder(folder)


@cache
def _read_shipped() -> tuple[tuple[Official, ...], list[str]]:
    """The shipped files never change while the program runs: read them once."""
    return read_folder(GAZETTEER_DIR)


def read_folder(folder: Path) -> tuple[tuple[Official, ...], list[str]]:
    """Officials of every ``*.yaml`` file of ``folder`` and the problems found reading them."""
    if not folder.is_dir():
        return (), [f"{folder}: gazetteer folder not found"]
    officials: list[Official] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        found, file_problems = read_file(path)
        officials += found
        problems += file_problems
    ids = defaultdict(list)
    for official in officials:
        ids[official.id].append(official.source)
    problems += [
        f"{folder}: id {pid!r} is used more than once ({', '.join(files)})"
        for pid, files in ids.items()
        if len(files) > 1
    ]
    return tuple(officials), problems


def read_file(path: Path) -> tuple[list[Official], list[str]]:
    """Officials of one gazetteer file and the problems of its structure and dates."""
    where = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [], [f"{where}: cannot read: {error}"]
    except ValueError as error:  # YAML's dates: 2018-13-02 matches the pattern but is no day
        return [], [f"{where}: not a date (YYYY-MM-DD): {error}"]
    if not isinstance(data, dict) or not isinstance(data.get("people"), list):
        return [], [f"{where}: expected a mapping with `country` and a list of `people`"]
    problems = _unknown_keys(where, data, FILE_KEYS)
    country = data.get("country")
    if not isinstance(country, str):
        return [], [*problems, f"{where}: `country` must be an ISO alpha-3 code"]
    if path.stem != country:
        problems.append(f"{where}: file name does not match its country {country}")
    officials = []
    for index, entry in enumerate(data["people"]):
        official = _parse_person(entry, country, where, index, problems)
        if official is not None:
            officials.append(official)
    return officials, problems


def _parse_person(
    entry: object, country: str, where: str, index: int, problems: list[str]
) -> Official | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        problems.append(f"{where}: person #{index + 1} needs an `id`")
        return None
    where = f"{where}: {entry['id']}"
    problems += _unknown_keys(where, entry, PERSON_KEYS)
    names = entry.get("names")
    if not isinstance(names, dict) or not all(
        isinstance(v, list) and all(isinstance(n, str) and n.strip() for n in v)
        for v in names.values()
    ):
        problems.append(f"{where}: `names` must map language codes to lists of names")
        return None
    terms = [_parse_term(t, country, where, problems) for t in entry.get("terms") or []]
    return Official(
        id=entry["id"],
        country=country,
        names={str(lang): tuple(n.strip() for n in v) for lang, v in names.items()},
        terms=tuple(t for t in terms if t is not None),
        source=where.split(":", 1)[0],
    )


def _parse_term(entry: object, country: str, where: str, problems: list[str]) -> Term | None:
    if not isinstance(entry, dict) or not {"role", "start", "end"} <= entry.keys():
        problems.append(f"{where}: a term needs `role`, `start` and `end` (null while in office)")
        return None
    problems += _unknown_keys(where, entry, TERM_KEYS)
    start, end = entry["start"], entry["end"]
    # YAML reads 2018-10-02 as a date; anything else (2018-13-02, "2018", a timestamp) is wrong.
    bad = [
        f"{key} {value!r}"
        for key, value, optional in (("start", start, False), ("end", end, True))
        if not (_is_day(value) or (optional and value is None))
    ]
    if bad:
        problems.append(f"{where}: {entry['role']}: not a date (YYYY-MM-DD): {', '.join(bad)}")
        return None
    return Term(
        role=str(entry["role"]), country=str(entry.get("country", country)), start=start, end=end
    )


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not hasattr(value, "hour")


def _unknown_keys(where: str, entry: dict, known: set[str]) -> list[str]:
    unknown = sorted(str(k) for k in entry.keys() - known)
    return [f"{where}: unknown field(s) {', '.join(unknown)}"] if unknown else []


def find_problems(officials: Iterable[Official]) -> list[str]:
    """Every broken rule: ids, countries, roles, scripts, dates and overlapping office holders."""
    officials = list(officials)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for official in officials:
        where = f"{official.source}: {official.id}"
        if not ID_PATTERN.fullmatch(official.id):
            problems.append(f"{where}: id must be lower-case words joined by hyphens")
        if official.id in seen:
            problems.append(f"{where}: id also used in {seen[official.id]}")
        seen.setdefault(official.id, official.source)
        problems += _name_problems(where, official)
        if not official.terms:
            problems.append(f"{where}: no terms of office")
        for term in official.terms:
            problems += _term_problems(where, official.country, term)
    problems += _overlaps(officials)
    return problems


def _name_problems(where: str, official: Official) -> list[str]:
    problems = []
    if not official.names.get("en"):
        problems.append(f"{where}: no English name")
    scripts = set()
    for lang, names in official.names.items():
        script = LANGUAGE_SCRIPTS.get(lang)
        if script is None:
            problems.append(f"{where}: unknown language code {lang!r}")
            continue
        scripts.add(script)
        problems += [
            f"{where}: {lang} name {name!r} is not in the {script} script"
            for name in names
            if not _written_in(name, script)
        ]
    if scripts <= {"Latn"}:
        problems.append(f"{where}: needs a name in a script other than Latin (ar, hi, fa, ...)")
    return problems


def _written_in(name: str, script: str) -> bool:
    prefix = SCRIPT_LETTERS[script]
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(prefix) for c in letters)


def _term_problems(where: str, country: str, term: Term) -> list[str]:
    problems = []
    if term.role not in ROLES:
        problems.append(f"{where}: unknown role {term.role!r} (known: {', '.join(sorted(ROLES))})")
    for code in {country, term.country}:
        if pycountry.countries.get(alpha_3=code) is None:
            problems.append(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")
    if term.end is not None and term.end < term.start:
        problems.append(f"{where}: {term.role} term ends ({term.end}) before it starts")
    return problems


def _overlaps(officials: list[Official]) -> list[str]:
    """Holders of a single-holder office whose terms overlap by more than a handover day."""
    offices: dict[tuple[str, str], list[tuple[Term, Official]]] = defaultdict(list)
    for official in officials:
        for term in official.terms:
            if term.role not in SHARED_ROLES:
                offices[(term.country, term.role)].append((term, official))
    problems = []
    for (country, role), held in sorted(offices.items()):
        held.sort(key=lambda pair: (pair[0].start, pair[0].end or date.max))
        latest_end: tuple[date, Official] | None = None
        for term, official in held:
            if latest_end is not None and latest_end[0] - term.start > HANDOVER:
                before = latest_end[1]
                until = "in office" if latest_end[0] == date.max else f"until {latest_end[0]}"
                problems.append(
                    f"{official.source}: {country} {role}: {official.id} from {term.start} "
                    f"overlaps {before.id} ({until})"
                )
            end = term.end or date.max
            if latest_end is None or end > latest_end[0]:
                latest_end = (end, official)
    return problems
