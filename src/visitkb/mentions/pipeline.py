"""``build_pipeline(lang)``: a blank spaCy language with the project's components.

``nlp.pipe_names`` shows the steps: normalise, sentences, numbers, dates, countries and places,
visit terms, people, agreements. Each is a ``@Language.factory`` in ``mentions/components``.
"""

from __future__ import annotations

import gc
from functools import cache

import spacy
from spacy.language import Language

import visitkb.mentions.components  # noqa: F401  (registers the factories)
from visitkb.mentions.tokenizer import fix_tokenizer

PIPE_NAMES = (
    "visitkb_normalize",
    "visitkb_sentences",
    "visitkb_numbers",
    "visitkb_dates",
    "visitkb_countries",
    "visitkb_visit_terms",
    "visitkb_people",
    "visitkb_agreements",
)


@cache
def build_pipeline(lang: str) -> Language:
    """The extraction pipeline for ``lang`` (built once per process)."""
    nlp = spacy.blank(lang)
    fix_tokenizer(nlp)
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    # The pipeline's tables (about 100,000 objects) live as long as the process: keep them out
    # of the collector's full passes, which otherwise walk them again and again while documents
    # are read (about 4% of the extraction time, bench/pipeline.py). Refcounting still frees them.
    gc.freeze()
    return nlp
