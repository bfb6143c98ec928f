"""The consulting endpoints answer as the OpenAPI document says, for inputs schemathesis
generates (valid and invalid), called by a client member with a real engagement to find."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from medsocial.accounts.services import create_access_token
from medsocial.consulting.tests.factories import make_action_item, make_goal, make_kpi, make_session

EXAMPLES_PER_OPERATION = 15


@pytest.fixture
def keep_test_connection():
    """schemathesis calls the WSGI app directly; keep the test transaction's connection open."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_every_consulting_operation_answers_as_documented(client_member, engagement, keep_test_connection):
    from medsocial.wsgi import application

    make_session(engagement)
    make_action_item(engagement)
    make_kpi(make_goal(engagement))
    _, token = create_access_token(user=client_member, name="conformance")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if "/consulting/" not in operation.path:
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers_as_documented(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

        answers_as_documented()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert len(checked) == 6, checked
