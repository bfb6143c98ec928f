"""Every service that stores a date someone typed refuses one outside 1900–2200 with the same
message and names the field: publishing times (a time in 9999 overflows once converted to UTC),
course due dates, and the census's account and observation dates (a date in year 1 overflows
when the recompute counts back from it)."""

import datetime

import pytest
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.census.errors import CensusError
from medsocial.census.services.accounts import add_account, check_observation, update_account
from medsocial.census.tests.factories import make_account, make_hospital, network
from medsocial.core.dates import DATE_RANGE_MESSAGE
from medsocial.learning.errors import LearningError
from medsocial.learning.services.assignments import assign_course
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import Article
from medsocial.publishing.services.articles import publish_article
from medsocial.publishing.tests.factories import make_article

pytestmark = pytest.mark.django_db

YEAR_9999 = datetime.date(9999, 12, 31)
YEAR_1 = datetime.date(1, 1, 1)


def _refused(error) -> tuple[str | None, str]:
    return error.value.field, error.value.message


def test_scheduling_an_article_for_year_9999_is_refused(make_user):
    editor = make_user(email="editor@example.org", roles=[Role.EDITOR])
    article = make_article(published=False)
    with pytest.raises(PublishingError) as refused:
        publish_article(
            editor=editor,
            article=article,
            publish_at=timezone.make_aware(datetime.datetime(9999, 12, 31, 23)),
        )
    assert _refused(refused) == ("publish_at", DATE_RANGE_MESSAGE)
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_a_course_due_in_year_9999_is_refused(make_user, make_organization):
    organization = make_organization(name="Lakeview Hospital")
    admin = make_user(email="admin@lakeview.example", organization=organization, org_role="admin")
    nurse = make_user(email="nurse@lakeview.example", organization=organization)
    with pytest.raises(LearningError) as refused:
        assign_course(
            by=admin, organization=organization, course=make_course(), user_ids=[nurse.pk], due_on=YEAR_9999
        )
    assert _refused(refused) == ("due_on", DATE_RANGE_MESSAGE)


def test_census_dates_in_year_1_are_refused():
    hospital = make_hospital()
    with pytest.raises(CensusError) as first_seen:
        add_account(
            hospital=hospital,
            network=network("facebook"),
            address="lakeview",
            first_seen=YEAR_1,
            check_permission=False,
        )
    assert _refused(first_seen) == ("first_seen", DATE_RANGE_MESSAGE)
    account = make_account(hospital, first_seen=datetime.date(2020, 1, 1))
    with pytest.raises(CensusError) as closed_on:
        update_account(
            account=account, actor=None, closed_on=datetime.date(1899, 12, 31), check_permission=False
        )
    assert _refused(closed_on) == ("closed_on", DATE_RANGE_MESSAGE)
    with pytest.raises(CensusError) as observed_on:
        check_observation(observed_on=YEAR_1, followers=10)
    assert _refused(observed_on) == ("observed_on", DATE_RANGE_MESSAGE)
