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
# Seconds a killed process may take to go, and a resumed ingest to finish.
EXIT_TIMEOUT = 10
RESUME_TIMEOUT = 120
# Once every document is stored, resolution is left: kills aim at its share of the work too.
MIN_LEFT = 0.2


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
    killed_while_working, stored_at_kill = [], []
    for run in range(KILLS):
        # A random moment of what is left: the documents not stored yet, then resolution.
        left = max(1 - _documents(engine) / reference.documents, MIN_LEFT)
        process = start_ingest(url, CORPUS_PATHS, tmp_path / f"run-{run}.log")
        time.sleep(rng.uniform(0, reference.seconds * left))
        killed_while_working.append(process.is_alive())
        process.kill()  # SIGKILL
        process.join(EXIT_TIMEOUT)
        assert inconsistencies(engine) == [], f"seed {seed}, kill {run}"
        stored_at_kill.append(_documents(engine))

    resumed = start_ingest(url, CORPUS_PATHS, tmp_path / "resumed.log")
    resumed.join(RESUME_TIMEOUT)
    assert resumed.exitcode == 0, (tmp_path / "resumed.log").read_text()
    with engine.connect() as conn:
        assert unresolved_claims(conn) == 0
    assert inconsistencies(engine) == []
    assert row_counts(engine) == reference.row_counts
    assert without_numbering(read_exports(engine)) == reference.exports
    print(
        f"kill seed {seed}: {sum(killed_while_working)}/{KILLS} kills during the work "
        f"({reference.seconds:.2f} s uninterrupted); documents stored at each kill: "
        f"{stored_at_kill}"
    )
