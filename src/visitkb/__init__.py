"""visitkb: a multilingual knowledge base of diplomatic visits.

The package is the data flow, one folder a stage:
text -> ``documents`` (Document) -> ``mentions`` (spaCy, Mention) -> ``visits`` (VisitClaim)
-> ``resolve`` (people across scripts, windows, merging) -> ``database`` (SQLAlchemy) -> ``api``
(FastAPI), which also renders the pages of ``web`` (templates, static files, view logic).
``ingest`` runs the stages for a batch; ``export`` streams records for the CLI and API.
"""

__version__ = "0.1.0"
