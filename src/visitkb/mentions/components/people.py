"""The ``visitkb_people`` component: persons named in the text, with their role and country.

No NER model works offline for Arabic or Hindi, so names are found from what surrounds them:

1. A *title chain*: titles, honorifics, nationality adjectives and countries written together
   ("رئيس الوزراء العراقي", "صاحب السمو الشيخ", "मिस्र के राष्ट्रपति"). The words after a chain,
   up to the first word that cannot be part of a name (a stop word, punctuation, a title, a
   country, a date, a visit word), are a name; the chain gives its role and country.
2. Apposition: a chain written right after a name with no name of its own describes that name
   ("قاسم جومارت توكاييف، رئيس جمهورية كازاخستان").
3. A chain with no name is a *role-only* mention ("الرئيس الإيراني"), linked to the person of
   the same role named in the document.
4. Repeats: a surname written alone, a name without its article ("الصدر" / "صدر"), or a
   name written with a different spacing ("عبدالرحمن" / "عبد الرحمن") is a mention of the person
   named in full; all mentions of one person share a ``person`` number.

Titles after a place noun ("مرقد الامام علي", "ख़्वाजा ... की दरगाह") name a place, not a person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.lang import supported_languages
from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import locator, read_spans, write_spans
from visitkb.mentions.components.words import (
    MAX_TESTED_WORDS,
    Word,
    norms_of,
    starts_of,
    words_of,
)
from visitkb.mentions.forms import CliticRules, light_form, normalize_word
from visitkb.mentions.lexicon import Lexicon, Title, grammar, lexicon
from visitkb.mentions.model import PersonMention

# The language's function words and features come from ``lang/<code>/grammar.yaml``
# (case_marks, name_prefixes_joined, preposition_articles, to, in_preposition, commas, ...).
# Heads of state often named by role alone ("الملك", "الرئيس").
HEAD_ROLES = frozenset({"king", "president", "emir", "sultan", "queen", "prince"})
Words = list[Word]
COUNTRY_KINDS = frozenset({"country", "adjective"})
# The kinds of token a person's mention (or a place noun's skip) can start at, in ``find``.
START_KINDS = frozenset(
    {"place_noun", "title", "honorific", "counterpart", "guest", "modifier", *COUNTRY_KINDS}
)
# An initial in a Hindi name ("के. नटवर सिंह") is a word this short followed by a period.
MAX_INITIAL_LETTERS = 2
# An organisation named after a title that takes one ("رئيس تيار الحكمة الوطني").
MAX_OBJECT_WORDS = 4
# Role-only mentions and unnamed titles link to a person named this many sentences around.
ROLE_LINK_SENTENCES = 2
# Ordinals that belong to a regnal name ("الحسن الثاني").
REGNAL_ROLES = frozenset({"king", "queen", "emir", "sultan", "pope"})
# A word longer than this that starts with the article is compared without it ("الحكيم" =
# "حكيم").
ARTICLE_WORD_LETTERS = 4
# "وغيرهم" starts a new item; "وو" or a two-letter word does not.
MIN_ITEM_LETTERS = 3
# A name written before a title with no title of its own needs this many words.
MIN_UNTITLED_NAME_WORDS = 2
# Travel words after (Hindi) or before (Arabic) an untitled traveller's name.
TRAVEL_CATEGORIES = frozenset({"visit", "arrival", "departure"})
# Quotation marks around a nickname written after a name ("राम प्रसाद 'बिस्मिल'").
QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "«", "»"})


class Classes(NamedTuple):
    """What ``_classify`` found: per token, what it is part of; per phrase start, (kind, end,
    phrase); and the tokens of place nouns and of visit terms, in order."""

    kinds: list[str | None]
    starts: dict[int, tuple[str, int, str]]
    place_nouns: list[int]
    terms: list[int]


@cache
def _name_scripts() -> tuple[tuple[str, ...], ...]:
    """The letter blocks names are written in: every known language's (``grammar.yaml`` letters)."""
    return tuple(grammar(lang).letters for lang in sorted(supported_languages()))


@lru_cache(maxsize=100_000)
def _is_name_word(text: str) -> bool:
    """Letters (and vowel signs) of the known scripts only, at least one letter."""
    scripts = _name_scripts()
    return (
        any(ch.isalpha() for ch in text)
        and all(any(lo <= ch <= hi for lo, hi in scripts) for ch in text)
        and not any(unicodedata.category(ch)[0] in "PS" for ch in text)
    )


@dataclass(slots=True)
class Chain:
    """A title chain over tokens ``start``..``end`` and what it says."""

    start: int
    end: int
    roles: list[Title] = field(default_factory=list)
    country: str | None = None
    modifiers: list[str] = field(default_factory=list)
    honorific_only: bool = True
    counterpart: bool = False
    guest: bool = False

    def role(self) -> str | None:
        strong = [t.role for t in self.roles if not t.weak]
        names = strong or [t.role for t in self.roles]
        if not names:
            return None
        role = " and ".join(dict.fromkeys(names))
        for modifier in self.modifiers:
            role = f"{modifier} {role}"
        return role

    def title_country(self) -> str | None:
        return self.country or next((t.country for t in self.roles if t.country), None)


@dataclass(slots=True)
class Found:
    """A person mention found: name tokens (or the chain alone for role-only)."""

    start: int
    end: int
    chain: Chain | None = None
    role_only: bool = False
    person: int = -1
    units: tuple[str, ...] = ()


class PeopleFinder(BatchComponent):
    """Writes ``doc.spans['people']``."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.lang = nlp.lang
        self.grammar = grammar(nlp.lang)
        self.article = CliticRules.of(nlp.lang).article  # "" where the language has none
        self.commas = self.grammar.commas | {","}
        # ``_stop`` per (text, norm): word forms repeat across documents.
        self.stops: dict[tuple[str, str], bool] = {}
        # The kind of each phrase; where a phrase is in two tables, the first listed wins.
        self.kind_of: dict[str, str] = {}
        for kind, phrases in (
            ("title", lex.titles),
            ("honorific", lex.honorifics),
            ("modifier", lex.modifiers),
            ("guest", lex.guest_words),
            ("counterpart", lex.counterpart_words),
            ("courtesy", lex.courtesies),
            ("place_noun", lex.place_nouns),
        ):
            for phrase in phrases:
                self.kind_of.setdefault(phrase, kind)
        self.matcher = phrase_matcher(nlp, self.kind_of)

    # -- token classes ----------------------------------------------------------------------
    def _classify(self, doc: Doc) -> Classes:
        """What each token is part of, and where phrases start (see ``Classes``)."""
        kinds: list[str | None] = [None] * len(doc)
        starts: dict[int, tuple[str, int, str]] = {}
        place_nouns: list[int] = []

        def mark(kind: str, start: int, end: int, phrase: str = "") -> None:
            kinds[start:end] = [kind] * (end - start)
            starts[start] = (kind, end, phrase)
            if kind == "place_noun":
                place_nouns.extend(range(start, end))

        # Found spans in this order (a later one takes the tokens of an earlier one), each
        # labelled by its country code, its term category, or its group.
        for group, kind in (("dates", "date"), ("numbers", "number"), ("durations", "number")):
            for m in read_spans(doc, group):
                start, end = m.token, m.token_end
                kinds[start:end] = [kind] * (end - start)
                starts[start] = (kind, end, group)
        term_mentions = read_spans(doc, "terms")
        for t in term_mentions:
            start, end = t.token, t.token_end
            kinds[start:end] = ["term"] * (end - start)
            starts[start] = ("term", end, t.category)
        for place in read_spans(doc, "places"):
            start, end = place.token, place.token_end
            kind = "capital" if place.capital else "place"
            kinds[start:end] = [kind] * (end - start)
            starts[start] = (kind, end, "places")
        for country in read_spans(doc, "countries"):
            start, end = country.token, country.token_end
            kind = "adjective" if country.kind == "adjective" else "country"
            kinds[start:end] = [kind] * (end - start)
            starts[start] = (kind, end, country.code)
        kind_of = self.kind_of
        for phrase, start, end in longest_matches(self.matcher, doc):
            kind = kind_of[phrase]
            # "أحمد أمير حسن": a bare title word inside a name is part of the name.
            if (
                self.grammar.title_words_in_names
                and kind == "title"
                and " " not in phrase
                and not (self.article and phrase.startswith(self.article))
                and start > 0
                and kinds[start - 1] is None
                and _is_name_word(doc[start - 1].text)
                and not self._stop(doc[start - 1])
                and start + 1 < len(doc)
                and _is_name_word(doc[start + 1].text)
                and kinds[start + 1] is None
                and not (self.article and doc[start + 1].norm_.startswith(self.article))
            ):
                continue
            # A title inside a country's name ("دولة الإمارات") stays the country's.
            if kind != "title" and not COUNTRY_KINDS.isdisjoint(kinds[start:end]):
                continue
            # "رئيس الجمهورية الفرنسية": the title takes its words, the country keeps the rest.
            tail = None
            if end - start > 1:
                tail = next((k for k in range(start + 1, end) if k in starts), None)
            overlapped = starts.get(tail) if tail is not None else None
            mark(kind, start, end, phrase)
            if overlapped and overlapped[0] in COUNTRY_KINDS and overlapped[1] > end:
                starts.pop(tail, None)
                starts[end] = overlapped
        # A term's tokens stay terms unless a later phrase took them.
        terms = sorted(
            {k for t in term_mentions for k in range(t.token, t.token_end) if kinds[k] == "term"}
        )
        return Classes(kinds, starts, place_nouns, terms)

    # -- chains -------------------------------------------------------------------------------
    def _chain(
        self, doc: Words, kinds: list[str | None], starts: dict, i: int, *, split: bool = False
    ) -> Chain | None:
        """The title chain starting at token ``i``, if one does.

        With ``split``, a title with the conjunction و on it ends the chain: after a name,
        "رئيس ائتلاف ... ورئيس الحشد" describes that name first, then starts the next person.
        """
        n = len(doc)
        if i >= n or kinds[i] is None or doc[i].is_space:
            return None  # the loop below would stop at once (most calls after a place noun)
        lex = self.lex
        norms = doc
        chain = Chain(start=i, end=i)
        j = i
        while j < n:
            kind, end, phrase = starts.get(j, (None, j + 1, ""))
            if kinds[j] is None or doc[j].is_space:
                # Hindi: "मिस्र के राष्ट्रपति" (country, genitive, title) is handled below.
                break
            if split and j > i and kind == "title" and self._clitic_starts_item(doc[j]):
                break
            if kind == "title":
                title = lex.titles[phrase]
                if self._second_person(doc, chain, j):
                    break
                chain.roles.append(title)
                chain.honorific_only = False
                j = end
                if title.takes_object:
                    j = self._skip_object(doc, kinds, j)
                chain.end = j
                continue
            if kind in {"honorific", "courtesy"}:
                j = chain.end = end
                continue
            if kind == "modifier" and (
                chain.roles or starts.get(end, ("",))[0] == "title"  # "पूर्व राष्ट्रपति"
            ):
                chain.modifiers.append(lex.modifiers[phrase])
                j = chain.end = end
                continue
            if kind == "counterpart":
                chain.counterpart = True
                chain.honorific_only = False
                j = chain.end = end
                continue
            if kind == "guest":
                chain.guest = True
                chain.honorific_only = False
                j = chain.end = end
                continue  # "الضيف الصيني": a guest word names no one, the title stays alone
            before_title = starts.get(end, ("",))[0] in {"title", "honorific"}
            if kind == "country" and chain.country and end < n and kinds[end] is None:
                break  # "رئيسة الوزراء الإيطالية جورجيا ميلوني": a name that is a country's
            if kind in COUNTRY_KINDS and (
                chain.roles
                or chain.counterpart
                or chain.guest
                or self._genitive_title(doc, kinds, starts, end)
                or (kind == "adjective" and before_title)  # "जापानी प्रधानमंत्री"
            ):
                code = phrase
                chain.country = chain.country or code
                j = chain.end = end
                if j < n and norms[j].norm_ in lex.genitives:
                    j = chain.end = j + 1
                continue
            if (
                kind in {"place", "capital"}
                and chain.roles
                and not self._name_word_at(doc, kinds, end)
            ):
                j = chain.end = end  # "ولي عهد أبوظبي", "حاكم دبي"
                continue
            break
        # Arabic: "رئيس البرلمان في ماليزيا".
        if (
            chain.roles
            and chain.end + 1 < n
            and doc[chain.end].norm_ in self.grammar.in_preposition
            and kinds[chain.end + 1] in COUNTRY_KINDS
        ):
            kind, end, code = starts[chain.end + 1]
            chain.country = chain.country or code
            chain.end = end
            more = self._chain(doc, kinds, starts, chain.end)
            if more is not None:
                chain.roles += more.roles
                chain.modifiers += more.modifiers
                chain.end = more.end
        if chain.end == i:
            return None
        return chain

    def _second_person(self, doc: Words, chain: Chain, j: int) -> bool:
        """ "استقبل الملك رئيس الوزراء يوسف": a one-word definite title (a head of state
        named by role) right before another title is a person of its own."""
        if len(chain.roles) != 1 or chain.modifiers or chain.country or j - chain.start != 1:
            return False
        first = doc[chain.start].norm_
        definite = bool(self.article) and first.startswith(self.article)
        return definite and chain.roles[0].role in HEAD_ROLES

    def _genitive_title(self, doc: Words, kinds: list, starts: dict, j: int) -> bool:
        """Hindi: a genitive then a title follows ("ईरान के राष्ट्रपति")."""
        if j + 1 >= len(doc) or doc[j].norm_ not in self.lex.genitives:
            return False
        return starts.get(j + 1, ("",))[0] in {"title", "honorific"}

    def _skip_object(self, doc: Words, kinds: list[str | None], j: int) -> int:
        """Past the organisation a title takes ("تيار الحكمة الوطني", "ائتلاف دولة القانون")."""
        lex = self.lex
        k = j
        while k < len(doc) and k - j < MAX_OBJECT_WORDS:
            token = doc[k]
            if kinds[k] == "title" or (kinds[k] == "honorific" and k > j):
                break
            if token.norm_ in lex.stop_words:
                break
            clitic = token.norm_ != normalize_word(token.text, self.lang)
            if token.is_punct or token.is_space or (clitic and k > j):
                break  # "ورئيس": a clitic و starts the next item
            k += 1
        return k

    # -- names --------------------------------------------------------------------------------
    def _name_end(self, doc: Words, kinds: list[str | None], i: int, chain: Chain | None) -> int:
        """End of the name starting at ``i`` (``i`` itself if no name starts there)."""
        lex = self.lex
        n = len(doc)
        j = i
        words = 0
        place_words = self.grammar.place_words_in_names
        while j < n and words < lex.max_name_words:
            token = doc[j]
            norm = token.norm_
            if (
                kinds[j] == "number"
                and words
                and norm in lex.ordinals
                and chain is not None
                and any(t.role in REGNAL_ROLES for t in chain.roles)
            ):
                j += 1  # "الحسن الثاني"
                break
            if words == 0 and chain is not None and self._soft_first(doc, kinds, j, chain):
                j += 1  # "الشيخ صباح الأحمد", "رئيسة الوزراء الإيطالية جورجيا ميلوني"
                words += 1
                continue
            after_joiner = words and doc[j - 1].norm_ in lex.name_joiners
            # A town's name can be a person's name too ("فلاديمير", "طرابلس").
            town = (
                place_words
                and kinds[j] == "place"
                and j + 1 < n
                and self._name_word_at(doc, kinds, j + 1)
            )
            if (
                kinds[j] is not None
                and not town
                and not (after_joiner and _is_name_word(token.text))
            ):
                # "عبد الله البغدادي", "أحمد الليبي": a surname that is also an
                # adjective or a town ends a name of two words or more.
                if (
                    words >= 1
                    and kinds[j] in {"adjective", "place"}
                    and self._last_word(doc, kinds, j)
                ):
                    j += 1
                break  # "آل ثاني": after a joiner even a number word is part of the name
            if j + 2 < n and doc[j + 1].text == "." and self._initial(doc, j):
                j += 2  # "के. आर. नारायणन": initials, even one that is also a word
                continue
            if self._stop(token):
                break
            if token.is_space or not _is_name_word(token.text):
                # "अल-थानी": a hyphen inside a name; "के. नटवर": an initial.
                if (
                    token.text in {"-", "‐"}
                    and words
                    and not doc[j - 1].whitespace_
                    and not token.whitespace_
                    and j + 1 < n
                    and _is_name_word(doc[j + 1].text)
                ):
                    j += 1
                    continue
                if (
                    token.text == "."
                    and words
                    and len(doc[j - 1].text) <= MAX_INITIAL_LETTERS
                    and j + 1 < n
                    and _is_name_word(doc[j + 1].text)
                ):
                    j += 1
                    continue
                break
            if words and self._clitic_starts_item(token):
                break  # "وعادل": a new item of a list
            if token.text.startswith(self.grammar.preposition_articles):
                break  # "بالعاصمة", "للقاء": a preposition on the article is no name
            j += 1
            if norm not in lex.name_joiners:
                words += 1
        # A name never ends on a joiner ("بن", "अल").
        while j > i and doc[j - 1].norm_ in lex.name_joiners:
            j -= 1
        while j > i and not _is_name_word(doc[j - 1].text):
            j -= 1
        return j

    def _soft_first(self, doc: Words, kinds: list[str | None], j: int, chain: Chain) -> bool:
        """A word that is also a time word or a country, right after a title, followed by a
        name: the first word of that name."""
        norm = doc[j].norm_
        soft = norm in self.lex.times_of_day or norm in self.lex.soft_stop_words
        if not soft and kinds[j] != "country":
            return False  # the cheap tests first: most words are neither
        if j + 1 >= len(doc) or not self._name_word_at(doc, kinds, j + 1):
            return False
        return soft or chain.title_country() is not None

    def _initial(self, doc: Words, j: int) -> bool:
        """Token ``j`` is an initial: a short word, a period, then more of the name."""
        return (
            j + 2 < len(doc)
            and doc[j + 1].text == "."
            and len(doc[j].text) <= MAX_INITIAL_LETTERS
            and _is_name_word(doc[j].text)
            and _is_name_word(doc[j + 2].text)
            and not doc[j].whitespace_
        )

    def _name_word_at(self, doc: Words, kinds: list[str | None], j: int) -> bool:
        if not 0 <= j < len(doc):
            return False
        token = doc[j]
        return kinds[j] is None and _is_name_word(token.text) and not self._stop(token)

    def _stop(self, token: Word) -> bool:
        """A word no name contains (checked written as is, and without its clitics)."""
        key = (token.text, token.norm_)
        stop = self.stops.get(key)
        if stop is None:
            if len(self.stops) > MAX_TESTED_WORDS:
                self.stops.clear()
            stop = self.stops[key] = self._test_stop(token)
        return stop

    def _test_stop(self, token: Word) -> bool:
        lex = self.lex
        if token.norm_ in lex.name_joiners:
            return False
        if light_form(token.text, self.lang) in lex.light_stop_words:
            return True
        clitic = token.norm_ != normalize_word(token.text, self.lang)
        return clitic and token.norm_ in lex.stop_words

    def _last_word(self, doc: Words, kinds: list[str | None], j: int) -> bool:
        """Token ``j`` is one word, with the article, and nothing name-like follows it."""
        token = doc[j]
        if self.grammar.postpositions:
            # "टॉम डलास ने": only a case mark after it makes a town a surname.
            nxt = doc[j + 1].norm_ if j + 1 < len(doc) else ""
            return kinds[j] == "place" and nxt in self.grammar.case_marks
        if kinds[j] == "adjective" and not (self.article and token.norm_.startswith(self.article)):
            return False
        if j + 1 < len(doc) and kinds[j + 1] == kinds[j] and kinds[j + 1] is not None:
            return False  # a phrase of two words
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return (
            nxt is None
            or not _is_name_word(nxt.text)
            or kinds[j + 1] is not None
            or self._stop(nxt)
        )

    def _clitic_starts_item(self, token: Word) -> bool:
        """A word with the conjunction و written on it starts a new item ("وغيرهم", "وعادل")."""
        return (
            token.text[:1] in self.grammar.conjunction_clitics
            and len(token.text) > MIN_ITEM_LETTERS
        )

    def _first_unit(self, doc: Words, i: int) -> str:
        """The first unit of a name starting at ``i`` (cheap: no list built)."""
        norm = doc[i].norm_
        if norm in self.grammar.name_prefixes_joined and i + 1 < len(doc):
            return norm + doc[i + 1].norm_
        article = self.article
        if article and norm.startswith(article) and len(norm) > ARTICLE_WORD_LETTERS:
            return norm[len(article) :]
        return norm

    def _units(self, doc: Words, start: int, end: int) -> tuple[str, ...]:
        """The name's words as compared across mentions: article off, "عبد" joined."""
        words = [t.norm_ for t in doc[start:end] if _is_name_word(t.text)]
        if not self.article and not self.grammar.name_prefixes_joined:
            return tuple(words)  # nothing to take off or join (Hindi)
        units: list[str] = []
        article = self.article
        joined = ""
        for word in words:
            if joined:
                word, joined = joined + word, ""
            elif word in self.grammar.name_prefixes_joined:
                joined = word
                continue
            if article and word.startswith(article) and len(word) > ARTICLE_WORD_LETTERS:
                word = word[len(article) :]
            units.append(word)
        if joined:
            units.append(joined)
        return tuple(units)

    # -- the pass ---------------------------------------------------------------------------
    def find(self, spacy_doc: Doc) -> list[Found]:
        kinds, starts, places, terms = self._classify(spacy_doc)
        doc = words_of(spacy_doc)
        found: list[Found] = []
        i = 0
        n = len(doc)
        # Only a phrase start or a place noun starts anything: the other tokens are skipped.
        # Dates, numbers, terms, towns and courtesies start nothing here (see below).
        begins = [k for k in starts if kinds[k] in START_KINDS]
        for k in sorted({*begins, *places}):
            if k < i:
                continue
            i = k
            if kinds[i] == "place_noun":
                # "مرقد الامام موسى الكاظم": skip the place's own title and name.
                chain = self._chain(doc, kinds, starts, starts[i][1])
                j = chain.end if chain else starts[i][1]
                i = max(self._name_end(doc, kinds, j, chain), j, i + 1)
                continue
            chain = None
            if i in starts and (
                kinds[i] in {"title", "honorific", "counterpart", "guest"}
                or (kinds[i] == "modifier" and starts.get(starts[i][1], ("",))[0] == "title")
                or (
                    kinds[i] in COUNTRY_KINDS
                    and self._genitive_title(doc, kinds, starts, starts[i][1])
                )
                or (
                    kinds[i] == "adjective"
                    and starts.get(starts[i][1], ("",))[0] in {"title", "honorific"}
                )
            ):
                chain = self._chain(doc, kinds, starts, i)
            if chain is None:
                continue
            if chain.end < n and kinds[chain.end] == "place_noun":
                i = chain.end
                continue
            plural = i > 0 and doc[i - 1].norm_ in self.lex.plural_quantifiers  # "दोनों नेता"
            # "جابر الأحمد الصباح أمير البلاد المفدى": a courtesy closes an apposition.
            courtesy_end = (
                kinds[chain.end - 1] == "courtesy"
                and bool(found)
                and (self._adjacent(doc, found[-1].end, chain.start))
            )
            named = not (chain.guest or plural or courtesy_end)
            name_end = self._name_end(doc, kinds, chain.end, chain) if named else chain.end
            if name_end > chain.end:
                found.append(Found(chain.start, name_end, chain))
                found[-1].start = chain.end
                self._nickname(doc, found, name_end)
                i = name_end
                continue
            if chain.honorific_only:
                i = chain.end
                continue
            # No name after the chain: it describes the name before it, or stands alone.
            chain = self._chain(doc, kinds, starts, i, split=True) or chain
            previous = found[-1] if found else None
            if (
                previous is not None
                and not previous.role_only
                and self._adjacent(doc, previous.end, chain.start)
                and not self._clitic_starts_item(doc[chain.start])
                and not self._other_country(previous.chain, chain)
            ):
                if previous.chain is None:
                    previous.chain = chain
                else:
                    self._describe(previous.chain, chain)
            elif (before := self._name_before(doc, kinds, chain.start)) is not None and not any(
                f.start == before for f in found
            ):
                found.append(Found(before, self._name_end(doc, kinds, before, None), chain))
            else:
                found.append(Found(chain.start, chain.end, chain, role_only=True))
            i = chain.end
        found.sort(key=lambda f: f.start)
        for f in found:
            if not f.role_only:
                f.units = self._units(doc, f.start, f.end)
        self._find_repeats(doc, kinds, found, norms_of(spacy_doc))
        found += self._travellers(doc, kinds, terms, found)
        found.sort(key=lambda f: f.start)
        self._group(found)
        return found

    def _travellers(
        self, doc: Words, kinds: list[str | None], terms: list[int], found: list[Found]
    ) -> list[Found]:
        """Untitled names of two words or more that travel: "राजीव गांधी चीन गए थे",
        "زار أحمد حسن دمشق"."""
        taken = {k for f in found for k in range((f.chain.start if f.chain else f.start), f.end)}
        new = []
        for start, end in self._travel_slots(doc, kinds, terms):
            if any(k in taken for k in range(start, end)):
                continue
            name_end = self._name_end(doc, kinds, start, None)
            if name_end != end or end - start < MIN_UNTITLED_NAME_WORDS:
                continue
            if start > 0 and self._name_word_at(doc, kinds, start - 1):
                continue
            new.append(Found(start, end, None, units=self._units(doc, start, end)))
        return new

    def _travel_slots(self, doc: Words, kinds: list[str | None], terms: list[int]):
        """Where a traveller's name would stand around travel words: before the destination
        of a Hindi travel verb, after an Arabic travel verb."""
        n = len(doc)
        for k in terms:
            if self.lex.terms.get(doc[k].norm_) not in TRAVEL_CATEGORIES:
                continue
            if self.grammar.verb_final:
                # NAME DESTINATION VERB
                d = k - 1
                while d >= 0 and kinds[d] in {"country", "place", "capital"}:
                    d -= 1
                if d == k - 1:
                    continue
                end = d + 1
                start = end
                while start > 0 and self._name_word_at(doc, kinds, start - 1):
                    start -= 1
                yield start, end
            else:
                # VERB NAME إلى
                start = k + 1
                end = start
                while end < n and self._name_word_at(doc, kinds, end):
                    end += 1
                if end < n and doc[end].norm_ in self.grammar.to:
                    yield start, end

    def _other_country(self, named: Chain | None, after: Chain) -> bool:
        """ "التقى رئيس الوزراء الإيطالي X الرئيس الأمريكي": a title of another country after a
        name is another person, not an apposition."""
        mine = named.title_country() if named else None
        theirs = after.title_country()
        return mine is not None and theirs is not None and mine != theirs

    def _adjacent(self, doc: Words, end: int, start: int) -> bool:
        """Nothing but one punctuation mark (or nothing) between two token positions."""
        gap = doc[end:start]
        return len(gap) <= 1 and all(t.is_punct for t in gap)

    def _name_before(self, doc: Words, kinds: list[str | None], start: int) -> int | None:
        """Start of an untitled name of two or more words written right before ``start``."""
        j = start
        if j > 0 and doc[j - 1].is_punct and doc[j - 1].text in self.commas:
            j -= 1
        k = j
        while (
            k > 0
            and j - k < self.lex.max_name_words
            and kinds[k - 1] is None
            and _is_name_word(doc[k - 1].text)
            and light_form(doc[k - 1].text, self.lang) not in self.lex.light_stop_words
        ):
            k -= 1
        if j - k < MIN_UNTITLED_NAME_WORDS:
            return None
        if k > 0 and self._name_word_at(doc, kinds, k - 1):
            return None  # the words run on: not a name's start
        if self._name_end(doc, kinds, k, None) != j:
            return None
        return k

    def _describe(self, chain: Chain, apposition: Chain) -> None:
        """An apposition's roles replace courtesy roles (prince, emir) of the name's chain."""
        chain.roles = [t for t in chain.roles if not t.weak] if apposition.roles else chain.roles
        strong = [t for t in apposition.roles if not t.weak]
        if strong:
            chain.roles = strong
            chain.modifiers = apposition.modifiers
        chain.country = apposition.title_country() or chain.country

    def _nickname(self, doc: Words, found: list[Found], j: int) -> None:
        """A quoted word right after a name is another name of the same person."""
        quoted = j + 2 < len(doc) and doc[j].text in QUOTES and doc[j + 2].text in QUOTES
        if quoted and _is_name_word(doc[j + 1].text):
            nick = Found(j + 1, j + 2, None)
            nick.person = -2  # same person as the mention before it
            found.append(nick)

    def _find_repeats(
        self, doc: Words, kinds: list[str | None], found: list[Found], norms: list[str]
    ) -> None:
        """Mentions of named people written without a title."""
        taken = [False] * len(doc)
        for f in found:
            start = min(f.chain.start, f.start) if f.chain else f.start
            end = max(f.chain.end, f.end) if f.chain else f.end
            taken[start:end] = [True] * (end - start)
        forms: dict[str, set[tuple[str, ...]]] = {}
        for f in found:
            if f.role_only or not f.units:
                continue
            forms.setdefault(f.units[-1], set()).add(f.units)
            forms.setdefault(f.units[0], set()).add(f.units)
        if not forms:
            return
        i = 0
        new: list[Found] = []
        # A first unit is a word, the word without its article, or the word and
        # the next one (see _first_unit): only words that make a known unit one of these ways
        # (the last: a joined prefix that starts one) are looked at.
        useful = set(forms)
        for prefix in self.grammar.name_prefixes_joined:
            longer = (unit for unit in forms if len(unit) > len(prefix))
            if prefix and any(unit.startswith(prefix) for unit in longer):
                useful.add(prefix)
        article = self.article
        if article:
            bare = {w for w in set(norms) if w.startswith(article)}
            useful |= {w for w in bare if w[len(article) :] in forms}
        maybe = compress(range(len(norms)), map(useful.__contains__, norms))
        # A repeat starts with a word of a known name (its first word or its surname), on a
        # free token that is part of nothing else, or (below) a town's name.
        for k in maybe:
            kind = kinds[k]
            if k < i or taken[k] or (kind is not None and kind != "place"):
                continue
            i = k
            if self._first_unit(doc, i) not in forms or not _is_name_word(doc[i].text):
                continue
            if kind == "place":
                # A town's name may be a surname here ("डलास"): the name written in full decides.
                new.append(Found(i, i + 1, None, units=self._units(doc, i, i + 1)))
                i += 1
                continue
            end = self._name_end(doc, kinds, i, None)
            if end == i:
                continue
            units = self._units(doc, i, end)
            match = self._repeat_match(units, forms, doc[i])
            if match:
                length = match
                # Shrink the span to the words that matched.
                stop = i
                while stop < end and len(self._units(doc, i, stop)) < length:
                    stop += 1
                new.append(Found(i, stop, None, units=self._units(doc, i, stop)))
                i = stop
                continue
            i += 1
        found += new
        found.sort(key=lambda f: f.start)

    def _repeat_match(
        self, units: tuple[str, ...], forms: dict[str, set[tuple[str, ...]]], first
    ) -> int:
        """How many leading units of ``units`` repeat a known name (0: none)."""
        lex = self.lex
        for length in range(len(units), 0, -1):
            head = units[:length]
            for known in forms.get(head[-1], set()) | forms.get(head[0], set()):
                if head == known or (
                    length > 1 and (known[: len(head)] == head or head[: len(known)] == known)
                ):
                    return length
                if length == 1 and head[0] == known[-1] and len(known) > 1:
                    # A surname alone: never a common word, never with a clitic but و/ف/ب.
                    if head[0] in lex.known_words:
                        continue
                    clitic = normalize_word(first.text, self.lang) != first.norm_
                    if clitic and first.text[:1] not in self.grammar.surname_clitics:
                        continue
                    return 1
        return 0

    def _group(self, found: list[Found]) -> None:
        """Give mentions of one person the same ``person`` number.

        Fullest names first, then nicknames (they join the name written before them), then
        shorter mentions, each joining the person whose names it fits.
        """
        named = [f for f in found if not f.role_only]
        people: list[list[tuple[str, ...]]] = []  # every form of each person
        roles: list[str | None] = []
        full = sorted(
            (f for f in named if f.person != -2 and len(f.units) > 1),
            key=lambda f: (-len(f.units), f.start),
        )
        short = sorted(
            (f for f in named if f.person != -2 and len(f.units) <= 1), key=lambda f: f.start
        )
        for f in full:
            self._place(f, people, roles)
        last = -1
        for f in named:  # in reading order, as ``found`` is
            if f.person == -2 and last >= 0:
                f.person = last
                people[last].append(f.units)
            elif f.person >= 0:
                last = f.person
        for f in short:
            self._place(f, people, roles)

    def _place(
        self, f: Found, people: list[list[tuple[str, ...]]], roles: list[str | None]
    ) -> None:
        role = f.chain.role() if f.chain else None
        f.person = self._fit(f.units, role, people, roles)
        if f.person == len(people):
            people.append([f.units])
            roles.append(role)

    def _fit(
        self,
        units: tuple[str, ...],
        role: str | None,
        people: list[list[tuple[str, ...]]],
        roles: list[str | None],
    ) -> int:
        """The person ``units`` names among ``people`` (a new number if none)."""
        candidates = []
        for k, forms in enumerate(people):
            if units in forms:
                return k
            full = forms[0]
            if len(units) > 1:
                if full[: len(units)] == units or (units[0] == full[0] and units[-1] == full[-1]):
                    candidates.append((0, k))
                continue
            word = units[0]
            nasab = not self.lex.name_joiners.isdisjoint(full)
            if word == full[-1]:
                candidates.append((1 if nasab else 0, k))
            elif word == full[0]:
                candidates.append((0 if nasab else 1, k))
        if not candidates:
            return len(people)
        if role:
            same_role = [c for c in candidates if roles[c[1]] == role]
            candidates = same_role or candidates
        return min(candidates)[1]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        starts = starts_of(doc)
        locate = locator(doc)
        for f in self.find(doc):
            chain = f.chain
            # A title written before the name (an apposition after it does not count).
            title = chain.start if chain and not f.role_only and chain.start < f.start else None
            spans.append(
                PersonMention(
                    *locate(f.start, f.end),
                    person=f.person,
                    role=chain.role() if chain else None,
                    country=chain.title_country() if chain else None,
                    title_start=starts[title] if title is not None else None,
                    title_token=title,
                    role_only=f.role_only,
                    counterpart=bool(chain and chain.counterpart),
                    guest=bool(chain and chain.guest),
                )
            )
        write_spans(doc, "people", spans)
        return doc


@Language.factory("visitkb_people")
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    """Find persons from titles, apposition and repeats."""
    return PeopleFinder(nlp, lexicon(nlp.lang))
