"""Writes for consulting. Each public function is one transaction that checks, then changes."""

from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.services.assessments import save_assessment
from medsocial.consulting.services.pipeline import (
    ALLOWED_TRANSITIONS,
    assign_coach,
    create_proposal,
    move_stage,
    respond_to_proposal,
    submit_request,
    unassign_coach,
    withdraw_proposal,
)
from medsocial.consulting.services.plan import (
    create_goal,
    create_kpi,
    delete_goal,
    delete_kpi,
    delete_measurement,
    record_measurement,
    sync_kpi_from_census,
    update_goal,
    update_kpi,
)
from medsocial.consulting.services.workspace import (
    add_action_item,
    delete_action_item,
    post_message,
    schedule_session,
    set_action_item_done,
    update_session,
    upload_document,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "ConsultingError",
    "add_action_item",
    "assign_coach",
    "create_goal",
    "create_kpi",
    "create_proposal",
    "delete_action_item",
    "delete_goal",
    "delete_kpi",
    "delete_measurement",
    "move_stage",
    "post_message",
    "record_measurement",
    "respond_to_proposal",
    "save_assessment",
    "schedule_session",
    "set_action_item_done",
    "submit_request",
    "sync_kpi_from_census",
    "unassign_coach",
    "update_goal",
    "update_kpi",
    "update_session",
    "upload_document",
    "withdraw_proposal",
]
