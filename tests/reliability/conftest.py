"""Fixtures of the reliability tests: more than one knowledge base, ingest processes to kill."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.pool import NullPool

from visitkb.cli import app
from visitkb.database import knowledge, make_engine
from visitkb.documents import read_documents
from visitkb.ingest import ingest

from ..conftest import CORPUS, ON_POSTGRES, SEEDS, postgres_database
from .snapshot import read_exports, row_counts, without_numbering
from .synthetic import synthetic_extract_batch

# The corpus the kill and concurrency tests ingest: the seeds and the development set.
CORPUS_PATHS = (SEEDS, CORPUS / "dev" / "docs.jsonl")
# Forked, not spawned: a new interpreter would spend seconds importing before any work.
FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Reference:
    """The knowledge base an uninterrupted ingest of the corpus makes, with synthetic claims."""

    documents: int
    storing_seconds: float  # reading, extracting and storing every document, in this process
    resolving_seconds: float  # a rebuild of them all
    row_counts: dict[str, int]
    exports: dict[str, Any]  # without_numbering


@pytest.fixture(scope="session")
def reference(migrated_template: str, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """What every resumed or concurrent ingest of ``CORPUS_PATHS`` must end with."""
    with ExitStack() as stack, pytest.MonkeyPatch.context() as patch:
        if ON_POSTGRES:
            url = stack.enter_context(postgres_database("reference", template=migrated_template))
        else:
            path = tmp_path_factory.mktemp("reference") / "reference.sqlite3"
            shutil.copyfile(migrated_template, path)
            url = f"sqlite:///{path}"
        patch.setattr("visitkb.ingest.extract_batch", synthetic_extract_batch)
        engine = stack.enter_context(_disposing(make_engine(url, poolclass=NullPool)))
        started = time.monotonic()
        stored: list[float] = []
        report = ingest(
            engine,
            read_documents(CORPUS_PATHS),
            on_document=lambda _: stored.append(time.monotonic()),
        )
        # Resolution again, warm as in a process forked from this one (and idempotent).
        resolving = time.monotonic()
        knowledge.rebuild(engine)
        return Reference(
            documents=report.counts["added"],
            storing_seconds=stored[-1] - started,
            resolving_seconds=time.monotonic() - resolving,
            row_counts=row_counts(engine),
            exports=without_numbering(read_exports(engine)),
        )


@contextmanager
def _disposing(engine: Engine) -> Iterator[Engine]:
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def synthetic_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest (in this process and in processes forked from it) uses synthetic extraction."""
    monkeypatch.setattr("visitkb.ingest.extract_batch", synthetic_extract_batch)


@pytest.fixture
def new_database(migrated_template: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of fresh, migrated, empty knowledge bases (their URLs), dropped afterwards."""
    with ExitStack() as stack:

        def make() -> str:
            if not ON_POSTGRES:
                path = tmp_path / f"{uuid.uuid4().hex[:10]}.sqlite3"
                shutil.copyfile(migrated_template, path)
                return f"sqlite:///{path}"
            suffix = uuid.uuid4().hex[:10]
            return stack.enter_context(postgres_database(suffix, template=migrated_template))

        yield make


@pytest.fixture
def engine_for() -> Iterator[Callable[[str], Engine]]:
    """Engines on given URLs, disposed afterwards; unpooled, so no connection outlives its use
    and none is inherited by a forked ingest."""
    engines: list[Engine] = []

    def make(url: str) -> Engine:
        engines.append(make_engine(url, poolclass=NullPool))
        return engines[-1]

    yield make
    for engine in engines:
        engine.dispose()


def _run_ingest(url: str, paths: tuple[Path, ...], output: Path) -> None:
    sys.stdout = sys.stderr = output.open("w", encoding="utf-8", buffering=1)
    os.environ["VISITKB_DATABASE_URL"] = url
    app(["ingest", *map(str, paths)])


def start_ingest(url: str, paths: tuple[Path, ...], output: Path) -> BaseProcess:
    """Run ``visitkb ingest PATHS`` on ``url`` in a new process, its output going to ``output``.

    The process is forked, so it starts at once with what this one has imported and patched
    (the tests patch in synthetic extraction); it builds its own engine, as the command does.
    """
    process = FORK.Process(target=_run_ingest, args=(url, paths, output), daemon=True)
    process.start()
    return process
