"""The project's spaCy components, one ``@Language.factory`` per module.

Importing this package registers every factory; ``mentions.pipeline`` adds them in order.
Components write their findings as final mention records (``components.spans``), which
later components read; ``mentions.read`` collects them.
"""

from visitkb.mentions.components import (
    agreements,
    countries,
    dates,
    normalize,
    numbers,
    people,
    sentences,
    visit_terms,
)

__all__ = [
    "agreements",
    "countries",
    "dates",
    "normalize",
    "numbers",
    "people",
    "sentences",
    "visit_terms",
]
