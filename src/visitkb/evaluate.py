"""Score exported records against gold annotations, by the rules of GUIDELINES.md ("Scoring").

Pure: takes records and gold dictionaries, returns a report. ``visitkb eval`` does the I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from visitkb import records as r
from visitkb.resolve.names import normalize_name, strip_article

# How well two names match, best first (GUIDELINES "Scoring").
EQUAL, EQUAL_BUT_ARTICLE, CONTAINED = 3, 2, 1

ALL = "all"


def _forms(name: str) -> tuple[str, str, list[str]]:
    norm = normalize_name(name)
    words = norm.split()
    return norm, " ".join(strip_article(w) for w in words), words


def name_match(a: str, b: str) -> int:
    """3 equal after normalising, 2 equal but for the article ال, 1 words of one inside the
    other's with the same last word, 0 no match."""
    norm_a, bare_a, words_a = _forms(a)
    norm_b, bare_b, words_b = _forms(b)
    if not words_a or not words_b:
        return 0
    if norm_a == norm_b or norm_a.replace(" ", "") == norm_b.replace(" ", ""):
        return EQUAL
    if bare_a == bare_b or bare_a.replace(" ", "") == bare_b.replace(" ", ""):
        return EQUAL_BUT_ARTICLE
    bare_words_a, bare_words_b = bare_a.split(), bare_b.split()
    if bare_words_a[-1] == bare_words_b[-1]:
        words_a, words_b = set(bare_words_a), set(bare_words_b)
        if words_a <= words_b or words_b <= words_a:
            return CONTAINED
    return 0


def person_match(predicted: r.Person, gold: dict[str, Any]) -> int:
    """Best name match between any name of a predicted person and any of a gold person."""
    mine = [*predicted.names, predicted.name, *([predicted.name_en] if predicted.name_en else [])]
    theirs = [*gold.get("aliases", []), *([gold["name_en"]] if gold.get("name_en") else [])]
    return max((name_match(a, b) for a in mine for b in theirs), default=0)


@dataclass
class Counts:
    """True positives, predicted and gold totals of a set comparison."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 1.0 if not self.gold else 0.0
        rc = self.tp / self.gold if self.gold else 1.0 if not self.predicted else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(rc, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "accuracy": round(self.correct / self.total, 4) if self.total else None,
            "correct": self.correct,
            "total": self.total,
        }


FIELDS = (
    "guest_country",
    "status",
    "start_date",
    "end_date",
    "duration",
    "agreements",
    "agreement_kinds",
)


@dataclass
class Scores:
    """The scores of one language (or of all documents)."""

    visits: Counts = field(default_factory=Counts)
    places: Counts = field(default_factory=Counts)
    participants: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in FIELDS})
    windows: Accuracy = field(default_factory=Accuracy)

    def as_dict(self) -> dict[str, Any]:
        return {
            "visits": self.visits.as_dict(),
            **{name: acc.as_dict() for name, acc in self.fields.items()},
            "places": self.places.as_dict(),
            "participants": self.participants.as_dict(),
            "people": self.people.as_dict(),
            "true_start_in_window": self.windows.as_dict(),
        }


@dataclass
class Report:
    """Scores per language and overall, cross-document identity, and every miss."""

    scores: dict[str, Scores]
    identity: dict[str, Any]
    misses: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {lang: s.as_dict() for lang, s in self.scores.items()},
            "identity": self.identity,
            "misses": self.misses,
        }


def _match_one_to_one(
    predicted: Sequence[Any], gold: Sequence[Any], score: Any
) -> list[tuple[int, int]]:
    """Greedy best-first matching of predicted to gold items by ``score`` (higher is better)."""
    candidates = sorted(
        (
            (s, i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if (s := score(p, g))
        ),
        key=lambda c: (c[0], -c[1], -c[2]),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for _s, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _visit_score(visit: r.Visit, gold: dict[str, Any]) -> tuple[int, ...] | None:
    if visit.host_country != gold["host_country"]:
        return None
    names = person_match(visit.guest, gold["guest"])
    if not names:
        return None
    same_day = _iso(visit.start_date) == gold.get("start_date")
    same_status = visit.status == _status(gold["status"])
    return (names, same_day, same_status)


def _status(value: str) -> str:
    return "occurred" if value == "ongoing" else value


def _date_ok(predicted: date | None, gold: dict[str, Any], key: str) -> bool:
    if gold.get(key) is not None:
        return _iso(predicted) == gold[key]
    if predicted is None:
        return True
    window = gold.get("date_window") or [None, None]
    return (
        key == "start_date"
        and None not in window
        and window[0] <= predicted.isoformat() <= window[1]
    )


def _place_match(place: r.Place, gold: tuple[str, str | None]) -> int:
    name, name_en = gold
    best = name_match(place.name, name)
    if place.name_en and name_en and place.name_en.casefold() == name_en.casefold():
        best = max(best, EQUAL)
    return best


def evaluate(
    visits: Iterable[r.Visit],
    people: Iterable[r.PersonEntry],
    gold_docs: Iterable[dict[str, Any]],
    languages: dict[str, str],
) -> Report:
    """Score predicted visits and people against gold, per document, then per language."""
    by_doc: dict[str, list[r.Visit]] = defaultdict(list)
    for visit in visits:
        for doc in dict.fromkeys(s.document for s in visit.sources):
            by_doc[doc].append(visit)
    people_by_doc: dict[str, list[r.PersonEntry]] = defaultdict(list)
    for person in people:
        for doc in person.documents:
            people_by_doc[doc].append(person)

    scores = {ALL: Scores()}
    misses: list[str] = []
    identities: dict[str, set[int]] = defaultdict(set)  # gold English name -> predicted ids
    claimed: dict[int, set[str]] = defaultdict(set)  # predicted id -> gold English names
    gold_docs_of: dict[str, set[str]] = defaultdict(set)

    for gold_doc in gold_docs:
        doc_id = gold_doc["id"]
        lang = languages.get(doc_id, "?")
        targets = [scores[ALL], scores.setdefault(lang, Scores())]
        _score_document(doc_id, by_doc[doc_id], gold_doc, targets, misses)
        predicted_people = people_by_doc[doc_id]
        gold_people = gold_doc.get("people", [])
        pairs = _match_one_to_one(predicted_people, gold_people, person_match)
        for t in targets:
            t.people.add(len(pairs), len(predicted_people), len(gold_people))
        for i, j in pairs:
            name = gold_people[j]["name_en"]
            identities[name].add(predicted_people[i].id)
            claimed[predicted_people[i].id].add(name)
        for person in gold_people:
            gold_docs_of[person["name_en"]].add(doc_id)
        matched_gold = {j for _, j in pairs}
        misses += [
            f"{doc_id}: person missed: {g['name_en']}"
            for j, g in enumerate(gold_people)
            if j not in matched_gold
        ]
        matched_pred = {i for i, _ in pairs}
        misses += [
            f"{doc_id}: person extra: {p.name}"
            for i, p in enumerate(predicted_people)
            if i not in matched_pred
        ]

    shared = [name for name, docs in gold_docs_of.items() if len(docs) >= 2]
    unified = [name for name in shared if len(identities[name]) == 1]
    merged = sorted({tuple(sorted(names)) for names in claimed.values() if len(names) > 1})
    identity = {
        "people_in_several_documents": len(shared),
        "one_identity": len(unified),
        "rate": round(len(unified) / len(shared), 4) if shared else 1.0,
        "split": sorted(set(shared) - set(unified)),
        "merged": [list(names) for names in merged],
    }
    return Report(scores=scores, identity=identity, misses=misses)


def _score_document(
    doc_id: str,
    predicted: list[r.Visit],
    gold_doc: dict[str, Any],
    targets: list[Scores],
    misses: list[str],
) -> None:
    gold_visits = gold_doc.get("visits", [])
    pairs = _match_one_to_one(predicted, gold_visits, _visit_score)
    for t in targets:
        t.visits.add(len(pairs), len(predicted), len(gold_visits))
    matched_gold = {j for _, j in pairs}
    matched_pred = {i for i, _ in pairs}
    for j, g in enumerate(gold_visits):
        if j not in matched_gold:
            misses.append(
                f"{doc_id}: visit missed: {g['guest']['name_en']} -> {g['host_country']} "
                f"({g['status']}, {g.get('start_date')})"
            )
    for i, v in enumerate(predicted):
        if i not in matched_pred:
            misses.append(
                f"{doc_id}: visit extra: {v.guest.name} -> {v.host_country} "
                f"({v.status}, {_iso(v.start_date)})"
            )
    for i, j in pairs:
        _score_fields(doc_id, predicted[i], gold_visits[j], targets, misses)


def _score_fields(
    doc_id: str, visit: r.Visit, gold: dict[str, Any], targets: list[Scores], misses: list[str]
) -> None:
    label = f"{doc_id}: {gold['guest']['name_en']} -> {gold['host_country']}"
    agreements = sorted(
        (a.count if a.count is not None else -1) for a in visit.agreements if a.document == doc_id
    )
    gold_agreements = sorted(
        (a["count"] if a["count"] is not None else -1) for a in gold.get("agreements", [])
    )
    kinds = sorted(a.kind for a in visit.agreements if a.document == doc_id)
    checks = {
        "guest_country": (
            visit.guest_country == gold["guest_country"],
            visit.guest_country,
            gold["guest_country"],
        ),
        "status": (visit.status == _status(gold["status"]), visit.status, gold["status"]),
        "start_date": (
            _date_ok(visit.start_date, gold, "start_date"),
            _iso(visit.start_date),
            gold.get("start_date"),
        ),
        "end_date": (
            _date_ok(visit.end_date, gold, "end_date"),
            _iso(visit.end_date),
            gold.get("end_date"),
        ),
        "duration": (
            visit.duration_days == gold.get("duration_days"),
            visit.duration_days,
            gold.get("duration_days"),
        ),
        "agreements": (agreements == gold_agreements, agreements, gold_agreements),
        "agreement_kinds": (
            kinds == sorted(a["kind"] for a in gold.get("agreements", [])),
            kinds,
            None,
        ),
    }
    for name, (ok, got, want) in checks.items():
        for t in targets:
            t.fields[name].add(ok)
        if not ok and name != "agreement_kinds":
            misses.append(f"{label}: {name} {got!r}, gold {want!r}")
    true_start = gold.get("true_start_date")
    if true_start and gold.get("start_date") is None:
        lo, hi = (_iso(d) for d in visit.date_window)
        inside = lo is not None and hi is not None and lo <= true_start <= hi
        for t in targets:
            t.windows.add(inside)
        if not inside:
            misses.append(f"{label}: window [{lo}, {hi}] misses true start {true_start}")

    places = gold.get("places", [])
    places_en = gold.get("places_en", [])
    gold_places = [
        (name, places_en[k] if k < len(places_en) else None) for k, name in enumerate(places)
    ]
    place_pairs = _match_one_to_one(visit.places, gold_places, _place_match)
    gold_met = gold.get("met", [])
    met_pairs = _match_one_to_one(visit.participants, gold_met, person_match)
    for t in targets:
        t.places.add(len(place_pairs), len(visit.places), len(gold_places))
        t.participants.add(len(met_pairs), len(visit.participants), len(gold_met))
    if len(place_pairs) < max(len(visit.places), len(gold_places)):
        misses.append(
            f"{label}: places {[p.name for p in visit.places]}, gold {gold.get('places', [])}"
        )
    if len(met_pairs) < max(len(visit.participants), len(gold_met)):
        missing = [
            g["name_en"] for j, g in enumerate(gold_met) if j not in {b for _, b in met_pairs}
        ]
        extra = [
            p.name for i, p in enumerate(visit.participants) if i not in {a for a, _ in met_pairs}
        ]
        misses.append(f"{label}: participants missing {missing}, extra {extra}")
