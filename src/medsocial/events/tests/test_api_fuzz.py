"""schemathesis over the events API as an event manager: whatever it sends (far-off years,
huge numbers, odd strings), no operation answers a server error or leaves its documentation."""

import pytest
from hypothesis import HealthCheck, given, settings

from medsocial.accounts.roles import Role
from medsocial.accounts.services import create_access_token
from medsocial.events.tests.factories import make_event
from medsocial.testing.plugin import api_schema

EXAMPLES_PER_OPERATION = 15


@pytest.mark.django_db
def test_events_operations_answer_as_documented_for_an_event_manager(make_user, keep_test_connection):
    manager = make_user(email="fuzz-manager@example.org", roles=[Role.EVENT_MANAGER])
    make_event(slug="fuzz")
    _, token = create_access_token(user=manager, name="fuzz")
    operations = [
        result.ok()
        for result in api_schema().get_all_operations()
        if result.ok().path.startswith("/api/v1/events/") and result.ok().method.upper() in {"POST", "PATCH"}
    ]
    checked = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            if "slug" in (case.path_parameters or {}):
                case.path_parameters["slug"] = "fuzz"
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"})

        answers_as_documented()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert {
        "POST /api/v1/events/",
        "PATCH /api/v1/events/{slug}",
        "POST /api/v1/events/{slug}/check-in",
    } <= set(checked)
