"""The words the pipeline knows for a language, normalised: language knowledge plus world data.

Built once per language from ``lang/<code>/*.yaml`` and ``world/``; every phrase is keyed by
its normalised form (``normalize_phrase``), the form matching runs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from typing import Any

from visitkb.errors import LanguageDataError
from visitkb.lang import LANG_DIR, load_knowledge
from visitkb.mentions.forms import light_form, normalize_phrase, strict_form
from visitkb.world.countries import country_adjectives, country_names, state_words
from visitkb.world.places import Place, all_places

# Place names this short collide with common words in Arabic script (وان, من, اب...), unless
# the place is a big city (دبي).
MIN_PLACE_LETTERS = 4
BIG_CITY = 1_000_000


@dataclass(frozen=True)
class Title:
    """A title and what it says: the English role, a country if the title fixes one."""

    role: str
    country: str | None = None
    weak: bool = False  # a courtesy role (cleric) that a stronger title in the chain overrides
    takes_object: bool = False  # an organisation's name follows ("رئيس تيار الحكمة")


@dataclass(frozen=True)
class Grammar:
    """How a language marks what the readers need: features, and function words by role.

    Read from ``lang/<code>/grammar.yaml`` (every field is a key there; ``genitives`` comes
    from ``nationality.yaml``). Word groups are normalised like text; letter groups (clitics,
    prefixes, suffixes, punctuation) are kept as written.
    """

    lang: str
    # features
    script: str
    postpositions: bool
    verb_before_subject: bool
    verb_final: bool
    title_words_in_names: bool
    place_words_in_names: bool
    meeting_guest_needs_country: bool
    letter_variants: dict[str, str]
    letters: tuple[str, ...]  # first and last letter of the script's Unicode block
    # letters and affixes, as written
    conjunction_clitics: frozenset[str]
    towards_clitics: frozenset[str]
    in_clitics: frozenset[str]
    article_eliding_clitics: frozenset[str]
    surname_clitics: frozenset[str]
    preposition_articles: tuple[str, ...]
    possessive_suffixes: tuple[str, ...]
    future_prefixes: tuple[str, ...]
    receiver_stems: tuple[str, ...]
    commas: frozenset[str]
    sentence_ends: frozenset[str]
    homograph_marks: tuple[str, ...]
    # function words by role, normalised
    to: frozenset[str]
    towards: frozenset[str]
    place_heads: frozenset[str]
    at: frozenset[str]
    in_preposition: frozenset[str]
    origin: frozenset[str]
    object_marks: frozenset[str]
    agent_marks: frozenset[str]
    partner_marks: frozenset[str]
    dative_marks: frozenset[str]
    case_marks: frozenset[str]
    genitive_compounds: frozenset[str]
    arrival_stems: tuple[str, ...]
    list_joiners: frozenset[str]
    clause_openers: frozenset[str]
    before_words: frozenset[str]
    nth_day_words: frozenset[str]
    son_of: frozenset[str]
    name_prefixes_joined: tuple[str, ...]
    tour_stems: tuple[str, ...]
    range_joiners: frozenset[str]
    year_introducers: frozenset[str]
    month_introducers: frozenset[str]
    date_postpositions: frozenset[str]
    of_words: frozenset[str]
    next_day_words: frozenset[str]
    genitives: frozenset[str]  # from nationality.yaml

    @cached_property
    def direction_words(self) -> frozenset[str]:
        """Words before a destination: ``to`` and ``towards``."""
        return self.to | self.towards

    @cached_property
    def located_words(self) -> frozenset[str]:
        """Words next to a place where something happens: ``at`` and ``place_heads``."""
        return self.at | self.place_heads

    @cached_property
    def place_clitics(self) -> frozenset[str]:
        """Letters written on a place where something happens: ``in`` and ``towards`` clitics."""
        return self.in_clitics | self.towards_clitics

    @cached_property
    def honoured_marks(self) -> frozenset[str]:
        """Postpositions after the one received or honoured: genitives and dative."""
        return self.genitives | self.dative_marks


# Groups kept as written: compared with the text's letters, not its matching form.
_WRITTEN_GROUPS = frozenset(
    {
        "conjunction_clitics",
        "towards_clitics",
        "in_clitics",
        "article_eliding_clitics",
        "surname_clitics",
        "preposition_articles",
        "possessive_suffixes",
        "receiver_stems",
        "commas",
        "sentence_ends",
        "homograph_marks",
        "letters",
    }
)


def grammar_keys() -> tuple[str, ...]:
    """The keys every ``grammar.yaml`` declares."""
    return tuple(f.name for f in fields(Grammar) if f.name not in {"lang", "genitives"})


def check_grammar(lang: str, data: dict[str, Any]) -> None:
    """Raise ``LanguageDataError`` naming the file and every key it lacks, mistypes or does not
    know."""
    path = LANG_DIR / lang / "grammar.yaml"
    missing = [k for k in grammar_keys() if k not in data]
    if missing:
        raise LanguageDataError(f"{path}: missing {', '.join(missing)}")
    unknown = [str(k) for k in data if k not in grammar_keys()]
    if unknown:  # a misspelt group would silently be empty
        raise LanguageDataError(f"{path}: unknown {', '.join(unknown)}")
    kinds = {f.name: f.type for f in fields(Grammar)}
    wrong = [
        k
        for k in grammar_keys()
        if (kinds[k] == "bool" and not isinstance(data[k], bool))
        or (kinds[k] == "str" and not isinstance(data[k], str))
        or (kinds[k] == "dict[str, str]" and not isinstance(data[k], dict))
        or (kinds[k].startswith(("frozenset", "tuple")) and not isinstance(data[k], list))
    ]
    if len(data["letters"]) != 2 and "letters" not in wrong:
        wrong.append("letters")
    if wrong:
        raise LanguageDataError(f"{path}: wrong type of {', '.join(wrong)}")


@cache
def grammar(lang: str) -> Grammar:
    """The grammar features and function words of ``lang``, checked."""
    data = load_knowledge(lang, "grammar")
    check_grammar(lang, data)
    values: dict[str, Any] = {"lang": lang}
    for f in fields(Grammar):
        if f.name in {"lang", "genitives"}:
            continue
        value = data[f.name]
        if f.type in {"bool", "str"}:
            values[f.name] = value
        elif f.type == "dict[str, str]":
            values[f.name] = {str(k): str(v) for k, v in value.items()}
        else:
            forms = [str(v) for v in value] if f.name in _WRITTEN_GROUPS else _norms(lang, value)
            values[f.name] = tuple(forms) if f.type.startswith("tuple") else frozenset(forms)
    nationality = load_knowledge(lang, "nationality")
    values["genitives"] = frozenset(_norms(lang, nationality.get("genitives")))
    return Grammar(**values)


@dataclass
class Lexicon:
    """Normalised phrase tables of one language."""

    lang: str
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (code, kind)
    places: dict[str, Place] = field(default_factory=dict)
    # Places written like a country once diacritics are gone (عمّان / عمان): told apart by shadda.
    homographs: dict[str, Place] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)
    courtesies: set[str] = field(default_factory=set)
    modifiers: dict[str, str] = field(default_factory=dict)  # -> former / acting / ...
    guest_words: set[str] = field(default_factory=set)
    counterpart_words: set[str] = field(default_factory=set)
    name_joiners: set[str] = field(default_factory=set)
    max_name_words: int = 6
    terms: dict[str, str] = field(default_factory=dict)  # -> visit_terms category
    months: dict[str, tuple[int, bool]] = field(default_factory=dict)  # -> (month, hijri)
    hijri_markers: set[str] = field(default_factory=set)
    gregorian_markers: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    ambiguous_days: set[str] = field(default_factory=set)
    times_of_day: set[str] = field(default_factory=set)
    date_modifiers: dict[str, str] = field(default_factory=dict)  # -> past / next / current
    month_words: set[str] = field(default_factory=set)
    year_words: set[str] = field(default_factory=set)
    week_words: set[str] = field(default_factory=set)
    day_words: set[str] = field(default_factory=set)
    cardinals: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    last_words: set[str] = field(default_factory=set)
    several: set[str] = field(default_factory=set)
    number_conjunction: str = ""
    duration_units: dict[str, int] = field(default_factory=dict)
    duration_duals: dict[str, int] = field(default_factory=dict)
    duration_introducers: set[str] = field(default_factory=set)
    attributive_units: set[str] = field(default_factory=set)
    duration_before_visit_noun: bool = False
    agreement_kinds: dict[str, str] = field(default_factory=dict)
    signing: set[str] = field(default_factory=set)
    anaphoric: set[str] = field(default_factory=set)
    existing_markers: set[str] = field(default_factory=set)
    agreement_plurals: set[str] = field(default_factory=set)
    agreement_joiners: set[str] = field(default_factory=set)
    stop_words: set[str] = field(default_factory=set)
    soft_stop_words: set[str] = field(default_factory=set)
    plural_quantifiers: set[str] = field(default_factory=set)
    light_stop_words: set[str] = field(default_factory=set)
    place_nouns: set[str] = field(default_factory=set)
    not_places: set[str] = field(default_factory=set)
    building_suffixes: set[str] = field(default_factory=set)
    state_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    genitives: set[str] = field(default_factory=set)
    known_words: frozenset[str] = frozenset()
    strict_known: frozenset[str] = frozenset()  # the same words in strict form (ة kept)
    strict_listed: frozenset[str] = frozenset()  # strict words of the matching tables


def _norms(lang: str, phrases: Any) -> list[str]:
    return [normalize_phrase(str(p), lang) for p in phrases or []]


def _add_countries(lex: Lexicon, lang: str) -> None:
    nationality = load_knowledge(lang, "nationality")
    generic = set(_norms(lang, nationality.get("generic_state_words")))
    claims: dict[str, set[str]] = {}
    for code, names in country_names(lang).items():
        for name in _norms(lang, names):
            if name not in generic:
                claims.setdefault(name, set()).add(code)
    prefixes = nationality.get("prefixes") or [""]
    suffixes = nationality.get("suffixes") or [""]
    adjectives: dict[str, set[str]] = {}
    for code, bases in country_adjectives(lang).items():
        for base in _norms(lang, bases):
            for prefix in _norms(lang, prefixes) or [""]:
                for suffix in _norms(lang, suffixes) or [""]:
                    words = base.split()
                    # Inflect every word of a compound adjective ("كوري جنوبي").
                    form = " ".join(prefix + w + suffix for w in words)
                    adjectives.setdefault(form, set()).add(code)
    # A name two countries share ("كوريا") says neither.
    for name, codes in claims.items():
        if len(codes) == 1:
            lex.countries[name] = (next(iter(codes)), "name")
    for form, codes in adjectives.items():
        if len(codes) == 1 and form not in lex.countries:
            lex.countries[form] = (next(iter(codes)), "adjective")


def _add_places(lex: Lexicon, lang: str) -> None:
    for place in all_places():  # most populous first: a shared name means the biggest city
        for name in _norms(lang, place.names.get(lang, ())):
            if len(name.replace(" ", "")) < MIN_PLACE_LETTERS and place.population < BIG_CITY:
                continue
            if name in lex.countries:
                lex.homographs.setdefault(name, place)
                continue
            if name in lex.stop_words or name in lex.not_places:
                continue
            if name in lex.titles or name in lex.honorifics or name in lex.terms:
                continue
            lex.places.setdefault(name, place)


@cache
def lexicon(lang: str) -> Lexicon:
    """The normalised tables of ``lang``."""
    lex = Lexicon(lang=lang)
    words = load_knowledge(lang, "function_words")
    stops = [*(words.get("stop_words") or []), *(words.get("news_words") or [])]
    lex.stop_words = set(_norms(lang, stops))
    lex.light_stop_words = {light_form(str(w), lang) for w in stops}
    lex.place_nouns = set(_norms(lang, words.get("place_nouns")))
    lex.soft_stop_words = set(_norms(lang, words.get("soft_stop_words")))
    lex.plural_quantifiers = set(_norms(lang, words.get("plural_quantifiers")))
    lex.not_places = set(_norms(lang, words.get("not_places")))
    lex.building_suffixes = set(_norms(lang, words.get("building_suffixes")))
    lex.state_words = {normalize_phrase(w, lang): codes for w, codes in state_words(lang).items()}

    titles = load_knowledge(lang, "titles")
    for entry in titles["titles"]:
        title = Title(
            entry["role"],
            entry.get("country"),
            bool(entry.get("weak")),
            bool(entry.get("takes_object")),
        )
        for form in _norms(lang, entry["forms"]):
            lex.titles.setdefault(form, title)
    lex.honorifics = set(_norms(lang, titles.get("honorifics")))
    lex.courtesies = set(_norms(lang, titles.get("courtesies")))
    for modifier, forms in (titles.get("modifiers") or {}).items():
        for form in _norms(lang, forms):
            lex.modifiers[form] = modifier
    lex.guest_words = set(_norms(lang, titles.get("guest_words")))
    lex.counterpart_words = set(_norms(lang, titles.get("counterpart_words")))
    lex.name_joiners = set(_norms(lang, titles.get("name_joiners")))
    lex.max_name_words = int(titles.get("max_name_words", 6))

    for category, forms in load_knowledge(lang, "visit_terms").items():
        for form in _norms(lang, forms):
            lex.terms.setdefault(form, category)

    months = load_knowledge(lang, "months")
    for calendar in ("gregorian", "hijri"):
        for number, forms in (months.get(calendar) or {}).items():
            for form in _norms(lang, forms):
                lex.months.setdefault(form, (int(number), calendar == "hijri"))
    lex.hijri_markers = set(_norms(lang, months.get("hijri_year_markers")))
    lex.gregorian_markers = set(_norms(lang, months.get("gregorian_year_markers")))
    for number, forms in load_knowledge(lang, "weekdays")["weekdays"].items():
        for form in _norms(lang, forms):
            lex.weekdays[form] = int(number)

    relative = load_knowledge(lang, "relative_days")
    for offset, forms in (relative.get("days") or {}).items():
        for form in _norms(lang, forms):
            lex.relative_days[form] = int(offset)
    lex.ambiguous_days = set(_norms(lang, relative.get("ambiguous_yesterday_tomorrow")))
    lex.times_of_day = set(_norms(lang, relative.get("times_of_day")))
    for modifier in ("past", "next", "current"):
        for form in _norms(lang, relative.get(modifier)):
            lex.date_modifiers[form] = modifier
    lex.month_words = set(_norms(lang, relative.get("month_words")))
    lex.year_words = set(_norms(lang, relative.get("year_words")))
    lex.week_words = set(_norms(lang, relative.get("week_words")))
    lex.day_words = set(_norms(lang, relative.get("day_words")))

    numbers = load_knowledge(lang, "numbers")
    for value, forms in numbers["cardinals"].items():
        for form in _norms(lang, forms):
            lex.cardinals.setdefault(form, int(value))
    for value, forms in (numbers.get("ordinals") or {}).items():
        for form in _norms(lang, forms):
            lex.ordinals.setdefault(form, int(value))
    lex.last_words = set(_norms(lang, numbers.get("last")))
    lex.several = set(_norms(lang, numbers.get("several")))
    lex.number_conjunction = normalize_phrase(numbers.get("conjunction") or "", lang)

    durations = load_knowledge(lang, "durations")
    for days, forms in (durations.get("units") or {}).items():
        for form in _norms(lang, forms):
            lex.duration_units[form] = int(days)
    for days, forms in (durations.get("duals") or {}).items():
        for form in _norms(lang, forms):
            lex.duration_duals[form] = int(days)
    lex.duration_introducers = set(_norms(lang, durations.get("introducers")))
    lex.attributive_units = set(_norms(lang, durations.get("attributive")))
    lex.duration_before_visit_noun = bool(durations.get("before_visit_noun"))

    agreements = load_knowledge(lang, "agreements")
    for kind, forms in agreements["kinds"].items():
        for form in _norms(lang, forms):
            lex.agreement_kinds.setdefault(form, kind)
    lex.signing = set(_norms(lang, agreements.get("signing")))
    # Signing verbs end names too ("ووقّع الجانبان").
    lex.stop_words |= {w for w in lex.signing if " " not in w}
    lex.light_stop_words |= {w for w in lex.signing if " " not in w}
    lex.anaphoric = set(_norms(lang, agreements.get("anaphoric")))
    lex.existing_markers = set(_norms(lang, agreements.get("existing_markers")))
    lex.agreement_plurals = set(_norms(lang, agreements.get("plural")))
    lex.agreement_joiners = set(_norms(lang, agreements.get("joiners")))

    lex.genitives = set(_norms(lang, load_knowledge(lang, "nationality").get("genitives")))
    _add_countries(lex, lang)
    _add_places(lex, lang)

    phrases = [
        *lex.countries,
        *lex.places,
        *lex.titles,
        *lex.honorifics,
        *lex.courtesies,
        *lex.modifiers,
        *lex.terms,
        *lex.months,
        *lex.weekdays,
        *lex.relative_days,
        *lex.cardinals,
        *lex.ordinals,
        *lex.duration_units,
        *lex.duration_duals,
        *lex.agreement_kinds,
        *lex.signing,
        *lex.stop_words,
        *lex.place_nouns,
        *lex.state_words,
        *lex.guest_words,
        *lex.counterpart_words,
        *lex.times_of_day,
        *lex.date_modifiers,
    ]
    lex.known_words = frozenset(w for p in phrases for w in p.split())
    lex.strict_known = frozenset(_strict_words(lang))
    lex.strict_listed = frozenset(_strict_words(lang, with_function_words=False))
    return lex


def _strict_words(lang: str, *, with_function_words: bool = True) -> set[str]:
    """Every word of the language's tables and the world data in strict form (ة kept)."""
    words: set[str] = set()

    def add(phrases: Any) -> None:
        for phrase in phrases or []:
            words.update(strict_form(w, lang) for w in str(phrase).split())

    for name in ("titles", "visit_terms", "months", "weekdays", "relative_days", "numbers"):
        _walk(load_knowledge(lang, name), add)
    for name in ("durations", "agreements", "nationality"):
        _walk(load_knowledge(lang, name), add)
    if with_function_words:
        _walk(load_knowledge(lang, "function_words"), add)
    for names in country_names(lang).values():
        add(names)
    for bases in country_adjectives(lang).values():
        prefixes = load_knowledge(lang, "nationality").get("prefixes") or [""]
        suffixes = load_knowledge(lang, "nationality").get("suffixes") or [""]
        add(f"{p}{b}{s}" for b in bases for p in prefixes for s in suffixes)
    for place in all_places():
        add(place.names.get(lang, ()))
    add(state_words(lang))
    return words


def _walk(node: Any, add: Any) -> None:
    """Feed every list of strings inside a parsed YAML tree to ``add``."""
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, add)
    elif isinstance(node, list):
        if all(isinstance(v, str | int) for v in node):
            add(node)
        else:
            for value in node:
                _walk(value, add)
