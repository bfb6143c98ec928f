"""Each criterion counts what the hub knows about the person, and only what should count."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medsocial.events.models import Event
from medsocial.fellows import criteria
from medsocial.fellows.tests.factories import (
    give_articles,
    give_ce_hours,
    give_coaching,
    give_courses,
    give_events,
    give_talks,
    level,
)

pytestmark = pytest.mark.django_db


def test_courses_count_certificates_that_are_not_revoked(person, make_user):
    give_courses(person, 2)
    give_courses(person, 1, revoked=True)
    give_courses(make_user(), 3)
    assert criteria.courses_completed(person) == 2


def test_ce_hours_add_up_every_credit(person, make_user):
    give_ce_hours(person, "1.5")
    give_ce_hours(person, "2.25")
    give_ce_hours(make_user(), 9)
    assert criteria.ce_hours(person) == Decimal("3.75")
    assert criteria.ce_hours(make_user()) == Decimal("0")


def test_events_count_only_check_ins(person):
    give_events(person, 2)
    give_events(person, 3, checked_in=False)
    assert criteria.events_attended(person) == 2


def test_articles_count_published_ones_the_person_wrote(person, make_user):
    give_articles(person, 2)
    give_articles(person, 1, published=False)
    give_articles(make_user(), 2)
    assert criteria.articles_published(person) == 2


def test_talks_count_sessions_on_published_programmes_but_not_breaks(person):
    give_talks(person, 2)
    give_talks(person, 1, session_format="break")
    give_talks(person, 2, status=Event.Status.CANCELLED)
    give_talks(person, 1, status=Event.Status.DRAFT)
    assert criteria.talks_given(person) == 2


def test_mentoring_counts_coaching_sessions_already_held(person, make_user):
    give_coaching(person, 3)
    give_coaching(person, 2, held=False)
    give_coaching(make_user(), 4)
    assert criteria.coaching_sessions_led(person) == 3


def test_progress_lists_only_what_the_level_asks_for(person):
    gold = level("gold")
    give_courses(person, gold.min_courses)
    rows = {row.key: row for row in criteria.progress_toward(gold, criteria.figures_for(person))}
    assert set(rows) == {"courses", "ce_hours", "events", "articles", "talks", "mentoring"}
    assert rows["courses"].met and not rows["talks"].met
    assert criteria.unmet(gold, criteria.figures_for(person)) == [
        "CE hours: 0 of 30",
        "Events attended: 0 of 5",
        "Articles published as author: 0 of 2",
        "Talks given: 0 of 1",
        "Coaching sessions led: 0 of 2",
    ]
    resident = level("resident")
    assert [row.key for row in criteria.progress_toward(resident, criteria.figures_for(person))] == [
        "courses",
        "ce_hours",
    ]


def test_the_figures_cost_the_same_queries_for_a_short_and_a_long_record(person):
    def cost():
        with CaptureQueriesContext(connection) as captured:
            criteria.figures_for(person)
        return len(captured)

    give_courses(person, 1)
    give_events(person, 1)
    give_coaching(person, 1)
    short = cost()
    give_courses(person, 12)
    give_events(person, 12)
    give_articles(person, 12)
    give_talks(person, 12)
    give_coaching(person, 12)
    for _ in range(12):
        give_ce_hours(person, 1)
    assert cost() == short == len(criteria.CRITERIA)
