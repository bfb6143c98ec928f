"""Signed-in pages come from the per-person cache until a committed write changes what they
read, never after; and never to anyone but the session they were built for."""

import datetime
import re

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from medsocial.accounts import services as account_services
from medsocial.accounts.models import User
from medsocial.accounts.roles import Role
from medsocial.consulting.models import ActionItem
from medsocial.consulting.services.workspace import add_action_item
from medsocial.consulting.tests.factories import make_coach, make_engagement
from medsocial.core import personal_cache
from medsocial.events.models import Event, Registration
from medsocial.events.services.registration import register
from medsocial.events.tests.factories import make_event
from medsocial.learning.models import Course, Enrollment, Lesson
from medsocial.learning.services.enrollment import complete_lesson, enroll
from medsocial.learning.tests.factories import make_course

# Real commits: generations move when a transaction commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def personal_cache_on(settings, monkeypatch):
    settings.PERSONAL_PAGE_CACHE = True
    # One minute of the clock for the whole test, however slow the machine: a page is never
    # served in a later minute than it was built in (tested on its own below).
    minute = personal_cache._minute()
    monkeypatch.setattr(personal_cache, "_minute", lambda: minute)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def served_from_cache(client, path, django_assert_num_queries) -> str:
    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def fresh(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


# --- The cache serves, and only the same session --------------------------------------------


def test_a_second_visit_to_my_learning_runs_no_query(make_user, django_assert_num_queries):
    learner = make_user()
    enroll(user=learner, course=make_course(title="Privacy basics"))
    client = signed_in(learner)
    assert "Privacy basics" in fresh(client, "/learn/my/")
    assert "Privacy basics" in served_from_cache(client, "/learn/my/", django_assert_num_queries)


def test_two_people_never_see_each_others_page(make_user, django_assert_num_queries):
    ada, bo = make_user(full_name="Ada Lovelace"), make_user(full_name="Bo Diddley")
    enroll(user=ada, course=make_course(title="Ada's course"))
    enroll(user=bo, course=make_course(title="Bo's course"))
    ada_client, bo_client = signed_in(ada), signed_in(bo)
    for _ in range(2):
        ada_page, bo_page = fresh(ada_client, "/learn/my/"), fresh(bo_client, "/learn/my/")
        assert "Ada&#x27;s course" in ada_page and "Bo&#x27;s course" not in ada_page
        assert "Bo&#x27;s course" in bo_page and "Ada&#x27;s course" not in bo_page


def test_two_sessions_of_one_person_have_their_own_pages_and_csrf_tokens(make_user):
    learner = make_user()
    first, second = signed_in(learner), signed_in(learner)
    fresh(first, "/accounts/profile/")
    for client in (first, first, second, second):
        page = fresh(client, "/accounts/profile/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        from django.middleware.csrf import _unmask_cipher_token

        assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value


def test_signing_out_and_in_again_never_serves_the_old_sessions_page(make_user):
    learner = make_user(full_name="Cleo Before")
    client = signed_in(learner)
    fresh(client, "/accounts/profile/")
    fresh(client, "/accounts/profile/")
    old_cookie = client.cookies["sessionid"].value
    client.post("/accounts/sign-out/")

    # The old session's cookie, sent again after signing out, gets the sign-in page.
    replay = Client()
    replay.cookies["sessionid"] = old_cookie
    answer = replay.get("/accounts/profile/")
    assert answer.status_code == 302 and "/accounts/sign-in/" in answer["Location"]

    User.objects.filter(pk=learner.pk).update(full_name="Cleo After")
    client.force_login(User.objects.get(pk=learner.pk))
    assert client.cookies["sessionid"].value != old_cookie
    assert "Cleo After" in fresh(client, "/accounts/profile/")


def test_a_deactivated_account_is_signed_out_even_with_a_cached_page(make_user):
    learner = make_user()
    client = signed_in(learner)
    fresh(client, "/learn/my/")
    User.objects.filter(pk=learner.pk).update(is_active=False)
    answer = client.get("/learn/my/")
    assert answer.status_code == 302 and "/accounts/sign-in/" in answer["Location"]


def test_a_page_showing_a_message_is_neither_served_from_nor_kept_in_the_cache(make_user):
    person = make_user(full_name="Dee Old")
    client = signed_in(person)
    fresh(client, "/accounts/profile/")
    answer = client.post(
        "/accounts/profile/",
        {"full_name": "Dee New", "credentials": "", "profession": "", "time_zone": ""},
        follow=True,
    )
    assert "Your profile was saved." in answer.content.decode()
    page = fresh(client, "/accounts/profile/")
    assert "Dee New" in page and "Your profile was saved." not in page


def test_a_page_is_not_served_in_a_later_minute_than_it_was_built(
    make_user, monkeypatch, django_assert_num_queries
):
    learner = make_user()
    client = signed_in(learner)
    fresh(client, "/learn/my/")
    served_from_cache(client, "/learn/my/", django_assert_num_queries)
    next_minute = personal_cache._minute() + 1
    monkeypatch.setattr(personal_cache, "_minute", lambda: next_minute)
    assert queries_of(client, "/learn/my/") > 0
    served_from_cache(client, "/learn/my/", django_assert_num_queries)


def test_a_visit_that_writes_is_not_kept_and_its_write_is_not_skipped(make_user, django_assert_num_queries):
    learner = make_user()
    course = make_course(lessons=2)
    enrollment = enroll(user=learner, course=course)
    first, second = course.lessons.order_by("position")
    client = signed_in(learner)
    fresh(client, f"/learn/{course.slug}/lessons/{first.slug}/")  # remembers the lesson: not kept
    assert queries_of(client, f"/learn/{course.slug}/lessons/{first.slug}/") > 0
    served_from_cache(client, f"/learn/{course.slug}/lessons/{first.slug}/", django_assert_num_queries)
    fresh(client, f"/learn/{course.slug}/lessons/{second.slug}/")
    assert Enrollment.objects.get(pk=enrollment.pk).last_lesson_id == second.pk
    # Back to the first lesson: its stored page read the enrollment, which changed since.
    fresh(client, f"/learn/{course.slug}/lessons/{first.slug}/")
    assert Enrollment.objects.get(pk=enrollment.pk).last_lesson_id == first.pk


# --- Each page shows the write that changes it ------------------------------------------------


def test_my_learning_shows_a_new_enrollment_and_a_title_changed_by_queryset_update(make_user):
    learner = make_user()
    client = signed_in(learner)
    course = make_course(title="Consent on camera")
    assert "Consent on camera" not in fresh(client, "/learn/my/")
    enroll(user=learner, course=course)
    assert "Consent on camera" in fresh(client, "/learn/my/")
    Course.objects.filter(pk=course.pk).update(title="Consent in photos")
    assert "Consent in photos" in fresh(client, "/learn/my/")


def test_a_lesson_shows_it_was_completed_and_a_title_changed_by_raw_sql(make_user):
    learner = make_user()
    course = make_course(lessons=2)
    enrollment = enroll(user=learner, course=course)
    lesson = course.lessons.order_by("position").first()
    path = f"/learn/{course.slug}/lessons/{lesson.slug}/"
    client = signed_in(learner)
    fresh(client, path)
    before = fresh(client, path)
    assert "1 of 2" not in before.replace("\n", " ") or "0 of 2" in before
    complete_lesson(enrollment=enrollment, lesson=lesson)
    after = fresh(client, path)
    assert after != before
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Lesson._meta.db_table} SET title = %s WHERE id = %s", ["Renamed by SQL", lesson.pk]
        )
    assert "Renamed by SQL" in fresh(client, path)


def test_my_events_shows_a_registration_and_a_cancellation_by_queryset_update(make_user):
    learner = make_user()
    event = make_event(title="Crisis comms live")
    client = signed_in(learner)
    assert "Crisis comms live" not in fresh(client, "/events/mine/")
    registration = register(event=event, user=learner, ticket_type=event.ticket_types.get())
    assert "Crisis comms live" in fresh(client, "/events/mine/")
    Event.objects.filter(pk=event.pk).update(title="Crisis comms, recorded")
    assert "Crisis comms, recorded" in fresh(client, "/events/mine/")
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.CANCELLED)
    assert "Cancelled" in fresh(client, "/events/mine/") or "cancelled" in fresh(client, "/events/mine/")


def test_the_workspace_shows_a_new_action_item_and_one_renamed_by_queryset_update():
    coach = make_coach()
    engagement = make_engagement(coaches=[coach])
    client = signed_in(coach)
    path = f"/consulting/engagements/{engagement.pk}/"
    assert "Write the crisis plan" not in fresh(client, path)
    item = add_action_item(
        actor=coach,
        engagement=engagement,
        title="Write the crisis plan",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    assert "Write the crisis plan" in fresh(client, path)
    ActionItem.objects.filter(pk=item.pk).update(title="Rehearse the crisis plan")
    assert "Rehearse the crisis plan" in fresh(client, path)


def test_the_profile_shows_a_saved_profile_and_a_new_access_token(make_user):
    person = make_user(full_name="Eve Before")
    client = signed_in(person)
    assert "Eve Before" in fresh(client, "/accounts/profile/")
    account_services.update_profile(
        user=person, full_name="Eve After", credentials="RN", profession="", timezone_name=""
    )
    assert "Eve After" in fresh(client, "/accounts/profile/")
    account_services.create_access_token(user=person, name="Reporting script")
    assert "Reporting script" in fresh(client, "/accounts/profile/")


def test_the_staff_dashboard_and_event_list_show_a_new_draft_and_a_rename(make_user):
    manager = make_user(roles=[Role.EVENT_MANAGER])
    client = signed_in(manager)
    make_event(title="First webinar")
    dashboard_before = fresh(client, "/staff/")
    assert "First webinar" in fresh(client, "/events/manage/")
    draft = make_event(title="Draft webinar", status=Event.Status.DRAFT)
    assert fresh(client, "/staff/") != dashboard_before
    assert "Draft webinar" in fresh(client, "/events/manage/")
    Event.objects.filter(pk=draft.pk).update(title="Renamed webinar")
    assert "Renamed webinar" in fresh(client, "/events/manage/")


def test_a_write_shows_only_once_its_transaction_has_committed(make_user):
    learner = make_user()
    course = make_course(title="Before commit")
    enroll(user=learner, course=course)
    client = signed_in(learner)
    fresh(client, "/learn/my/")
    with transaction.atomic():
        Course.objects.filter(pk=course.pk).update(title="After commit")
        # Not committed yet: other connections still read the old title, and the page
        # stored now keeps the generation that the commit replaces.
    assert "After commit" in fresh(client, "/learn/my/")


def test_a_write_to_a_table_the_project_does_not_know_makes_every_page_stale(
    make_user, django_assert_num_queries
):
    learner = make_user()
    client = signed_in(learner)
    fresh(client, "/learn/my/")
    served_from_cache(client, "/learn/my/", django_assert_num_queries)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS outside_table (x integer)")
        cursor.execute("INSERT INTO outside_table (x) VALUES (1)")
        cursor.execute("DROP TABLE outside_table")
    assert queries_of(client, "/learn/my/") > 0
    served_from_cache(client, "/learn/my/", django_assert_num_queries)


def test_the_tables_a_statement_names_are_found_in_any_spelling():
    sql = 'UPDATE "learning_course" SET title = %s WHERE id IN (SELECT course_id FROM learning_enrollment)'
    assert {"learning_course", "learning_enrollment"} <= personal_cache._tables_in(sql)
    assert "learning_course" in personal_cache._tables_in("delete from LEARNING_COURSE where id = 1")


def test_a_public_page_viewed_signed_in_shows_the_persons_own_enrollment(make_user):
    learner = make_user()
    course = make_course(title="Cached for a person")
    client = signed_in(learner)
    assert "Leave this course" not in fresh(client, f"/learn/{course.slug}/")
    fresh(client, f"/learn/{course.slug}/")
    enroll(user=learner, course=course)
    assert "Leave this course" in fresh(client, f"/learn/{course.slug}/")
    assert "Leave this course" not in fresh(signed_in(make_user()), f"/learn/{course.slug}/")
