"""What the pages show to orient people: what is on now on the home page, the course outline
beside a lesson, an event's date, map link and price, an article's reading time."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from medsocial.core.templatetags.display import reading_time
from medsocial.events.models import TicketType
from medsocial.events.tests.factories import make_event
from medsocial.learning import services as learning_services
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.tests.factories import make_article
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_whats_on_now(client):
    make_event(title="Captioning clinic videos", ce_hours=Decimal("1.00"))
    make_event(title="Long past", starts_in=-datetime.timedelta(days=30))
    make_course(title="Privacy basics", ce_hours="2.00")
    make_article(title="The first hour of a crisis")
    html = client.get("/").content.decode()
    assert "Captioning clinic videos" in html and "1 CE hour<" in html
    assert "Long past" not in html
    assert "Privacy basics" in html and "2 CE hours" in html
    assert "The first hour of a crisis" in html


def test_the_home_page_costs_the_same_queries_with_few_and_many_items(client, make_user):
    client.force_login(make_user())  # signed in: the page is built every time
    for _ in range(2):
        make_event()
        make_course()
        make_article()
    few = page_queries(client, "/")
    for _ in range(20):
        make_event()
        make_course()
        make_article()
    assert page_queries(client, "/") == few


def test_the_lesson_page_shows_the_outline_with_progress_beside_the_text(client, make_user):
    course = make_course(title="Privacy basics", lessons=3, modules=2)
    learner = make_user()
    enrollment = learning_services.enroll(user=learner, course=course)
    first = course.lessons.order_by("module__position", "position").first()
    learning_services.complete_lesson(enrollment=enrollment, lesson=first)
    client.force_login(learner)
    html = client.get(reverse("learning:lesson", args=[course.slug, "lesson-1-2"])).content.decode()
    assert html.count('class="outline-module-title"') == 2
    assert html.count('<span class="sr-only"> (done)</span>') == 1
    assert f'href="/learn/{course.slug}/lessons/lesson-1-2/" aria-current="page"' in html
    assert "1 of 6 lessons done" in html


def test_an_event_page_shows_its_date_block_price_and_map_link(client):
    event = make_event(
        title="Video workshop",
        starts_at=datetime.datetime(2030, 5, 14, 17, 0, tzinfo=datetime.UTC),
        time_zone="America/Chicago",
        venue_name="Lakeshore Auditorium",
        venue_address="100 Lake Shore Dr\nChicago, IL 60601",
        price=Decimal("25.00"),
    )
    TicketType.objects.create(event=event, name="Supporter", price=Decimal("120.00"))
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<span class="date-block-month">May</span><span class="date-block-day">14</span>' in html
    assert '<li class="price-summary">$25 – $120</li>' in html
    assert "https://www.openstreetmap.org/search?query=Lakeshore+Auditorium+100+Lake+Shore+Dr+Chicago" in html


def test_a_free_online_event_says_free_and_has_no_map(client):
    event = make_event(title="Webinar")
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<li class="price-summary">Free</li>' in html
    assert "openstreetmap" not in html


@pytest.mark.parametrize(
    ("words", "text"), [(1, "1 min read"), (220, "1 min read"), (221, "2 min read"), (1100, "5 min read")]
)
def test_reading_time_counts_the_words_of_the_text(words, text):
    assert reading_time("<p>" + "word " * words + "</p>") == text


def test_an_article_shows_its_reading_time(client):
    article = make_article(body="word " * 900)
    assert "5 min read" in client.get(article.get_absolute_url()).content.decode()
