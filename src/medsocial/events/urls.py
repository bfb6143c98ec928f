from django.urls import path

from medsocial.events.views import attend, parts, staff

app_name = "events"

urlpatterns = [
    path("", attend.event_list, name="list"),
    path("mine/", attend.my_registrations, name="mine"),
    path("calendar/reset/", attend.calendar_feed_reset, name="calendar-feed-reset"),
    path("calendar/<str:token>.ics", attend.calendar_feed, name="calendar-feed"),
    path("claim/<str:token>/", attend.claim_seat, name="claim-seat"),
    path("registrations/<int:pk>/", attend.registration_detail, name="registration"),
    path("registrations/<int:pk>/ticket.pdf", attend.ticket_pdf, name="ticket-pdf"),
    path("registrations/<int:pk>/cancel/", attend.cancel, name="cancel"),
    path("workshops/request/", attend.workshop_request, name="workshop-request"),
    # Event managers
    path("manage/", staff.manage_home, name="manage"),
    path("manage/new/", staff.event_form, name="event-create"),
    path("manage/check-in/", staff.check_in_now, name="checkin-now"),
    path("manage/orders/<int:pk>/paid/", staff.mark_paid, name="mark-paid"),
    path("manage/orders/<int:pk>/refund/", staff.refund, name="refund"),
    path("manage/registrations/<int:pk>/cancel/", staff.staff_cancel, name="staff-cancel"),
    path("manage/ticket/<str:code>/", staff.ticket_checkin, name="ticket-checkin"),
    path("manage/workshop-requests/<int:pk>/", staff.workshop_request_detail, name="workshop-request-detail"),
    path("manage/<slug:slug>/", staff.manage_event, name="manage-event"),
    path("manage/<slug:slug>/edit/", staff.event_form, name="event-edit"),
    path("manage/<slug:slug>/add/<str:part>/", staff.add_part, name="add-part"),
    path("manage/<slug:slug>/programme/", parts.programme, name="programme"),
    path("manage/<slug:slug>/<slug:part>/<int:pk>/edit/", parts.edit_part, name="edit-part"),
    path("manage/<slug:slug>/<slug:part>/<int:pk>/remove/", parts.remove_part, name="remove-part"),
    path("manage/<slug:slug>/check-in/", staff.check_in, name="checkin"),
    path("manage/<slug:slug>/report/", staff.report, name="report"),
    path("manage/<slug:slug>/registrations.csv", staff.registrations_csv, name="registrations-csv"),
    path("manage/<slug:slug>/attendees.csv", staff.attendees_csv, name="attendees-csv"),
    path("manage/<slug:slug>/proposals/", staff.proposals, name="proposals"),
    path("manage/<slug:slug>/proposals/<int:pk>/review/", staff.review, name="review"),
    path("manage/<slug:slug>/proposals/<int:pk>/decide/", staff.decide, name="decide"),
    # One event
    path("<slug:slug>/", attend.event_detail, name="detail"),
    path("<slug:slug>/register/", attend.register, name="register"),
    path("<slug:slug>/event.ics", attend.event_ics, name="event-ics"),
    path("<slug:slug>/agenda/", attend.agenda, name="agenda"),
    path("<slug:slug>/my-agenda/", attend.my_agenda, name="my-agenda"),
    path("<slug:slug>/propose/", attend.propose, name="propose"),
    path("<slug:slug>/sessions/<int:pk>/", attend.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:pk>/session.ics", attend.session_ics, name="session-ics"),
    path("<slug:slug>/sessions/<int:pk>/agenda/", attend.agenda_toggle, name="agenda-toggle"),
]
