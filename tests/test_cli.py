"""The visitkb command as a user runs it."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from visitkb.cli import app

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
