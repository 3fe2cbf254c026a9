"""Stage 5: the HTTP API. The only package that imports FastAPI."""

from visitkb.api.app import create_app

__all__ = ["create_app"]
