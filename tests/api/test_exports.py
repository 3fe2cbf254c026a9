"""GET /export/...: streamed downloads equal to `visitkb export`, filtered like the listings."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from visitkb.cli import app

CASES = [
    ("visits", {}, []),
    ("visits", {"official": "सामी राशिद"}, ["--official", "सामी राशिद"]),
    (
        "visits",
        {"country": "EGY", "from": "2018-01-01", "sort": "-date"},
        ["--country", "EGY", "--from", "2018-01-01", "--sort", "-date"],
    ),
    ("visits", {"lang": "ar", "q": "بغداد"}, ["--lang", "ar", "--q", "بغداد"]),
    ("people", {}, []),
    ("people", {"country": "IND"}, ["--country", "IND"]),
    ("agreements", {}, []),
    ("agreements", {"country": ["IRQ", "EGY"]}, ["--country", "IRQ", "--country", "EGY"]),
    (
        "agreements",
        {"kind": "agreement", "to": "2020-12-31"},
        ["--kind", "agreement", "--to", "2020-12-31"],
    ),
]


@pytest.fixture
def cli_export(database_url, monkeypatch, tmp_path):
    """Run `visitkb export` on the test database; return the bytes of the file it writes."""
    monkeypatch.setenv("VISITKB_DATABASE_URL", database_url)

    def run(*args: str) -> bytes:
        out = tmp_path / "export.out"
        result = CliRunner().invoke(app, ["export", *args, "-o", str(out)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return out.read_bytes()

    return run


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
@pytest.mark.parametrize(("what", "params", "options"), CASES, ids=lambda v: str(v))
def test_api_export_gives_the_cli_bytes(kb, kb_client, cli_export, what, params, options, fmt):
    response = kb_client.get(f"/export/{what}", params=params | {"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="{what}.{fmt}"'
    assert response.content == cli_export("--what", what, "--format", fmt, *options)
    assert response.content.endswith(b"\n")


def test_csv_export_has_one_row_per_record_under_the_header(kb, kb_client):
    response = kb_client.get("/export/visits", params={"format": "csv", "official": "لينا حداد"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["id"]) for r in rows] == [kb.visits[k] for k in ("V1", "V5", "V4", "V6")]
    v1 = rows[0]
    assert (v1["guest"], v1["participants"], v1["documents"]) == (
        "Sami Rashid",
        "Lina Haddad",
        "ar-1; hi-1",
    )
    assert v1["agreements"] == "14 mou (ar-1); 15 mou (hi-1)"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"official": "Lina Haddad"},
        {"country": "IRQ", "status": "occurred"},
        {"to": "2019-12-31"},
    ],
    ids=str,
)
def test_export_holds_what_the_listing_pages_through(kb_client, params):
    listed, cursor = [], None
    for _ in range(10):
        query = params | {"sort": "date", "limit": 2} | ({"cursor": cursor} if cursor else {})
        body = kb_client.get("/visits", params=query).json()
        listed += [v["id"] for v in body["data"]]
        cursor = body["next"]
        if cursor is None:
            break
    response = kb_client.get("/export/visits", params=params | {"format": "jsonl"})
    exported = [json.loads(line)["id"] for line in response.text.splitlines()]
    assert exported == listed


def test_json_export_is_one_array_of_full_records(kb, kb_client):
    records = kb_client.get("/export/visits", params={"format": "json", "document": "hi-1"}).json()
    (visit,) = records
    assert visit["id"] == kb.visits["V1"]
    assert [s["document"] for s in visit["sources"]] == ["ar-1", "hi-1"]


def test_empty_csv_export_is_the_header_alone(client):
    response = client.get("/export/agreements", params={"format": "csv"})
    assert response.text == (
        "visit,guest_country,host_country,start_date,count,kind,document,"
        "evidence_start,evidence_end,evidence,conflicting\n"
    )


def test_bad_export_parameters_are_422_problems(kb_client):
    for url, params in [
        ("/export/visits", {"format": "xml"}),
        ("/export/visits", {"country": "XYZ"}),
        ("/export/people", {"role": ""}),
        ("/export/agreements", {"country": ["A", "B", "C"]}),
    ]:
        response = kb_client.get(url, params=params)
        assert response.status_code == 422, (url, params)
        assert response.headers["content-type"] == "application/problem+json"
