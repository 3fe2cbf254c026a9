"""The visitkb command as a user runs it."""

import csv
import io
import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from visitkb.cli import app
from visitkb.database import make_engine
from visitkb.database import models as m

from .conftest import SEEDS


@pytest.fixture
def run(database_url, monkeypatch):
    monkeypatch.setenv("VISITKB_DATABASE_URL", database_url)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


def test_ingest_reports_counts_and_is_idempotent(run):
    first = run("ingest", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert "5 added" in first.output
    again = run("ingest", str(SEEDS))
    assert "5 unchanged" in again.output


def test_strict_ingest_fails_on_a_bad_document(run, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    lenient = run("ingest", str(tmp_path))
    assert lenient.exit_code == 0
    assert "empty" in lenient.output and "empty text" in lenient.output
    strict = run("ingest", "--strict", str(tmp_path))
    assert strict.exit_code == 1


@pytest.mark.parametrize("what", ["visits", "people", "agreements"])
def test_export_jsonl_is_valid(run, what):
    run("ingest", str(SEEDS))
    result = run("export", "--what", what, "--format", "jsonl")
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        json.loads(line)


def test_export_json_and_csv_parse(run, tmp_path):
    run("ingest", str(SEEDS))
    assert isinstance(json.loads(run("export", "--format", "json").stdout), list)
    out = tmp_path / "visits.csv"
    assert run("export", "--format", "csv", "-o", str(out)).exit_code == 0
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert header[:3] == ["id", "status", "guest_id"]


def test_unknown_export_is_refused(run):
    result = CliRunner().invoke(app, ["export", "--what", "treaties"])
    assert result.exit_code == 2
    assert "visits, people, agreements" in result.output


def test_unmigrated_database_says_how_to_fix(unmigrated_url, monkeypatch):
    monkeypatch.setenv("VISITKB_DATABASE_URL", unmigrated_url)
    result = CliRunner().invoke(app, ["ingest", str(SEEDS)])
    assert result.exit_code == 2
    assert "visitkb db upgrade" in result.output


def test_db_upgrade_prepares_an_empty_database(unmigrated_url, monkeypatch):
    monkeypatch.setenv("VISITKB_DATABASE_URL", unmigrated_url)
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0
    assert "database ready" in result.output
    assert "people added, 0 updated" in result.output
    assert CliRunner().invoke(app, ["ingest", str(SEEDS)]).exit_code == 0


# 20 MB: four times the limit, the size of a wrong file rather than of an article.
HUGE = 20 * 2**20


def _write_bad_inputs(folder):
    """A folder of documents, each wrong in one way, around two good ones."""
    folder.mkdir()
    (folder / "good.txt").write_text("زار الرئيس بغداد", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "cp1256.txt").write_bytes("زار الرئيس".encode("cp1256"))
    (folder / "huge.txt").write_bytes("ز ".encode() * (HUGE // 3))
    (folder / "none.jsonl").write_bytes(b"")
    lines = [
        json.dumps({"id": "good-line", "text": "मोदी ने यात्रा की"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "lang": "ar"}),
        json.dumps({"id": "klingon", "lang": "tlh", "text": "Qapla'"}),
        json.dumps({"id": "bad-date", "published": "last Tuesday", "text": "زار"}),
        json.dumps({"id": "[/red] markup", "text": ""}),
        json.dumps({"id": "huge-line", "text": "x" * HUGE}),
    ]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


BAD_INPUTS = [
    ("empty", "empty text"),
    ("image", "binary data"),
    ("cp1256", "not UTF-8"),
    ("huge", "file of 20 MB, larger than 5 MB"),
    ("{inputs}/none.jsonl", "empty file: no documents"),
    ("docs.jsonl:2", "not valid JSON"),
    ("no-text", "missing 'text'"),
    ("klingon", "unknown language 'tlh'"),
    ("bad-date", "'published' is not a YYYY-MM-DD date: 'last Tuesday'"),
    ("[/red] markup", "empty text"),
    ("huge-line", "line 7 of docs.jsonl is 20 MB, larger than 5 MB"),
]


def test_ingest_names_every_bad_document_and_stores_the_others(run, tmp_path):
    inputs = tmp_path / "inputs"
    _write_bad_inputs(inputs)
    result = run("ingest", str(inputs))
    assert result.exit_code == 0, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("error: ")]
    for document, problem in BAD_INPUTS:
        name = document.format(inputs=inputs)
        (line,) = [p for p in problems if p.startswith(f"error: {name}: ")]
        assert problem in line
    assert len(problems) == len(BAD_INPUTS)
    assert f"ingested: 2 added, {len(BAD_INPUTS)} error" in result.output


def test_strict_ingest_fails_on_a_conflict_and_keeps_the_stored_text(run, database_url, tmp_path):
    assert run("ingest", str(SEEDS)).exit_code == 0
    seed = sorted(SEEDS.glob("*.txt"))[0]
    other = tmp_path / "other.jsonl"
    other.write_text(
        json.dumps({"id": seed.stem, "text": "نص آخر"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "new", "text": "زار الرئيس بغداد"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    lenient = run("ingest", str(other))
    assert lenient.exit_code == 0
    assert f"conflict: {seed.stem}: already stored with a different text" in lenient.output
    strict = run("ingest", "--strict", str(other), str(SEEDS))
    assert strict.exit_code == 1
    assert f"conflict: {seed.stem}: " in strict.output
    assert "strict: 1 documents not stored as given" in strict.output
    assert "ingested: 1 conflict, 6 unchanged" in strict.output
    engine = make_engine(database_url)
    with engine.connect() as conn:
        stored = conn.scalar(select(m.Document.text).where(m.Document.external_id == seed.stem))
    engine.dispose()
    assert stored == seed.read_text(encoding="utf-8")


def test_export_filters_by_the_options_the_api_takes(run):
    run("ingest", str(SEEDS))
    result = run("export", "--what", "visits", "--from", "2019-01-01", "--to", "2019-01-31")
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--what", "people", "--official", "x"], "--official"),
        (["--what", "visits", "--kind", "mou"], "--kind"),
        (["--what", "visits", "--country", "IRQ", "--country", "IRN"], "--country"),
        (["--what", "visits", "--host-country", "Iraq"], "--host-country"),
        (["--what", "visits", "--from", "2020-02-01", "--to", "2020-01-01"], "--to"),
        (["--what", "visits", "--from", "March"], "--from"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_export_refuses_filters_that_do_not_apply(database_url, monkeypatch, args, complaint):
    monkeypatch.setenv("VISITKB_DATABASE_URL", database_url)
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 2
    assert complaint in result.output


def test_seed_gazetteer_reports_and_is_idempotent(run, tmp_path, monkeypatch):
    first = run("db", "seed-gazetteer")
    assert first.exit_code == 0
    assert "0 people added, 0 updated" in first.output  # `db upgrade` seeded it already
    (tmp_path / "TUV.yaml").write_text(
        "country: TUV\npeople:\n  - id: test-president\n    names: {en: [Test], ar: [اختبار]}\n"
        "    terms: [{role: president, start: 2031-01-01, end: null}]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISITKB_GAZETTEER_DIR", str(tmp_path))
    assert "1 people added, 0 updated" in run("db", "seed-gazetteer").output
    assert "0 people added, 0 updated" in run("db", "seed-gazetteer").output


def test_a_bad_gazetteer_folder_is_reported(run, tmp_path, monkeypatch):
    (tmp_path / "IRQ.yaml").write_text(
        "country: IRQ\npeople:\n  - id: test-president\n    names: {en: [Test]}\n"
        "    terms: [{role: tsar, start: 2031-02-30, end: null}]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISITKB_GAZETTEER_DIR", str(tmp_path))
    for command in (["db", "seed-gazetteer"], ["db", "upgrade"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1
        assert "the officials gazetteer has 1 problem(s)" in result.output
        assert "IRQ.yaml: not a date (YYYY-MM-DD): day is out of range for month" in result.output
