"""A short run of the load test of bench/load.py: `visitkb serve` in its own process on
loopback, 8 clients reading a mix of listings, details, exports and pages for 3 seconds, then
reading again while a batch of new documents is ingested through the API. No request may fail
and the ingest must land. (The figures of the full run, 30 s and 32 clients, are in
docs/reliability.md; speed is measured in bench/, never asserted here.)
"""

from __future__ import annotations

import asyncio
import importlib.util
import secrets
import sys

import httpx

from ..conftest import ROOT, SEEDS

DURATION_SECONDS = 3
CONNECTIONS = 8
DOCUMENTS = 2


def _bench_load():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_reads_and_a_concurrent_ingest_lose_no_request(database_url):
    bench = _bench_load()
    token = secrets.token_urlsafe(16)
    seeds = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    with bench.serving(database_url, token) as base:
        added = httpx.post(
            f"{base}/documents",
            json=seeds,
            headers={"Authorization": f"Bearer {token}"},
            timeout=bench.INGEST_TIMEOUT_SECONDS,
        ).json()["counts"]
        assert added == {"added": len(seeds)}
        reads, during, ingest = asyncio.run(
            bench.load(base, token, DURATION_SECONDS, CONNECTIONS, DOCUMENTS)
        )
    for phase in (reads, during):
        print(phase.summary())
        assert phase.failures == []
        assert phase.requests > CONNECTIONS
        assert {"visits", "visit", "people", "agreements", "export", "page"} <= phase.by_kind.keys()
    assert ingest.counts == {"added": DOCUMENTS}, ingest.error
    assert ingest.landed
