"""A bounded load test of `visitkb serve` on loopback: mixed reads, then reads during an ingest.

Serves a knowledge base (a synthetic SQLite one of N visits from bench/synthetic.py, or any
migrated database given by URL) with `visitkb serve` in its own process, then:

1. *reads*: C clients (httpx, asynchronous, one connection each) send a mix of reads for D
   seconds: visit listings with filters (a country, an official by name, a date range, free
   text, oldest first, a second page), visit details, people (listing, name search, details),
   agreements, documents, stats, filtered exports (CSV and JSON Lines) and the home page;
2. *reads during an ingest*: the same clients read again while a writer POSTs a batch of new
   documents with the token (extraction, storage and the rebuild of the knowledge, in the
   server), until the ingest has answered and for at least D seconds.

Every request must succeed (2xx, the whole body read); a failure is any other status or a
transport error. The ingest must report each document `added` and each must then be served.
Prints the figures (requests, failures, req/s, p50/p99 latency) and exits 1 on any failure.

    uv run python bench/load.py --visits 20000 --duration 30 --connections 32
    uv run python bench/load.py --database-url postgresql+psycopg://postgres@127.0.0.1/kb
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import BIN, HOST, running

# An ingest extracts with spaCy (loading its pipelines on first use) and rebuilds the knowledge.
INGEST_TIMEOUT_SECONDS = 600
READ_TIMEOUT_SECONDS = 60
# New documents for the ingest: invented reports in both languages, each naming a visit.
REPORTS = {
    "ar": "زار الرئيس المصري سامي راشد بغداد يوم {day} مارس {year} والتقى رئيس الوزراء العراقي "
    "ووقع الجانبان {count} مذكرات تفاهم.",
    "hi": "प्रधानमंत्री रवि कुमार ने {day} मार्च {year} को इराक की दो दिवसीय यात्रा की और "
    "{count} समझौतों पर हस्ताक्षर किए।",
}


@dataclass
class Phase:
    """What the clients saw in one phase."""

    name: str
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + len(self.failures)

    def summary(self) -> dict[str, object]:
        cuts = statistics.quantiles(self.latencies_ms, n=100) if len(self.latencies_ms) > 1 else []
        return {
            "phase": self.name,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "failures": len(self.failures),
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(cuts[49], 1) if cuts else None,
            "p99_ms": round(cuts[98], 1) if cuts else None,
            "by_kind": dict(sorted(self.by_kind.items())),
            "first_failures": self.failures[:5],
        }


@dataclass
class Ingest:
    """What the writer saw."""

    documents: int
    seconds: float = 0.0
    status: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    served: int = 0
    error: str | None = None

    @property
    def landed(self) -> bool:
        return self.counts == {"added": self.documents} and self.served == self.documents


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def serving(database_url: str, token: str) -> Iterator[str]:
    """`visitkb serve` over ``database_url`` on a free loopback port; yields its base URL."""
    port = free_port()
    env = os.environ | {"VISITKB_DATABASE_URL": database_url, "VISITKB_API_TOKEN": token}
    command = [str(BIN / "visitkb"), "serve", "--host", HOST, "--port", str(port)]
    base = f"http://{HOST}:{port}"
    with running(command, env, f"{base}/healthz"):
        yield base


def read_mix(base: str) -> list[tuple[str, str]]:
    """The reads the clients choose from, as (kind, path), from what the knowledge base holds."""
    with httpx.Client(base_url=base, timeout=READ_TIMEOUT_SECONDS) as api:
        visits = api.get("/visits", params={"limit": 200}).json()
        people = api.get("/people", params={"limit": 100}).json()["data"]
        documents = api.get("/documents", params={"limit": 50}).json()["data"]
    rows = visits["data"]
    if not rows or not people or not documents:
        raise RuntimeError("the knowledge base is empty: nothing to read")
    rng = random.Random(7)
    person = rng.choice(people)
    visit = rows[len(rows) // 2]
    day = next((v["start_date"] for v in rows if v["start_date"]), "2019-03-10")
    month = (day[:8] + "01", day[:8] + "28")
    mix = [
        ("visits", "/visits"),
        ("visits", f"/visits?{urlencode({'country': visit['host_country']})}"),
        ("visits", f"/visits?{urlencode({'official': person['name']})}"),
        ("visits", f"/visits?{urlencode({'from': month[0], 'to': month[1]})}"),
        ("visits", f"/visits?{urlencode({'q': person['name'][:3]})}"),
        ("visits", "/visits?sort=date&limit=20"),
        ("visit", f"/visits/{visit['id']}"),
        ("visit", f"/visits/{rows[0]['id']}"),
        ("people", f"/people?{urlencode({'q': person['name'][:3]})}"),
        ("people", "/people"),
        ("person", f"/people/{person['id']}"),
        ("agreements", f"/agreements?{urlencode({'country': visit['guest_country']})}"),
        ("documents", f"/documents/{documents[0]['id']}"),
        ("stats", "/stats"),
        ("export", f"/export/visits?{urlencode({'official': person['id'], 'format': 'csv'})}"),
        ("export", f"/export/agreements?{urlencode({'country': visit['host_country']})}"),
        ("page", "/"),
    ]
    if visits["next"]:
        mix.append(("visits", f"/visits?{urlencode({'cursor': visits['next'], 'limit': 200})}"))
    return mix


async def _read_until(
    client: httpx.AsyncClient, mix: list[tuple[str, str]], phase: Phase, done: asyncio.Event
) -> None:
    rng = random.Random()
    while not done.is_set():
        kind, path = rng.choice(mix)
        started = time.perf_counter()
        try:
            response = await client.get(path)
        except httpx.HTTPError as error:
            phase.failures.append(f"{path}: {type(error).__name__}: {error}")
            continue
        if response.status_code // 100 != 2:
            phase.failures.append(f"{path}: {response.status_code} {response.text[:200]}")
            continue
        phase.latencies_ms.append((time.perf_counter() - started) * 1000)
        phase.by_kind[kind] = phase.by_kind.get(kind, 0) + 1


def new_documents(count: int) -> list[dict[str, str]]:
    """``count`` new reports, half in Arabic and half in Hindi, with ids no run used before."""
    run = secrets.token_hex(4)
    documents = []
    for n in range(count):
        lang = "ar" if n % 2 == 0 else "hi"
        text = REPORTS[lang].format(day=1 + n % 28, year=2015 + n % 10, count=2 + n % 7)
        documents.append(
            {"id": f"load-{run}-{n}", "lang": lang, "text": f"{text} ({run}-{n})",
             "published": f"{2015 + n % 10}-03-{1 + n % 28:02d}"}
        )  # fmt: skip
    return documents


async def _ingest(
    client: httpx.AsyncClient, token: str, documents: list[dict[str, str]], ingest: Ingest
) -> None:
    started = time.perf_counter()
    try:
        response = await client.post(
            "/documents",
            json=documents,
            headers={"Authorization": f"Bearer {token}"},
            timeout=INGEST_TIMEOUT_SECONDS,
        )
        ingest.status = response.status_code
        if response.status_code == 200:
            ingest.counts = response.json()["counts"]
        else:
            ingest.error = response.text[:500]
    except httpx.HTTPError as error:
        ingest.error = f"{type(error).__name__}: {error}"
    ingest.seconds = time.perf_counter() - started


async def load(
    base: str, token: str, duration: float, connections: int, documents: int
) -> tuple[Phase, Phase, Ingest]:
    """Both phases against the server at ``base``, which takes writes with ``token``."""
    mix = read_mix(base)
    limits = httpx.Limits(max_connections=connections + 1, max_keepalive_connections=connections)
    timeout = httpx.Timeout(READ_TIMEOUT_SECONDS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        reads = Phase("reads")
        done = asyncio.Event()
        started = time.perf_counter()
        readers = [
            asyncio.create_task(_read_until(client, mix, reads, done)) for _ in range(connections)
        ]
        await asyncio.sleep(duration)
        done.set()
        await asyncio.gather(*readers)
        reads.seconds = time.perf_counter() - started

        during = Phase("reads during an ingest")
        batch = new_documents(documents)
        ingest = Ingest(documents=len(batch))
        done = asyncio.Event()
        started = time.perf_counter()
        readers = [
            asyncio.create_task(_read_until(client, mix, during, done)) for _ in range(connections)
        ]
        await asyncio.gather(_ingest(client, token, batch, ingest), asyncio.sleep(duration))
        done.set()
        await asyncio.gather(*readers)
        during.seconds = time.perf_counter() - started
        for document in batch:
            response = await client.get(f"/documents/{document['id']}")
            ingest.served += (
                response.status_code == 200 and response.json()["text"] == document["text"]
            )
    return reads, during, ingest


def run_load(
    database_url: str, *, duration: float, connections: int, documents: int
) -> tuple[Phase, Phase, Ingest]:
    """Serve ``database_url`` and run both phases against it."""
    token = secrets.token_urlsafe(16)
    with serving(database_url, token) as base:
        return asyncio.run(load(base, token, duration, connections, documents))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="A migrated knowledge base (default: synthetic)")
    parser.add_argument("--visits", type=int, default=20_000, help="Visits of the synthetic one")
    parser.add_argument("--duration", type=float, default=30, help="Seconds of each phase")
    parser.add_argument("--connections", type=int, default=32, help="Concurrent clients")
    parser.add_argument("--documents", type=int, default=8, help="Documents in the ingest")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url
        if url is None:
            import synthetic

            path = Path(folder) / "kb.sqlite3"
            started = time.perf_counter()
            synthetic.build(path, args.visits)
            print(f"synthetic knowledge base of {args.visits} visits built in "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
            url = f"sqlite:///{path}"
        reads, during, ingest = run_load(
            url, duration=args.duration, connections=args.connections, documents=args.documents
        )
    figures = {
        "database": url.split(":", 1)[0],
        "visits": args.visits if args.database_url is None else None,
        "connections": args.connections,
        "phases": [reads.summary(), during.summary()],
        "ingest": asdict(ingest) | {"landed": ingest.landed},
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    if reads.failures or during.failures or not ingest.landed:
        sys.exit(1)


if __name__ == "__main__":
    main()
