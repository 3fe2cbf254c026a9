"""visitkb's API against Datasette on the same synthetic SQLite knowledge base, in one run.

Builds (or reuses) a synthetic knowledge base of N visits (bench/synthetic.py), starts
`visitkb serve` and `datasette serve` on that file (one uvicorn worker each), then for each
workload and round measures requests per second and p50/p99 latency with wrk (4 connections,
fixed duration; a small httpx client when wrk is missing), alternating the two servers. Last,
each server streams a full CSV export of the visits while its peak resident memory is read from
/proc. Prints a Markdown table and writes the figures as JSON.

    uv run python bench/api.py --visits 100000 --duration 10 --rounds 3

Speed is judged as the ratio visitkb / Datasette measured in the same run, never as an absolute.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic
from servers import BIN, HOST, running

# The ports this benchmark may use on this machine (visitkb, Datasette).
PORTS = {"visitkb": 8103, "datasette": 8104}
PAGE = 50
DATE_RANGE = ("2019-03-01", "2019-03-31")
# A typical frequent traveller: the official whose visit count is nearest this.
OFFICIAL_VISITS = 100


@dataclass(frozen=True)
class Workload:
    name: str
    visitkb: str
    datasette: str


@dataclass
class Measure:
    server: str
    workload: str
    round: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


def choose_workloads(db: Path) -> list[Workload]:
    """The query workloads, with parameters read from the data (deterministic for a seed)."""
    conn = sqlite3.connect(db)
    person, arabic, visits = conn.execute(
        """SELECT p.id, n.name, count(*) FROM visits v JOIN people p ON p.id = v.guest_id
           JOIN person_names n ON n.person_id = p.id AND n.script = 'Arab'
           GROUP BY p.id ORDER BY abs(count(*) - ?), p.id LIMIT 1""",
        (OFFICIAL_VISITS,),
    ).fetchone()
    (country,) = conn.execute(
        """SELECT c FROM (SELECT v.host_country AS c, count(*) AS n FROM agreement_claims a
           JOIN visit_sources s ON s.id = a.visit_source_id JOIN visits v ON v.id = s.visit_id
           GROUP BY v.host_country ORDER BY n) LIMIT 1 OFFSET 30"""
    ).fetchone()
    conn.close()
    table = f"/{db.stem}/visits.json"
    light = {"_size": PAGE, "_nocount": 1, "_nofacet": 1, "_nosuggest": 1}
    agreements_sql = (
        "SELECT a.id, a.count, a.kind, a.start, a.end, a.text, s.visit_id, d.external_id, "
        "v.guest_country, v.host_country, v.start_date FROM agreement_claims a "
        "JOIN visit_sources s ON s.id = a.visit_source_id JOIN visits v ON v.id = s.visit_id "
        "JOIN documents d ON d.id = s.document_id WHERE v.guest_country = :c OR "
        "v.host_country = :c ORDER BY v.window_start DESC, a.id DESC LIMIT 51"
    )
    print(
        f"workloads: {DATE_RANGE[0]}..{DATE_RANGE[1]}; official #{person} ({visits} visits as "
        f"guest) written {arabic!r}; agreements of {country}",
        file=sys.stderr,
    )
    return [
        Workload(
            "visits in a date range (one month, newest first)",
            "/visits?" + urlencode({"from": DATE_RANGE[0], "to": DATE_RANGE[1], "limit": PAGE}),
            table
            + "?"
            + urlencode(
                {"start_date__gte": DATE_RANGE[0], "start_date__lte": DATE_RANGE[1]}
                | {"_sort_desc": "start_date"}
                | light
            ),
        ),
        Workload(
            "visits of one official (by Arabic name; Datasette by guest id)",
            "/visits?" + urlencode({"official": arabic, "limit": PAGE}, quote_via=quote),
            table + "?" + urlencode({"guest_id": person, "_sort_desc": "start_date"} | light),
        ),
        Workload(
            "agreements of one country",
            "/agreements?" + urlencode({"country": country, "limit": PAGE}),
            f"/{db.stem}.json?" + urlencode({"sql": agreements_sql, "c": country}),
        ),
    ]


@contextmanager
def serving(name: str, db: Path) -> Iterator[int]:
    """Start one server on its port; yield its process id; stop it."""
    port = PORTS[name]
    if name == "visitkb":
        command = [str(BIN / "visitkb"), "serve", "--host", HOST, "--port", str(port)]
        env = os.environ | {"VISITKB_DATABASE_URL": f"sqlite:///{db}"}
    else:
        command = [str(BIN / "datasette"), "serve", str(db), "--host", HOST, "--port", str(port)]
        command += ["--setting", "max_csv_mb", "0", "--setting", "sql_time_limit_ms", "10000"]
        env = dict(os.environ)
    with running(command, env, f"http://{HOST}:{port}/") as pid:
        yield pid


_WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url: str, duration: int, connections: int) -> tuple[float, float, float, int]:
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = {p: float(v) * _UNIT_MS[u] for p, v, u in _WRK_LATENCY.findall(out)}
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    failed = re.search(r"Socket errors:.*?read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, failed.groups())) if failed else 0)
    return rate, latency["50"], latency["99"], errors


async def _client_load(url: str, duration: int, connections: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + duration
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=connections)) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status_code != 200

        await asyncio.gather(*(worker() for _ in range(connections)))
    return latencies, errors


def run_client(url: str, duration: int, connections: int) -> tuple[float, float, float, int]:
    """The fallback load generator: bounded by time, ``connections`` requests in flight."""
    latencies, errors = asyncio.run(_client_load(url, duration, connections))
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / duration, cuts[49], cuts[98], errors


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size so far (VmHWM), in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def time_export(url: str) -> tuple[float, int]:
    """Seconds to stream ``url`` to the end, and its size in bytes."""
    started = time.perf_counter()
    size = 0
    with httpx.stream("GET", url, timeout=600) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            size += len(chunk)
    return time.perf_counter() - started, size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/visitkb-bench.sqlite3"))
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="Regenerate the knowledge base")
    parser.add_argument("--duration", type=int, default=10, help="Seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--exports", type=int, default=3, help="Full CSV exports per server (0: none)"
    )
    parser.add_argument("--out", type=Path, default=Path("bench/results.json"))
    args = parser.parse_args(argv)

    if args.rebuild or not args.db.exists():
        counts = synthetic.build(args.db, args.visits)
        print(f"built {args.db}: {sum(counts.values()):,} rows", file=sys.stderr)
    workloads = choose_workloads(args.db)
    load = run_wrk if shutil.which("wrk") else run_client
    measures: list[Measure] = []
    exports: dict[str, dict[str, float]] = {}
    with serving("visitkb", args.db) as visitkb_pid, serving("datasette", args.db) as ds_pid:
        pids = {"visitkb": visitkb_pid, "datasette": ds_pid}
        for workload in workloads:  # warm both servers and check every URL answers
            for server in PORTS:
                url = _url(server, workload)
                response = httpx.get(url, timeout=60)
                assert response.status_code == 200, (url, response.status_code, response.text)
                run_client(url, 1, 1)
        for round_ in range(1, args.rounds + 1):
            for workload in workloads:
                for server in PORTS if round_ % 2 else reversed(PORTS):
                    rate, p50, p99, errors = load(
                        _url(server, workload), args.duration, args.connections
                    )
                    measures.append(Measure(server, workload.name, round_, rate, p50, p99, errors))
                    print(f"round {round_} {server:9} {rate:8.0f} req/s  p50 {p50:6.2f} ms  "
                          f"p99 {p99:6.2f} ms  {workload.name}", file=sys.stderr)  # fmt: skip
        export_urls = {
            "visitkb": f"http://{HOST}:{PORTS['visitkb']}/export/visits?format=csv",
            "datasette": f"http://{HOST}:{PORTS['datasette']}/{args.db.stem}/visits.csv"
            "?_stream=on&_size=max",
        }
        for server, url in export_urls.items() if args.exports else ():
            before = peak_rss_mb(pids[server])
            runs = [time_export(url) for _ in range(args.exports)]
            exports[server] = {
                "seconds": statistics.median(s for s, _ in runs),
                "bytes": runs[0][1],
                "rss_before_mb": before,
                "peak_rss_mb": peak_rss_mb(pids[server]),
            }
            print(f"export {server}: {exports[server]}", file=sys.stderr)
    report = summarise(workloads, measures, exports, args, load is run_wrk)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {"measures": [asdict(m) for m in measures], "exports": exports, "table": report},
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


def _url(server: str, workload: Workload) -> str:
    path = workload.visitkb if server == "visitkb" else workload.datasette
    return f"http://{HOST}:{PORTS[server]}{path}"


def summarise(
    workloads: list[Workload],
    measures: list[Measure],
    exports: dict[str, dict[str, float]],
    args: argparse.Namespace,
    used_wrk: bool,
) -> str:
    """A Markdown table of medians over rounds, with the visitkb / Datasette ratio."""
    lines = [
        f"{args.visits:,} visits; {'wrk' if used_wrk else 'httpx client'}, "
        f"{args.connections} connections, {args.duration} s per measurement, "
        f"median of {args.rounds} rounds; one uvicorn worker per server.",
        "",
        "| workload | visitkb req/s | p50 / p99 ms | Datasette req/s | p50 / p99 ms | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for workload in workloads:
        cells = []
        rates = {}
        for server in PORTS:
            mine = [m for m in measures if m.server == server and m.workload == workload.name]
            rates[server] = statistics.median(m.requests_per_s for m in mine)
            p50 = statistics.median(m.p50_ms for m in mine)
            p99 = statistics.median(m.p99_ms for m in mine)
            errors = sum(m.errors for m in mine)
            cells += [f"{rates[server]:,.0f}" + (f" ({errors} errors)" if errors else ""),
                      f"{p50:.2f} / {p99:.2f}"]  # fmt: skip
        ratio = rates["visitkb"] / rates["datasette"]
        lines.append(f"| {workload.name} | {' | '.join(cells)} | {ratio:.2f}x |")
    lines += [
        "",
        "| full CSV export of the visits | seconds | MB | server RSS before | peak RSS |",
        "|---|---|---|---|---|",
    ]
    for server, figures in exports.items():
        lines.append(
            f"| {server} | {figures['seconds']:.2f} | {figures['bytes'] / 1e6:.1f} | "
            f"{figures['rss_before_mb']:.0f} MiB | {figures['peak_rss_mb']:.0f} MiB |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
