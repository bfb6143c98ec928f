from django.urls import path

from medsocial.consulting.views import plan, public, staff, workspace

app_name = "consulting"

urlpatterns = [
    path("", public.home, name="home"),
    path("assessment/", public.assessment_form, name="assessment"),
    path("assessment/results/<uuid:key>/", public.assessment_results, name="assessment-results"),
    path("assessment/history/<slug:slug>/", public.assessment_history, name="assessment-history"),
    path("work-with-us/", public.request_form, name="request"),
    # The workspace of one engagement.
    path("engagements/", workspace.my_engagements, name="my-engagements"),
    path("engagements/<int:pk>/", workspace.workspace, name="workspace"),
    path(
        "engagements/<int:pk>/proposals/<int:proposal_pk>/answer/",
        workspace.proposal_answer,
        name="proposal-answer",
    ),
    path("engagements/<int:pk>/sessions/", workspace.sessions, name="sessions"),
    path("engagements/<int:pk>/sessions/<int:session_pk>/", workspace.session_detail, name="session"),
    path(
        "engagements/<int:pk>/sessions/<int:session_pk>/calendar.ics",
        workspace.session_calendar,
        name="session-calendar",
    ),
    path("engagements/<int:pk>/action-items/", workspace.action_items, name="action-items"),
    path(
        "engagements/<int:pk>/action-items/<int:item_pk>/status/",
        workspace.action_item_status,
        name="action-item-status",
    ),
    path(
        "engagements/<int:pk>/action-items/<int:item_pk>/delete/",
        workspace.action_item_delete,
        name="action-item-delete",
    ),
    path("engagements/<int:pk>/documents/", workspace.documents, name="documents"),
    path("engagements/<int:pk>/documents/<int:document_pk>/", workspace.document_detail, name="document"),
    path(
        "engagements/<int:pk>/documents/<int:document_pk>/versions/<int:number>/download/",
        workspace.document_download,
        name="document-download",
    ),
    path("engagements/<int:pk>/messages/", workspace.thread, name="messages"),
    path("engagements/<int:pk>/plan/", plan.plan, name="plan"),
    path("engagements/<int:pk>/plan/print/", plan.plan_print, name="plan-print"),
    path("engagements/<int:pk>/plan/goals/<int:goal_pk>/kpis/new/", plan.kpi_create, name="kpi-create"),
    path("engagements/<int:pk>/plan/goals/<int:goal_pk>/edit/", plan.goal_edit, name="goal-edit"),
    path("engagements/<int:pk>/plan/goals/<int:goal_pk>/delete/", plan.goal_delete, name="goal-delete"),
    path("engagements/<int:pk>/plan/kpis/<int:kpi_pk>/", plan.kpi_detail, name="kpi"),
    path("engagements/<int:pk>/plan/kpis/<int:kpi_pk>/edit/", plan.kpi_edit, name="kpi-edit"),
    path("engagements/<int:pk>/plan/kpis/<int:kpi_pk>/delete/", plan.kpi_delete, name="kpi-delete"),
    path("engagements/<int:pk>/plan/kpis/<int:kpi_pk>/sync/", plan.kpi_sync, name="kpi-sync"),
    path(
        "engagements/<int:pk>/plan/kpis/<int:kpi_pk>/measurements/<int:measurement_pk>/delete/",
        plan.measurement_delete,
        name="measurement-delete",
    ),
    # Staff: the pipeline and reports.
    path("staff/", staff.board, name="board"),
    path("staff/engagements/<int:pk>/", staff.engagement_detail, name="staff-engagement"),
    path("staff/engagements/<int:pk>/stage/", staff.stage_move, name="stage-move"),
    path("staff/engagements/<int:pk>/coaches/", staff.coach_assign, name="coach-assign"),
    path(
        "staff/engagements/<int:pk>/coaches/<int:user_pk>/remove/",
        staff.coach_unassign,
        name="coach-unassign",
    ),
    path("staff/engagements/<int:pk>/proposals/", staff.proposal_create, name="proposal-create"),
    path(
        "staff/engagements/<int:pk>/proposals/<int:proposal_pk>/withdraw/",
        staff.proposal_withdraw,
        name="proposal-withdraw",
    ),
    path("staff/reports/", staff.reports, name="reports"),
    path("staff/reports/<slug:name>.csv", staff.report_csv, name="report-csv"),
]
