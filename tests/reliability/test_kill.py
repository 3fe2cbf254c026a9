"""An ingest killed with SIGKILL at random moments loses nothing and resumes to the same result."""

from __future__ import annotations

import os
import random
import time

from sqlalchemy import func, select

from visitkb.database import models as m

from .conftest import CORPUS_PATHS, start_ingest
from .snapshot import (
    inconsistencies,
    read_exports,
    row_counts,
    unresolved_claims,
    without_numbering,
)

KILLS = 5
RESOLVING_KILLS = 2
# Seconds a killed process may take to go, and a resumed ingest to finish.
EXIT_TIMEOUT = 10
RESUME_TIMEOUT = 120


def _documents(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(m.Document))


def test_killed_ingests_leave_whole_documents_and_resume_to_the_same_result(
    reference, synthetic_extraction, new_database, engine_for, tmp_path
):
    seed = int(os.environ.get("VISITKB_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    url = new_database()
    engine = engine_for(url)
    kills = []
    for run in range(KILLS):
        # A random moment of what is left to do: the first kills aim at storing the documents
        # left, the last ones at resolving after them.
        left = 1 - _documents(engine) / reference.documents
        storing = reference.storing_seconds * left
        if left and run < KILLS - RESOLVING_KILLS:
            phase, delay = "storing", rng.uniform(0, storing)
        else:
            phase, delay = "resolving", storing + rng.uniform(0, reference.resolving_seconds)
        process = start_ingest(url, CORPUS_PATHS, tmp_path / f"run-{run}.log")
        time.sleep(delay)
        working = process.is_alive()
        process.kill()  # SIGKILL
        process.join(EXIT_TIMEOUT)
        assert inconsistencies(engine) == [], f"seed {seed}, kill {run}"
        kills.append(
            f"{phase} {delay:.2f} s: {_documents(engine)}" + ("" if working else " (done)")
        )

    resumed = start_ingest(url, CORPUS_PATHS, tmp_path / "resumed.log")
    resumed.join(RESUME_TIMEOUT)
    assert resumed.exitcode == 0, (tmp_path / "resumed.log").read_text()
    with engine.connect() as conn:
        assert unresolved_claims(conn) == 0
    assert inconsistencies(engine) == []
    assert row_counts(engine) == reference.row_counts
    assert without_numbering(read_exports(engine)) == reference.exports
    print(f"kill seed {seed}; documents stored after each kill: {'; '.join(kills)}")
