"""Scoring by the rules of GUIDELINES.md."""

from datetime import date

import pytest

from visitkb import records as r
from visitkb.evaluate import CONTAINED, EQUAL, EQUAL_BUT_ARTICLE, evaluate, name_match


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        pytest.param("مصطفى الكاظمي", "مصطفي الكاظمي", EQUAL, id="ar-alef-maksura"),
        pytest.param("عبد المهدي", "عبدالمهدي", EQUAL, id="ar-space"),
        pytest.param("إبراهيم رئيسي", "ابراهيم رئيسي", EQUAL, id="ar-hamza"),
        pytest.param("इराक़", "इराक", EQUAL, id="hi-nukta"),
        pytest.param("العبادي", "عبادي", EQUAL_BUT_ARTICLE, id="ar-article"),
        pytest.param("رئيسي", "إبراهيم رئيسي", CONTAINED, id="ar-surname"),
        pytest.param("Hassan Rouhani", "hassan rouhani", EQUAL, id="en-case"),
        pytest.param("حيدر العبادي", "نوري المالكي", 0, id="different"),
        pytest.param("صالح", "برهم صالح", CONTAINED, id="same-last-word"),
        pytest.param("برهم", "برهم صالح", 0, id="first-name-only"),
    ],
)
def test_name_match(a, b, level):
    assert name_match(a, b) == level
    assert name_match(b, a) == level


def _person(pid: int, *names: str, name_en: str | None = None) -> r.Person:
    return r.Person(id=pid, name=names[0], name_en=name_en, names=list(names))


def _visit(vid, guest, host, doc, start=None, places=(), agreements=()):
    evidence = r.Evidence(document=doc, start=0, end=1, text="x")
    return r.Visit(
        id=vid, status="occurred", guest=guest, guest_country="IRN", host_country=host,
        start_date=start, end_date=None, date_window=(start, start), duration_days=3,
        places=[r.Place(name=p) for p in places], participants=[],
        agreements=[
            r.Agreement(count=c, kind="mixed", document=doc, evidence=evidence) for c in agreements
        ],
        sources=[r.Source(document=doc, evidence=[evidence])],
    )  # fmt: skip


GOLD_VISIT = {
    "guest": {"name_en": "Hassan Rouhani", "aliases": ["روحاني"]},
    "guest_country": "IRN", "host_country": "IRQ", "status": "occurred", "start_date": None,
    "end_date": None, "date_window": [None, None], "duration_days": 3,
    "places": ["بغداد", "كربلاء"], "places_en": ["Baghdad", "Karbala"], "met": [],
    "agreements": [{"count": 22, "kind": "mixed"}],
}  # fmt: skip


def test_a_matching_visit_scores_its_fields_and_a_wrong_host_is_a_miss():
    rouhani = _person(1, "روحاني")
    good = _visit(1, rouhani, "IRQ", "d1", places=["بغداد"], agreements=[22])
    wrong_host = _visit(2, rouhani, "SYR", "d1")
    gold = [{"id": "d1", "visits": [GOLD_VISIT], "people": [GOLD_VISIT["guest"]]}]
    people = [r.PersonEntry(**rouhani.model_dump(), documents=["d1"], roles=[])]
    scores = evaluate([good, wrong_host], people, gold, {"d1": "ar"}).scores["ar"].as_dict()
    assert scores["visits"]["tp"] == 1 and scores["visits"]["precision"] == 0.5
    assert scores["duration"]["accuracy"] == 1.0
    assert scores["agreements"]["accuracy"] == 1.0
    assert (scores["places"]["precision"], scores["places"]["recall"]) == (1.0, 0.5)
    assert scores["start_date"]["accuracy"] == 1.0  # unknown day left null
    assert scores["people"]["f1"] == 1.0


def test_an_invented_day_is_wrong_and_identity_is_measured_across_documents():
    gold_guest = GOLD_VISIT["guest"]
    gold = [
        {"id": "d1", "visits": [GOLD_VISIT], "people": [gold_guest]},
        {"id": "d2", "visits": [], "people": [gold_guest]},
    ]
    a, b = _person(1, "روحاني"), _person(2, "حسن روحاني")
    people = [
        r.PersonEntry(**a.model_dump(), documents=["d1"], roles=[]),
        r.PersonEntry(**b.model_dump(), documents=["d2"], roles=[]),
    ]
    report = evaluate(
        [_visit(1, a, "IRQ", "d1", start=date(2019, 3, 11))], people, gold, {"d1": "ar", "d2": "ar"}
    )
    assert report.scores["all"].as_dict()["start_date"]["accuracy"] == 0.0
    assert report.identity["split"] == ["Hassan Rouhani"]
    assert report.identity["rate"] == 0.0


def test_eval_says_which_documents_failed_to_ingest(tmp_path, monkeypatch):
    from visitkb.evaluation import run_evaluation
    from visitkb.visits import extract as extract_module

    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        '{"id": "ok", "lang": "ar", "text": "زار الرئيس بغداد"}\n'
        '{"id": "broken", "lang": "ar", "text": "نص"}\n',
        encoding="utf-8",
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "ok", "visits": [], "people": []}\n', encoding="utf-8")
    real = extract_module.assemble

    def assemble(doc, found):
        if doc.id == "broken":
            raise RuntimeError("boom")
        return real(doc, found)

    monkeypatch.setattr(extract_module, "assemble", assemble)
    report = run_evaluation([docs], [gold])
    assert report.misses[0] == "broken: not ingested: extraction failed: RuntimeError: boom"
