"""Anonymous pages come from the cache until a write changes what they show, never after."""

import datetime

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client

from medsocial.census.services.recompute import recompute_census
from medsocial.census.tests.factories import make_account, make_hospital
from medsocial.events.services.registration import register
from medsocial.events.tests.factories import make_event
from medsocial.learning.services.authoring import update_course
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.services.articles import publish_article
from medsocial.publishing.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_without_a_query(client, django_assert_num_queries):
    make_article(title="Cached once")
    client.get("/articles/")
    with django_assert_num_queries(0):
        second = Client().get("/articles/")
    assert second.status_code == 200
    assert b"Cached once" in second.content


def test_the_article_list_shows_an_article_published_after_the_list_was_cached(client, make_user):
    editor = make_user(roles=["editor"])
    draft = make_article(title="Fresh from the newsroom", published=False, authors=[editor])
    assert b"Fresh from the newsroom" not in client.get("/articles/").content
    publish_article(editor=editor, article=draft)
    assert b"Fresh from the newsroom" in Client().get("/articles/").content


def test_the_catalog_shows_a_course_title_edited_after_the_catalog_was_cached(client, make_user):
    instructor = make_user(roles=["instructor"])
    course = make_course(title="Privacy basics", instructors=[instructor])
    assert b"Privacy basics" in client.get("/learn/").content
    update_course(by=instructor, course=course, title="Privacy in practice")
    assert b"Privacy in practice" in Client().get("/learn/").content


def test_an_event_page_shows_the_seats_left_after_a_registration(client, make_user):
    event = make_event(capacity=2)
    assert b"2 seats left" in client.get(f"/events/{event.slug}/").content
    register(event=event, user=make_user(), ticket_type=event.ticket_types.get())
    assert b"1 seat left" in Client().get(f"/events/{event.slug}/").content


def test_the_hospital_list_shows_the_followers_of_a_census_recompute(client):
    hospital = make_hospital(name="Lakeside Memorial")
    make_account(hospital, "facebook", first_seen=datetime.date(2024, 1, 1), latest_followers=12345)
    assert b"12,345" not in client.get("/census/hospitals/").content  # not computed yet
    recompute_census(as_of=datetime.date(2024, 1, 31))
    assert b"12,345" in Client().get("/census/hospitals/").content


def test_a_signed_in_person_never_gets_the_anonymous_page(client, make_user):
    make_article(title="Shared headline")
    client.get("/articles/")
    member = Client()
    member.force_login(make_user(email="reader@example.org"))
    page = member.get("/articles/").content.decode()
    assert "Sign out" in page or "reader@example.org" in page or "Profile" in page
    assert page != client.get("/articles/").content.decode()


def test_a_cached_page_carries_each_visitor_their_own_working_csrf_token():
    make_article(title="With a newsletter form")
    Client().get("/articles/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/articles/")
    secret = visitor.cookies["csrftoken"].value
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert _unmask_cipher_token(token) == secret
    answer = visitor.post("/newsletter/", {"csrfmiddlewaretoken": token, "email": "someone@example.org"})
    assert answer.status_code != 403


def test_a_guest_with_a_session_gets_their_page_built_for_them(client):
    make_article(title="Guest view")
    client.get("/articles/")
    guest = Client()
    guest.cookies["sessionid"] = "something-the-session-remembers"
    response = guest.get("/articles/")
    assert response.status_code == 200 and b"Guest view" in response.content


def test_a_cached_page_sent_gzipped_decompresses_to_the_page_with_the_visitors_token():
    import gzip

    make_article(title="Compressed once")
    plain = Client().get("/articles/").content.decode()  # fills the cache
    visitor = Client()
    response = visitor.get("/articles/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    page = gzip.decompress(response.content).decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert _unmask_cipher_token(token) == visitor.cookies["csrftoken"].value
    assert "Compressed once" in page and page.count(token) == plain.count('name="csrfmiddlewaretoken"') + 1


def test_a_hit_reads_the_page_and_its_versions_in_one_cache_round_trip(client, monkeypatch):
    from django.core.cache import cache

    make_article(title="Read once")
    client.get("/articles/")
    reads, depth = [], []

    def counted(name, original):
        def read(*args, **kwargs):
            if not depth:  # a backend without its own get_many reads key by key inside it
                reads.append(name)
            depth.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return read

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    assert b"Read once" in Client().get("/articles/").content
    assert reads == ["get_many"]


def test_a_page_kept_from_before_a_write_is_not_served_after_it(client, make_user):
    from medsocial.core import page_cache

    editor = make_user(roles=["editor"])
    article = make_article(title="First title", authors=[editor])
    assert b"First title" in client.get("/articles/").content
    versions_before = page_cache.versions(["publishing"])
    article.title = "Second title"
    article.save()  # the stored page stays in the cache, with the versions it was built under
    assert page_cache.versions(["publishing"]) != versions_before
    assert b"Second title" in Client().get("/articles/").content
