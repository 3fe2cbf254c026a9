"""The browsing interface's templates, static files and the pure view logic they need.

``visitkb.api`` renders the templates; this package imports no web framework and no database,
so its view logic (highlighted text, the timeline chart, text direction) is tested on its own.
"""

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
