"""The ``visitkb_agreements`` component: counts of agreements and what is said around them.

An agreement noun of ``agreements.yaml`` with the number before it (``14 مذكرة تفاهم``,
``पांच समझौता ज्ञापनों``) or a word for "several" (``عدد من``, ``कई``); two kinds joined by "and"
make one *mixed* count (``22 اتفاقية ومذكرة تفاهم``); a singular noun alone counts one. Each
count records whether a signing word is near, whether a demonstrative makes it refer back, and
whether a year after it says it already existed. Which visit it belongs to is decided later.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.phrases import longest_matches, phrase_matcher
from visitkb.mentions.components.spans import locator, read_spans, write_spans
from visitkb.mentions.components.words import norms_of
from visitkb.mentions.lexicon import Lexicon, lexicon
from visitkb.mentions.model import AgreementMention

# "عدداً من اتفاقيات النقل ومذكرات الشراكة": words allowed between a noun and the next
# noun joined to it, and between "several"/a number and the noun ("कई अहम समझौतों").
GAP_TO_JOINED_NOUN = 2
GAP_TO_NOUN = 1
# A signing word this close before the count or after the noun.
SIGNING_BEFORE = 6
SIGNING_AFTER = 6
# A year this close after the noun dates the agreement before the visit.
YEAR_AFTER = 6


class AgreementFinder(BatchComponent):
    """Writes ``doc.spans['agreements']``."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.nouns = phrase_matcher(nlp, lex.agreement_kinds)
        self.extras = phrase_matcher(nlp, [*lex.signing, *lex.several, *lex.existing_markers])

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        norms = norms_of(doc)
        nouns = longest_matches(self.nouns, doc)
        if not nouns:  # no agreement noun, no count: the rest only describes counts
            write_spans(doc, "agreements", [])
            return doc
        extras = longest_matches(self.extras, doc)
        signing = [(s, e) for p, s, e in extras if p in lex.signing]
        several_ends = {e: s for p, s, e in extras if p in lex.several}
        existing = [s for p, s, e in extras if p in lex.existing_markers]
        numbers = {n.token_end: n for n in read_spans(doc, "numbers") if not n.ordinal}
        years = [d.token for d in read_spans(doc, "dates") if d.year]
        spans = []
        locate = locator(doc)
        k = 0
        while k < len(nouns):
            phrase, start, end = nouns[k]
            kinds = {lex.agreement_kinds[phrase]}
            plural = phrase in lex.agreement_plurals
            # "समझौता ज्ञापनों (MoU)": the same noun abbreviated in brackets.
            if k + 1 < len(nouns) and norms[end : nouns[k + 1][1]] == ["("]:
                bracket_end = nouns[k + 1][2]
                if bracket_end < len(norms) and norms[bracket_end] == ")":
                    end = bracket_end + 1
                    k += 1
            # Another kind joined by "and": one mixed count.
            if k + 1 < len(nouns):
                nxt_phrase, nxt_start, nxt_end = nouns[k + 1]
                between = norms[end:nxt_start]
                joined = any(w in lex.agreement_joiners for w in between) or (
                    nxt_start < len(doc)
                    and any(doc[nxt_start].text.startswith(j) for j in lex.agreement_joiners)
                    and doc[nxt_start].norm_ != doc[nxt_start].text
                )
                other_kind = lex.agreement_kinds[nxt_phrase] != next(iter(kinds))
                if len(between) <= GAP_TO_JOINED_NOUN and (joined or not between) and other_kind:
                    kinds.add(lex.agreement_kinds[nxt_phrase])
                    end = nxt_end
                    plural = plural or nxt_phrase in lex.agreement_plurals
                    k += 1
            k += 1
            count: int | None
            first = start
            number = next(
                (numbers[e] for e in range(start, start - GAP_TO_NOUN - 1, -1) if e in numbers),
                None,
            )
            several = next(
                (
                    several_ends[e]
                    for e in range(start, start - GAP_TO_NOUN - 1, -1)
                    if e in several_ends
                ),
                None,
            )
            if number is not None:
                count, first = number.value, number.token
            elif several is not None:
                count, first = None, several
            elif plural:
                count = None
            else:
                count = 1
            kind = "mixed" if len(kinds) > 1 else next(iter(kinds))
            signed = any(
                first - SIGNING_BEFORE <= s_end <= first or end <= s_start <= end + SIGNING_AFTER
                for s_start, s_end in signing
            )
            anaphoric = first > 0 and norms[first - 1] in lex.anaphoric
            dated = any(end <= y <= end + YEAR_AFTER for y in years) or any(
                end <= m <= end + YEAR_AFTER for m in existing
            )
            spans.append(
                AgreementMention(
                    *locate(first, end),
                    count=count,
                    kind=kind,
                    signed=signed,
                    anaphoric=anaphoric,
                    existing=dated,
                    explicit=number is not None,
                )
            )
        write_spans(doc, "agreements", spans)
        return doc


@Language.factory("visitkb_agreements")
def make_agreement_finder(nlp: Language, name: str) -> AgreementFinder:
    """Find counts of agreements, memoranda and declarations."""
    return AgreementFinder(nlp, lexicon(nlp.lang))
