"""Numbers, ids and texts larger than their column holds are refused by the field that took
them, with a message, instead of failing in the database (SQLite: an overflow error;
PostgreSQL: out of range or too long). Each case was found by the form fuzz
(test_forms_survive_hostile_input)."""

import pytest

from medsocial.accounts.models import User
from medsocial.census.forms import ObservationForm
from medsocial.core.forms import ModelMultipleChoiceField
from medsocial.events.forms import ScheduleWorkshopForm
from medsocial.learning import services as learning_services
from medsocial.learning.errors import LearningError
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.forms import EpisodeForm

pytestmark = pytest.mark.django_db

HUGE = "9" * 40


def test_an_id_beyond_the_id_column_is_an_invalid_choice_not_an_overflow(make_user):
    person = make_user()
    field = ModelMultipleChoiceField(queryset=User.objects.all())
    with pytest.raises(Exception) as caught:
        field.clean([str(person.pk), HUGE])
    assert caught.type.__name__ == "ValidationError"
    assert caught.value.code == "invalid_choice"
    assert list(field.clean([str(person.pk)])) == [person]


def test_a_census_count_beyond_a_64_bit_column_is_refused_at_its_field():
    form = ObservationForm({"observed_on": "2026-01-05", "followers": HUGE, "posts": "12"})
    assert not form.is_valid()
    assert list(form.errors) == ["followers"]


def test_an_episode_number_and_season_beyond_their_columns_are_refused():
    form = EpisodeForm({"title": "Pilot", "number": HUGE, "season": str(2**31)})
    form.is_valid()
    assert "number" in form.errors and "season" in form.errors


def test_a_workshop_capacity_beyond_its_column_is_refused():
    form = ScheduleWorkshopForm({"capacity": HUGE})
    form.is_valid()
    assert "capacity" in form.errors


def test_a_module_title_longer_than_its_column_is_refused_by_name(make_user):
    course = make_course()
    author = course.instructors.first() or make_user(is_superuser=True)
    with pytest.raises(LearningError) as caught:
        learning_services.add_module(by=author, course=course, title="M" * 201)
    assert caught.value.field == "title" and "200 characters" in caught.value.message
    assert not course.modules.filter(title__startswith="MMMM").exists()


def test_an_unknown_organization_on_the_safety_check_is_marked_at_its_field(
    client, make_user, make_organization
):
    organization = make_organization(name="Lakeview Hospital")
    member = make_user(organization=organization)
    client.force_login(member)
    response = client.post("/safety/", {"text": "Hello", "organization": "not-an-organization"})
    assert response.status_code == 400
    assert b'field field-error">' in response.content and b"Select a valid choice" in response.content


def test_an_article_source_longer_than_its_column_is_refused_at_the_sources_field():
    # Found by the form fuzz on PostgreSQL: "value too long for type character varying(500)".
    from medsocial.publishing.forms import ArticleForm

    form = ArticleForm.__new__(ArticleForm)
    form.cleaned_data = {"sources": "A" * 501 + " | https://example.org/study"}
    with pytest.raises(Exception) as caught:
        form.clean_sources()
    assert "at most 500 characters" in str(caught.value)
    form.cleaned_data = {"sources": "Smith 2024 | https://example.org/study"}
    assert form.clean_sources() == [("Smith 2024", "https://example.org/study")]
