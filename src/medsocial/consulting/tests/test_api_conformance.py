"""The consulting endpoints answer as the OpenAPI document says, for inputs schemathesis
generates (valid and invalid), called by a client member with a real engagement to find."""

import pytest
from hypothesis import HealthCheck, given, settings

from medsocial.accounts.services import create_access_token
from medsocial.consulting.tests.factories import make_action_item, make_goal, make_kpi, make_session
from medsocial.testing.plugin import api_schema

EXAMPLES_PER_OPERATION = 15


@pytest.mark.django_db
def test_every_consulting_operation_answers_as_documented(client_member, engagement, keep_test_connection):
    make_session(engagement)
    make_action_item(engagement)
    make_kpi(make_goal(engagement))
    _, token = create_access_token(user=client_member, name="conformance")
    schema = api_schema()
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if "/consulting/" not in operation.path:
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

        answers_as_documented()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert len(checked) == 6, checked
