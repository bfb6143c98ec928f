"""Every endpoint answers as the OpenAPI document says, for inputs schemathesis generates
from that document (valid and invalid ones): no server error, documented status codes,
documented content types and response bodies that match their schemas."""

import pytest
from hypothesis import HealthCheck, given, settings

from medsocial.accounts.services import create_access_token
from medsocial.testing.plugin import api_schema

EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def api_token(make_user, make_organization):
    user = make_user(email="api@example.org", organization=make_organization(name="API Test Hospital"))
    _, raw = create_access_token(user=user, name="conformance")
    return raw


def operations():
    return [result.ok() for result in api_schema().get_all_operations()]


@pytest.mark.django_db
def test_every_api_operation_answers_as_documented(api_token, keep_test_connection):
    checked = []
    for operation in operations():

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"})

        answers_as_documented()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert "GET /api/v1/me" in checked
