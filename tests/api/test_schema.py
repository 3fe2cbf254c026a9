"""Schemathesis against the app's own OpenAPI schema, in process, over the hand-resolved
knowledge base: no request, valid or not, may get a server error or an answer the schema does
not describe.

One check is left out: that every request the schema allows is accepted. The schema gives a
country as a string, a date range as two dates and a cursor as text; which strings are ISO
codes, which ranges run forwards and which cursors were issued is checked by the server (a 422
naming the parameter, tested in test_visits.py and test_security.py), not by the schema.

Each operation is one test, run for a bounded number of generated requests (valid ones and ones
the schema forbids) sent to the ASGI app without a network server.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from visitkb.api import create_app
from visitkb.config import Settings

TOKEN = "s3cret-token"
# Requests per operation: enough to meet every parameter's edge cases, few enough that the file
# runs in well under a minute. Writes extract and rebuild, so they get fewer.
EXAMPLES = 60
WRITE_EXAMPLES = 25

# The schema does not depend on the database: read it from an app over one never connected to.
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings(database_url="sqlite://")).openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
LABELS = [op.label for op in OPERATIONS]


@pytest.fixture
def kb_schema(kb, database_url):
    """The schema of an API over the hand-resolved knowledge base accepting writes with TOKEN."""
    app = create_app(Settings(database_url=database_url, api_token=TOKEN))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(
    ("path", "method"), [(op.path, op.method) for op in OPERATIONS], ids=LABELS
)
def test_no_request_gets_a_server_error_or_an_undocumented_answer(kb_schema, path, method):
    operation = kb_schema[path][method]
    examples = WRITE_EXAMPLES if method.upper() == "POST" else EXAMPLES

    valid_or_not = st.one_of(operation.as_strategy(mode) for mode in GenerationMode)

    @given(case=valid_or_not)
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=[positive_data_acceptance]
        )

    check()
