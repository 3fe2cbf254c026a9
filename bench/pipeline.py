"""Documents per second of the full extraction pipeline against a bare spaCy tokenisation pass.

Run: ``uv run python bench/pipeline.py [DOCS.jsonl ...] [--repeat N]``
(default: the seeds and the development corpus in ../shared/corpus).

The rates are measured in the same run over the same texts, per language, each as the best of
``--rounds`` rounds timed in CPU time of this process, the passes taking turns within each
round (the machine is shared: wall time is noisy, and a slow spell then slows all passes
alike). The full pipeline (spaCy components, then visit assembly) runs as ingestion runs it,
in batches (``extract_batch``, ``visitkb.ingest.EXTRACT_BATCH`` documents at a time), and, for
comparison, one document at a time (``extract``); the goal is the batched rate at one third or
more of the bare ``spacy.blank`` rate (its ``pipe`` over the same texts). Pipelines are built
and warmed up before timing.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from visitkb.documents.read import make_document
from visitkb.ingest import EXTRACT_BATCH
from visitkb.mentions.pipeline import build_pipeline
from visitkb.visits.extract import extract, extract_batch

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_INPUTS = [CORPUS / "seeds" / "docs.jsonl", CORPUS / "dev" / "docs.jsonl"]
GOAL = 1 / 3


def _seconds(items: list, run: Callable[[Any], object]) -> float:
    """CPU seconds of one pass of ``run`` over ``items``."""
    start = time.process_time()
    for item in items:
        run(item)
    return time.process_time() - start


def _fastest(rounds: int, passes: dict[str, tuple[list, Callable[[Any], object]]]) -> dict:
    """The fastest of ``rounds`` passes of each, in seconds; the passes take turns within a
    round, so a slow spell of the shared machine slows all of them alike."""
    fastest = dict.fromkeys(passes, float("inf"))
    for _ in range(rounds):
        for name, (items, run) in passes.items():
            fastest[name] = min(fastest[name], _seconds(items, run))
    return fastest


def _tokenise(nlp: Language, texts: list[str]) -> list[Doc]:
    return list(nlp.pipe(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts per round")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds; the best counts")
    args = parser.parse_args()
    docs = [
        make_document(json.loads(line), origin=str(path))
        for path in args.inputs
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    print(
        f"{'lang':5} {'docs':>5} {'bare docs/s':>12} {'full docs/s':>12} {'ratio':>6}"
        f" {'one at a time':>14} {'ratio':>6}  goal"
    )
    for lang in sorted({d.lang for d in docs}):
        mine = [d for d in docs if d.lang == lang] * args.repeat
        texts = [d.text for d in mine]
        batches = [mine[k : k + EXTRACT_BATCH] for k in range(0, len(mine), EXTRACT_BATCH)]
        bare = spacy.blank(lang)
        build_pipeline(lang)
        for doc in mine[:5]:  # warm up caches and lazy tables
            bare(doc.text)
            extract(doc)
        seconds = _fastest(
            args.rounds,
            {
                "bare": ([texts], functools.partial(_tokenise, bare)),
                "full": (batches, extract_batch),
                "single": (mine, extract),
            },
        )
        bare_rate, full_rate, single_rate = (len(mine) / s for s in seconds.values())
        ratio, single_ratio = full_rate / bare_rate, single_rate / bare_rate
        verdict = "met" if ratio >= GOAL else "not met"
        rates = f"{bare_rate:>12.0f} {full_rate:>12.0f} {ratio:>6.2f}"
        single = f"{single_rate:>14.0f} {single_ratio:>6.2f}"
        print(f"{lang:5} {len(mine):>5} {rates} {single}  {verdict}")


if __name__ == "__main__":
    main()
