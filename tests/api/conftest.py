import pytest
from fastapi.testclient import TestClient

from visitkb.api import create_app
from visitkb.config import Settings
from visitkb.documents import read_documents
from visitkb.ingest import ingest

from ..conftest import SEEDS


@pytest.fixture
def client(database_url):
    """A client of an API over an empty knowledge base."""
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client


@pytest.fixture
def seeded_client(fresh_db, database_url):
    """A client of an API over the five seed articles."""
    ingest(fresh_db, read_documents([SEEDS]))
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client
