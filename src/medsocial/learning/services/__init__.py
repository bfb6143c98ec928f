"""Writes for learning, one module per concept; everything public is re-exported here."""

from medsocial.learning.services.assignments import (
    assign_course,
    due_assignments_to_remind,
    send_assignment_reminder,
)
from medsocial.learning.services.authoring import (
    add_lesson,
    add_module,
    add_question,
    add_quiz,
    add_resource,
    create_course,
    delete_lesson,
    delete_module,
    delete_question,
    move,
    publish_course,
    reorder,
    unpublish_course,
    update_course,
    update_lesson,
    update_module,
    update_question,
    update_quiz,
)
from medsocial.learning.services.certificates import (
    certificates_to_remind,
    issue_certificate,
    revoke_certificate,
    send_expiry_reminder,
    start_recertification,
)
from medsocial.learning.services.credits import award_ce_credit, withdraw_ce_credit
from medsocial.learning.services.enrollment import complete_lesson, enroll, record_visit, unenroll
from medsocial.learning.services.quizzes import grade_answers, submit_quiz

__all__ = [
    "add_lesson",
    "add_module",
    "add_question",
    "add_quiz",
    "add_resource",
    "assign_course",
    "award_ce_credit",
    "certificates_to_remind",
    "complete_lesson",
    "create_course",
    "delete_lesson",
    "delete_module",
    "delete_question",
    "due_assignments_to_remind",
    "enroll",
    "grade_answers",
    "issue_certificate",
    "move",
    "publish_course",
    "record_visit",
    "reorder",
    "revoke_certificate",
    "send_assignment_reminder",
    "send_expiry_reminder",
    "start_recertification",
    "submit_quiz",
    "unenroll",
    "unpublish_course",
    "update_course",
    "update_lesson",
    "update_module",
    "update_question",
    "update_quiz",
    "withdraw_ce_credit",
]
