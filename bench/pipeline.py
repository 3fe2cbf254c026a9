"""Documents per second of the full extraction pipeline against a bare spaCy tokenisation pass.

Run: ``uv run python bench/pipeline.py [DOCS.jsonl ...] [--repeat N]``
(default: the seeds and the development corpus in ../shared/corpus).

Both rates are measured in the same run over the same texts, per language, each as the best of
``--rounds`` rounds timed in CPU time of this process (the machine is shared, so wall time is
noisy); the goal is the
full pipeline (``extract``: spaCy components, then visit assembly) at one third or more of the
bare ``spacy.blank`` rate. Pipelines are built and warmed up before timing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from visitkb.documents.read import make_document
from visitkb.mentions.pipeline import build_pipeline
from visitkb.visits.extract import extract

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_INPUTS = [CORPUS / "seeds" / "docs.jsonl", CORPUS / "dev" / "docs.jsonl"]
GOAL = 1 / 3


def _best(rounds: int, items: list, run: Callable[[Any], object]) -> float:
    """Items per second of the fastest of ``rounds`` passes of ``run`` over ``items``."""
    fastest = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            run(item)
        fastest = min(fastest, time.process_time() - start)
    return len(items) / fastest if fastest else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts per round")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best counts")
    args = parser.parse_args()
    docs = [
        make_document(json.loads(line), origin=str(path))
        for path in args.inputs
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    print(f"{'lang':5} {'docs':>5} {'bare docs/s':>12} {'full docs/s':>12} {'ratio':>6}  goal")
    for lang in sorted({d.lang for d in docs}):
        mine = [d for d in docs if d.lang == lang] * args.repeat
        bare = spacy.blank(lang)
        build_pipeline(lang)
        for doc in mine[:5]:  # warm up caches and lazy tables
            bare(doc.text)
            extract(doc)
        bare_rate = _best(args.rounds, [d.text for d in mine], bare)
        full_rate = _best(args.rounds, mine, extract)
        ratio = full_rate / bare_rate
        verdict = "met" if ratio >= GOAL else "not met"
        rates = f"{bare_rate:>12.0f} {full_rate:>12.0f} {ratio:>6.2f}"
        print(f"{lang:5} {len(mine):>5} {rates}  {verdict}")


if __name__ == "__main__":
    main()
