"""The ``visitkb_numbers`` component: numbers in digits or words, and durations.

Digits of any script (``22``, ``٢٢``, ``२२``); number words from ``numbers.yaml`` including
compounds (``اثنان وعشرون``, ``दस लाख``); ordinals apart. A number followed by a unit of
``durations.yaml`` (``3 ايام``, ``दो दिवसीय``), or a dual unit alone (``يومين``), is a duration;
it is *stated* when an introducer stands before it (``تستغرق``) or, in Hindi, a visit noun
follows closely or the unit is attributive (``दिवसीय``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.spans import Locate, locator, write_spans
from visitkb.mentions.components.words import WordFlags, norms_of, word_flags
from visitkb.mentions.lexicon import Lexicon, lexicon
from visitkb.mentions.model import DurationMention, NumberMention

# "N दिन की भारत यात्रा": the visit noun comes within this many tokens after the unit.
UNIT_TO_VISIT_NOUN = 4
# "تستغرق يومين": the introducer comes within this many tokens before the number.
INTRODUCER_TO_NUMBER = 2
# Multipliers in number words (سبعمائة is rare in news; هज़ार, लाख, करोड़ are common).
MULTIPLIER_MIN = 100

# No count, day or year a text gives runs longer (and int() refuses thousands of digits).
MAX_DIGITS = 18


def read_int(text: str) -> int | None:
    """The integer written in digits of any script, or None (``7.7`` and ``2,000`` are not, nor
    a run of digits longer than any count, day or year)."""
    return int(text) if text.isdecimal() and len(text) <= MAX_DIGITS else None


class NumberFinder(BatchComponent):
    """Finds numbers and durations and writes ``doc.spans['numbers']`` and ``['durations']``."""

    def __init__(self, lex: Lexicon, flags: WordFlags) -> None:
        self.lex = lex
        self.multi_word = {w for w in lex.cardinals if " " in w}
        self.visit_nouns = {
            w for w, category in lex.terms.items() if category == "visit" and " " not in w
        }
        # Words a number, an ordinal or a dual can start with; digits are told by isdecimal.
        self.starters = frozenset(
            [
                *lex.cardinals,
                *(w.split()[0] for w in self.multi_word),
                *lex.ordinals,
                *lex.duration_duals,
            ]
        )
        starters = self.starters
        self.starts = flags.add(lambda norm: norm in starters or norm.isdecimal(), of_norm=True)

    def _word_number(self, norms: list[str], i: int) -> tuple[int, int] | None:
        """(value, end) of the number words starting at token ``i``."""
        lex = self.lex
        n = len(norms)
        value, end = None, i
        if i + 1 < n and f"{norms[i]} {norms[i + 1]}" in self.multi_word:
            value, end = lex.cardinals[f"{norms[i]} {norms[i + 1]}"], i + 2
        elif norms[i] in lex.cardinals:
            value, end = lex.cardinals[norms[i]], i + 1
        elif (digits := read_int(norms[i])) is not None:
            value, end = digits, i + 1
        if value is None:
            return None
        # Units then tens: "اثنان وعشرون" (the normaliser has taken the و off "وعشرون").
        if end < n and value < 10 and lex.cardinals.get(norms[end], 0) in range(20, 100, 10):
            value, end = value + lex.cardinals[norms[end]], end + 1
        # Multipliers: "दस लाख", "88 हज़ार".
        while end < n and lex.cardinals.get(norms[end], 0) >= MULTIPLIER_MIN:
            value, end = value * lex.cardinals[norms[end]], end + 1
        return value, end

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        norms = norms_of(doc)
        locate = locator(doc)
        numbers: list[NumberMention] = []
        durations: list[DurationMention] = []
        i = 0  # tokens before ``i`` are read
        for k in self.starts.positions(doc):
            if k < i:
                continue
            i = k
            norm = norms[i]
            if norm in lex.ordinals:
                numbers.append(NumberMention(*locate(i, i + 1), lex.ordinals[norm], True))
                i += 1
                continue
            if norm in lex.duration_duals:
                days = 2 * lex.duration_duals[norm]
                durations.append(self._duration(locate, norms, i, i, i + 1, days))
                i += 1
                continue
            found = self._word_number(norms, i)
            if found is None:
                i += 1
                continue
            value, end = found
            numbers.append(NumberMention(*locate(i, end), value, False))
            if end < len(doc) and norms[end] in lex.duration_units:
                days = value * lex.duration_units[norms[end]]
                durations.append(self._duration(locate, norms, i, end, end + 1, days))
                end += 1
            elif i > 0 and norms[i - 1] in lex.duration_units and value == 1:
                # "يوماً واحداً": the noun before its number.
                days = lex.duration_units[norms[i - 1]]
                durations.append(self._duration(locate, norms, i - 1, i, end, days))
            i = end
        write_spans(doc, "numbers", numbers)
        write_spans(doc, "durations", durations)
        return doc

    def _duration(
        self, locate: Locate, norms: list[str], start: int, unit: int, end: int, days: int
    ) -> DurationMention:
        lex = self.lex
        before = norms[max(0, start - INTRODUCER_TO_NUMBER) : start]
        after = norms[end : end + UNIT_TO_VISIT_NOUN]
        stated = (
            any(w in lex.duration_introducers for w in before)
            or norms[unit] in lex.attributive_units
            or (lex.duration_before_visit_noun and any(w in self.visit_nouns for w in after))
        )
        return DurationMention(*locate(start, end), days, stated)


@Language.factory("visitkb_numbers")
def make_number_finder(nlp: Language, name: str) -> NumberFinder:
    """Find numbers (digits of any script, number words) and durations."""
    return NumberFinder(lexicon(nlp.lang), word_flags(nlp))
