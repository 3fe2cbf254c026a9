"""Running a component over a batch of documents at a time (``Language.pipe``).

Each component reads and keeps its own tables; running one over many documents before the next
starts keeps them at hand, which is faster than taking every document through all components
in turn (``docs/extraction.md``, "Measuring").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch


class BatchComponent:
    """A component whose ``pipe`` processes a whole batch before handing any document on."""

    def pipe(self, docs: Iterable[Doc], *, batch_size: int) -> Iterator[Doc]:
        """``docs`` processed ``batch_size`` at a time (``Language.pipe`` passes its own)."""
        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]  # type: ignore[operator]
