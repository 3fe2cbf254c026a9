"""Seconds of a knowledge rebuild as the knowledge base grows.

Every ingest ends with ``knowledge.rebuild``, a pure function of all stored claims; this
measures it on synthetic knowledge bases (bench/synthetic.py) of growing size, twice each: the
first rebuild after the build, then one with nothing changed (what a write that adds little
costs). Times per visit that stay flat as the size grows mean the rebuild scales linearly.

    uv run python bench/rebuild.py --visits 1000 5000 20000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import synthetic

from visitkb.database import make_engine
from visitkb.database.knowledge import rebuild


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    print(f"{'visits':>8} {'first s':>9} {'again s':>9} {'ms/visit':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.visits:
            path = Path(folder) / f"kb{size}.sqlite3"
            synthetic.build(path, size)
            engine = make_engine(f"sqlite:///{path}")
            timings = []
            for _ in range(2):
                start = time.perf_counter()
                rebuild(engine)
                timings.append(time.perf_counter() - start)
            engine.dispose()
            first, again = timings
            print(f"{size:>8} {first:>9.2f} {again:>9.2f} {1000 * again / size:>9.2f}")


if __name__ == "__main__":
    main()
