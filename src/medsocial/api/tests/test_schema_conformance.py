"""Every endpoint answers as the OpenAPI document says, for inputs schemathesis generates
from that document (valid and invalid ones): no server error, documented status codes,
documented content types and response bodies that match their schemas."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from medsocial.accounts.services import create_access_token

EXAMPLES_PER_OPERATION = 12

# A request the schema allows may still break a rule of the hub (a full event, a guest comment
# without an email address); the API documents 400 for exactly that, so valid input may get it.
CONFIG = {
    "checks": {
        "positive_data_acceptance": {"expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "429"]}
    }
}


@pytest.fixture
def api_token(make_user, make_organization):
    user = make_user(email="api@example.org", organization=make_organization(name="API Test Hospital"))
    _, raw = create_access_token(user=user, name="conformance")
    return raw


@pytest.fixture
def keep_test_connection():
    """schemathesis calls the WSGI app directly; stop Django closing the test transaction's
    connection at the end of each request, as Django's own test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operations():
    from schemathesis.config import SchemathesisConfig

    from medsocial.wsgi import application

    config = SchemathesisConfig.from_dict(CONFIG)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=config)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.django_db
def test_every_api_operation_answers_as_documented(api_token, keep_test_connection):
    checked = []
    for operation in operations():

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def answers_as_documented(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"})

        answers_as_documented()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert "GET /api/v1/me" in checked
