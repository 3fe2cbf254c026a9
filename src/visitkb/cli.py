"""The ``visitkb`` command: parse options, make one library call, report in plain words."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from visitkb import records
from visitkb.config import Settings
from visitkb.database import Connection, check_current, make_engine, queries, upgrade
from visitkb.database.gazetteer import SeedReport, seed_gazetteer
from visitkb.database.queries import Sort
from visitkb.documents import read_documents
from visitkb.errors import DatabaseNotReady, GazetteerError
from visitkb.evaluation import run_evaluation
from visitkb.export import Format, stream
from visitkb.ingest import PROBLEMS, DocumentReport, ingest
from visitkb.world.officials import load_officials

app = typer.Typer(help="visitkb: a knowledge base of diplomatic visits.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
err = Console(stderr=True, soft_wrap=True)

EXPORT_KINDS = {
    "visits": records.Visit,
    "people": records.PersonEntry,
    "agreements": records.AgreementEntry,
}


def _settings() -> Settings:
    return Settings.from_env()


def _ready_engine():
    engine = make_engine(_settings().database_url)
    try:
        check_current(engine)
    except DatabaseNotReady as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from None
    return engine


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema.

    Example: VISITKB_DATABASE_URL=postgresql://localhost/visitkb visitkb db upgrade
    """
    url = _settings().database_url
    try:
        report = upgrade(url)
    except GazetteerError as error:
        _gazetteer_failed(error)
    err.print(f"database ready: {make_engine(url).url.render_as_string(hide_password=True)}")
    _print_seed(report)


@db_app.command("seed-gazetteer")
def db_seed_gazetteer() -> None:
    """Load the officials gazetteer into the database; re-running changes nothing.

    Reads the shipped files and every folder in VISITKB_GAZETTEER_DIR (see docs/gazetteer.md);
    `db upgrade` does the same.

    Example: VISITKB_GAZETTEER_DIR=./my-officials visitkb db seed-gazetteer
    """
    engine = _ready_engine()
    try:
        report = seed_gazetteer(engine, load_officials())
    except GazetteerError as error:
        _gazetteer_failed(error)
    finally:
        engine.dispose()
    _print_seed(report)


def _gazetteer_failed(error: GazetteerError) -> NoReturn:
    err.print(f"[red]error:[/red] the officials gazetteer has {len(error.problems)} problem(s):")
    for problem in error.problems:
        err.print(f"  {problem}", markup=False)
    raise typer.Exit(1)


def _print_seed(report: SeedReport) -> None:
    err.print(
        f"gazetteer: {report.added} people added, {report.updated} updated, "
        f"{report.unchanged} unchanged"
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help=".txt files, .jsonl files, or folders of them")
    ],
    strict: Annotated[
        bool,
        typer.Option(
            help="Exit with status 1 if any document is not stored as given (an error or a "
            "conflict); the others are stored all the same"
        ),
    ] = False,
) -> None:
    """Read documents, extract their visits and store them; nothing is ingested twice.

    Every document that is not stored as given is named on stderr with what is wrong, as soon
    as its batch (32 documents, extracted together) is done; a summary follows.

    Example: visitkb ingest seeds/ ../shared/corpus/dev/docs.jsonl
    """
    engine = _ready_engine()
    total = _count_inputs(paths)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_document(entry: DocumentReport) -> None:
            progress.advance(task)
            if entry.outcome in PROBLEMS:
                _print_plain(f"{entry.outcome}: {entry.document}: {entry.detail}")

        report = ingest(engine, read_documents(paths), on_document=on_document)
    counts = report.counts
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
    _print_plain(f"ingested: {summary or 'no documents'}")
    if report.problems and strict:
        _print_plain(f"strict: {len(report.problems)} documents not stored as given")
        raise typer.Exit(1)


def _print_plain(line: str) -> None:
    """Print to stderr as is: ids and problems may hold [brackets] rich would read as markup."""
    err.print(line, markup=False, highlight=False)


def _count_inputs(paths: list[Path]) -> int | None:
    """About how many documents the inputs hold, for the progress bar (one a .txt or a line).

    Unreadable files count for nothing here: ingest reports them, by name.
    """
    total = 0
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".txt" and f.is_file():
                total += 1
            elif f.suffix == ".jsonl" and f.is_file() and not f.name.startswith("gold"):
                with suppress(OSError), f.open("rb") as handle:  # by chunks: a line may be huge
                    total += sum(
                        chunk.count(b"\n") for chunk in iter(partial(handle.read, 2**20), b"")
                    )
    return total or None


DAY = ["%Y-%m-%d"]


def _freeze_heap() -> None:
    """Exempt what exists now (modules, schemas, the app) from cyclic garbage collection.

    Long-running commands call this once set up: those objects live as long as the process, and
    the collector rescanning them slows exports and stalls requests (docs/performance.md).
    """
    gc.freeze()


# Which options filter which export (the API's listings take the same ones).
EXPORT_OPTIONS = {
    "visits": {"from", "to", "official", "guest", "participant", "guest_country",
               "host_country", "country", "status", "lang", "document", "q", "sort"},
    "people": {"name", "q", "country", "role"},
    "agreements": {"country", "guest_country", "host_country", "from", "to", "kind", "visit",
                   "document", "sort"},
}  # fmt: skip


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _export_records(what: str, options: dict[str, Any]) -> Callable[[Connection], Iterable[Any]]:
    """The query of ``what`` with the filters the options give; BadParameter for a misfit."""
    given = {name for name, value in options.items() if value not in (None, [])}
    misfits = sorted(given - EXPORT_OPTIONS[what])
    if misfits:
        raise typer.BadParameter(f"does not filter {what}", param_hint=_option(misfits[0]))
    countries = options["country"] or []
    if what != "agreements" and len(countries) > 1:
        raise typer.BadParameter(f"give one country for {what}", param_hint="--country")
    day = {k: options[k].date() if options[k] else None for k in ("from", "to")}
    sort = options["sort"] or Sort.date
    try:
        if what == "visits":
            visit_filters = queries.VisitFilters(
                date_from=day["from"],
                date_to=day["to"],
                country=countries[0] if countries else None,
                **{
                    k: options[k]
                    for k in EXPORT_OPTIONS["visits"] - {"from", "to", "country", "sort"}
                },
            )
            return lambda conn: queries.iter_visits(conn, visit_filters, sort)
        if what == "people":
            person_filters = queries.PersonFilters(
                name=options["name"],
                q=options["q"],
                country=countries[0] if countries else None,
                role=options["role"],
            )
            return lambda conn: queries.iter_people(conn, person_filters)
        agreement_filters = queries.AgreementFilters(
            countries=tuple(countries),
            date_from=day["from"],
            date_to=day["to"],
            **{
                k: options[k]
                for k in ("guest_country", "host_country", "kind", "visit", "document")
            },
        )
        return lambda conn: queries.iter_agreements(conn, agreement_filters, sort)
    except queries.FilterError as error:
        raise typer.BadParameter(error.message, param_hint=_option(error.name)) from None


@app.command("export")
def export_command(
    what: Annotated[str, typer.Option(help="visits, people or agreements")] = "visits",
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, csv or json")] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout)")
    ] = None,
    date_from: Annotated[
        datetime | None,
        typer.Option("--from", help="Visits reaching this day or later", formats=DAY),
    ] = None,
    date_to: Annotated[
        datetime | None,
        typer.Option("--to", help="Visits beginning this day or earlier", formats=DAY),
    ] = None,
    official: Annotated[
        str | None, typer.Option(help="Guest or participant: id or any-script name")
    ] = None,
    guest: Annotated[str | None, typer.Option(help="The travelling official: id or name")] = None,
    participant: Annotated[
        str | None, typer.Option(help="Someone the guest met: id or name")
    ] = None,
    guest_country: Annotated[str | None, typer.Option(help="ISO alpha-3 code")] = None,
    host_country: Annotated[str | None, typer.Option(help="ISO alpha-3 code")] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(help="Either side; for agreements repeat it for a pair", show_default=False),
    ] = None,
    status: Annotated[str | None, typer.Option(help="occurred or planned")] = None,
    lang: Annotated[str | None, typer.Option(help="Reported in this language")] = None,
    document: Annotated[str | None, typer.Option(help="Reported by this document id")] = None,
    q: Annotated[
        str | None, typer.Option("--q", help="Part of a person's or a place's name")
    ] = None,
    name: Annotated[str | None, typer.Option(help="People: a name in any script")] = None,
    role: Annotated[str | None, typer.Option(help="People: a role held")] = None,
    kind: Annotated[
        str | None, typer.Option(help="Agreements: agreement, mou, mixed or other")
    ] = None,
    visit: Annotated[int | None, typer.Option(help="Agreements: of this visit id")] = None,
    sort: Annotated[Sort | None, typer.Option(help="date (default) or -date")] = None,
) -> None:
    """Write structured records, filtered as the API's listings are (the same bytes as its exports).

    Example: visitkb export --what visits --format csv --official "सामी राशिद" --from 2023-01-01
    """
    if what not in EXPORT_OPTIONS:
        raise typer.BadParameter(f"choose one of {', '.join(EXPORT_OPTIONS)}", param_hint="--what")
    options = {
        "from": date_from, "to": date_to, "official": official, "guest": guest,
        "participant": participant, "guest_country": guest_country,
        "host_country": host_country, "country": country, "status": status, "lang": lang,
        "document": document, "q": q, "name": name, "role": role, "kind": kind, "visit": visit,
        "sort": sort,
    }  # fmt: skip
    records_of = _export_records(what, options)
    engine = _ready_engine()
    _freeze_heap()
    with engine.connect() as conn:
        chunks = stream(records_of(conn), fmt, EXPORT_KINDS[what])
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
            err.print(f"wrote {output}")


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Serve the web pages (at /) and the API (its OpenAPI docs at /docs).

    Example: visitkb serve --port 8000
    """
    import uvicorn

    from visitkb.api import create_app

    _ready_engine().dispose()
    err.print(f"visitkb serving on http://{host}:{port} (API docs: http://{host}:{port}/docs)")
    _freeze_heap()
    uvicorn.run(create_app(_settings()), host=host, port=port, log_level="warning")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


@app.command("eval")
def eval_command(
    docs: Annotated[list[Path], typer.Option("--docs", help="Documents (.jsonl), repeatable")],
    gold: Annotated[
        list[Path], typer.Option("--gold", help="Gold annotations (.jsonl), repeatable")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    misses: Annotated[bool, typer.Option(help="List every miss")] = True,
) -> None:
    """Ingest documents into a temporary knowledge base and score it against gold.

    Example: visitkb eval --docs corpus/dev/docs.jsonl --gold corpus/dev/gold.jsonl
    """
    report = run_evaluation(docs, gold)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out = Console(soft_wrap=True)
    for lang, scores in report.scores.items():
        table = Table("measure", "F1/acc", "P", "R", "right", "predicted", "gold/total")
        table.title = f"language: {lang}"
        for name, v in scores.as_dict().items():
            if "f1" in v:
                row = [v["f1"], v["precision"], v["recall"], v["tp"], v["predicted"], v["gold"]]
            else:
                row = [v["accuracy"], "", "", v["correct"], "", v["total"]]
            table.add_row(name, *(_cell(x) for x in row))
        out.print(table)
    ident = report.identity
    out.print(
        f"cross-document identity: {ident['one_identity']}/{ident['people_in_several_documents']}"
        f" = {ident['rate']:.3f}; split: {ident['split']}; merged: {ident['merged']}"
    )
    if misses:
        out.print(f"misses ({len(report.misses)}):")
        for line in report.misses:
            out.print(f"  {line}")
