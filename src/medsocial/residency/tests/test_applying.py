"""Applying to a cohort: a statement within limits, once per cohort, within the application
window; a seat priced in points is paid from the applicant's wallet and returned when they are
declined or withdraw before the cohort starts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.programs.errors import WalletError
from medsocial.programs.models import LedgerEntry
from medsocial.programs.selectors import points_balance
from medsocial.programs.tests.factories import fund
from medsocial.residency.errors import ResidencyConflict, ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application
from medsocial.residency.services import applications as services
from medsocial.residency.tests.factories import STATEMENT, make_cohort
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db


def test_an_application_is_received_and_the_applicant_is_emailed(
    cohort, applicant, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    assert application.status == Application.Status.SUBMITTED
    [email] = smtp_server.wait_for(1)
    assert smtp_server.to(applicant.email) == [email]
    assert f"Your application to {cohort}" in email["Subject"]
    assert application.get_absolute_url() in body_text(email)


def test_applying_twice_to_the_same_cohort_is_refused_and_changes_nothing(cohort, applicant):
    services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    with pytest.raises(ResidencyConflict, match="already applied"):
        services.apply(cohort=cohort, user=applicant, statement=STATEMENT + " Again.")
    assert Application.objects.get(cohort=cohort, user=applicant).statement == STATEMENT


def test_applying_again_after_withdrawing_is_refused_too(cohort, applicant):
    application = services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    services.withdraw(application=application, by=applicant)
    with pytest.raises(ResidencyConflict, match="already applied"):
        services.apply(cohort=cohort, user=applicant, statement=STATEMENT)


def test_the_same_person_may_apply_to_another_cohort(cohort, applicant):
    services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    other = make_cohort(program=cohort.program)
    assert services.apply(cohort=other, user=applicant, statement=STATEMENT).cohort == other


@pytest.mark.parametrize(
    "statement, message",
    [
        ("", "Write a short statement"),
        ("   ", "Write a short statement"),
        ("Too short.", "is 10 characters long; write at least 80"),
        ("x" * 3001, "is 3,001 characters long; keep it to 3,000"),
    ],
)
def test_a_statement_outside_the_limits_is_refused_naming_its_length(cohort, applicant, statement, message):
    with pytest.raises(ResidencyError, match=message) as refused:
        services.apply(cohort=cohort, user=applicant, statement=statement)
    assert refused.value.field == "statement"
    assert not Application.objects.exists()


@pytest.mark.parametrize("days", [-30, 30])
def test_applying_outside_the_window_is_refused(applicant, days):
    today = timezone.localdate() + datetime.timedelta(days=days)
    cohort = make_cohort(applications_open_on=today - datetime.timedelta(days=1), applications_close_on=today)
    with pytest.raises(ResidencyError, match="closed"):
        services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    assert not Application.objects.exists()


def test_the_apply_page_shows_the_statement_error_and_keeps_nothing(client, cohort, applicant):
    client.force_login(applicant)
    response = client.post(reverse("residency:apply", args=[cohort.slug]), {"statement": "Hi"})
    assert response.status_code == 400
    assert "is 2 characters long; write at least 80" in response.content.decode()
    assert not Application.objects.exists()


def test_the_apply_page_refuses_a_second_application(client, cohort, applicant):
    client.force_login(applicant)
    url = reverse("residency:apply", args=[cohort.slug])
    first = client.post(url, {"statement": STATEMENT})
    assert first.status_code == 302
    second = client.post(url, {"statement": STATEMENT})
    assert second.status_code in (200, 400)
    assert Application.objects.filter(user=applicant).count() == 1


# --- Seats paid with points ------------------------------------------------------------------


@pytest.fixture
def priced_cohort():
    return make_cohort(seat_points=300)


def test_a_priced_seat_takes_its_points_from_the_wallet(priced_cohort, applicant):
    fund(applicant, 500)
    application = services.apply(cohort=priced_cohort, user=applicant, statement=STATEMENT)
    assert points_balance(applicant) == 200
    assert application.seat_payment.amount == -300
    assert application.seat_payment.kind == LedgerEntry.Kind.SPEND


def test_without_enough_points_the_application_is_refused_and_nothing_changes(priced_cohort, applicant):
    fund(applicant, 299)
    with pytest.raises(WalletError, match="Not enough points: 299 available, 300 needed"):
        services.apply(cohort=priced_cohort, user=applicant, statement=STATEMENT)
    assert not Application.objects.exists()
    assert points_balance(applicant) == 299


def test_withdrawing_before_the_start_returns_the_points_once(priced_cohort, applicant):
    fund(applicant, 300)
    application = services.apply(cohort=priced_cohort, user=applicant, statement=STATEMENT)
    application = services.withdraw(application=application, by=applicant)
    assert application.status == Application.Status.WITHDRAWN
    assert points_balance(applicant) == 300
    with pytest.raises(ResidencyError, match="no longer open"):
        services.withdraw(application=application, by=applicant)
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1


def test_withdrawing_after_the_start_keeps_the_points(applicant, staff):
    cohort = make_cohort(seat_points=300)
    fund(applicant, 300)
    application = services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    services.accept(application=application, by=staff)
    later = timezone.now() + datetime.timedelta(days=31)
    services.withdraw(application=application, by=applicant, now=later)
    assert points_balance(applicant) == 0
    assert not LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).exists()


def test_declining_returns_the_points(priced_cohort, applicant, staff):
    fund(applicant, 300)
    application = services.apply(cohort=priced_cohort, user=applicant, statement=STATEMENT)
    services.decline(application=application, by=staff, reason="The cohort is for clinicians.")
    assert points_balance(applicant) == 300


def test_only_the_applicant_can_withdraw(cohort, applicant, make_user):
    application = services.apply(cohort=cohort, user=applicant, statement=STATEMENT)
    with pytest.raises(ResidencyNotAllowed, match="Only the applicant"):
        services.withdraw(application=application, by=make_user())
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
