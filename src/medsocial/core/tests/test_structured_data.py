"""Every public page type shares a preview and describes itself to search engines: Open Graph
and Twitter tags, a canonical link, JSON-LD with the properties each schema.org type needs,
and an og:image that answers with a picture."""

import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from medsocial.census.tests.factories import make_account, make_hospital
from medsocial.events.models import Event
from medsocial.events.tests.factories import make_event
from medsocial.learning.models import Course
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.tests.factories import make_article, make_episode, make_show

pytestmark = pytest.mark.django_db

# What each schema.org type must carry for search engines to show it richly.
REQUIRED = {
    "Organization": {"name", "url", "logo"},
    "Course": {"name", "description", "provider", "hasCourseInstance", "url", "image"},
    "Event": {
        "name",
        "startDate",
        "endDate",
        "eventStatus",
        "eventAttendanceMode",
        "location",
        "organizer",
        "offers",
        "image",
    },
    "Article": {"headline", "author", "datePublished", "dateModified", "image", "publisher"},
    "PodcastSeries": {"name", "url", "webFeed", "image", "description"},
    "PodcastEpisode": {"name", "url", "partOfSeries", "associatedMedia", "datePublished"},
    "Hospital": {"name", "address", "url"},
}
OPEN_GRAPH = ("og:title", "og:description", "og:image", "og:url", "og:type", "og:site_name")
TWITTER = ("twitter:card", "twitter:title", "twitter:image")
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([.]\d+)?[+-]\d\d:\d\d$")


class HeadReader(HTMLParser):
    """Collects meta tags, link tags and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld = {}, [], []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def read_head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def fetch_image(client, absolute):
    """Fetch an og:image URL through the test client; return the opened picture."""
    assert absolute.startswith(settings.SITE_URL + "/"), absolute
    parts = urlsplit(absolute)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, absolute
    assert response["Content-Type"].startswith("image/"), response["Content-Type"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Image.open(io.BytesIO(body))


def check_page(client, url, expected_type):
    """The page's sharing metadata is complete; returns its JSON-LD item of `expected_type`."""
    head = read_head(client, url)
    for name in OPEN_GRAPH + TWITTER:
        assert head.meta.get(name), f"{url}: {name} missing"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["og:url"].startswith(settings.SITE_URL)
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [head.meta["og:url"]]
    feeds = {link["href"] for link in head.links if link.get("rel") == "alternate"}
    assert {"/feeds/articles.rss", "/feeds/articles.atom", "/feeds/comments.rss"} <= feeds
    picture = fetch_image(client, head.meta["og:image"])
    assert picture.width >= 600 and picture.height >= 315
    items = [json.loads(block) for block in head.json_ld]
    if expected_type is None:
        return None
    found = [item for item in items if item.get("@type") == expected_type]
    assert found, f"{url}: no {expected_type} in {items}"
    item = found[0]
    assert item["@context"] == "https://schema.org"
    missing = REQUIRED[expected_type] - {key for key, value in item.items() if value not in ("", [], None)}
    assert not missing, f"{url}: {expected_type} lacks {sorted(missing)}"
    return item


# Uploaded media are served from the folder configured at start-up (the URL pattern keeps it).
SERVED_MEDIA_ROOT = settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_home_page_describes_the_organization_with_a_logo(client):
    organization = check_page(client, "/", "Organization")
    logo = fetch_image(client, organization["logo"]["url"])
    assert logo.format == "PNG" and logo.size == (512, 512)


def test_course_page_carries_a_course_with_its_credit(client, make_user):
    teacher = make_user(full_name="Ana Ruiz", roles=[])
    course = make_course(
        title="Posting safely", ce_hours="1.50", instructors=[teacher], estimated_hours="1.5"
    )
    item = check_page(client, course.get_absolute_url(), "Course")
    assert item["provider"]["name"] == settings.SITE_NAME
    assert item["hasCourseInstance"]["courseWorkload"] == "PT1H30M"
    assert item["hasCourseInstance"]["instructor"][0]["name"].startswith("Ana Ruiz")
    assert "1.5 CE credit hours" in item["educationalCredentialAwarded"]["name"]


def test_in_person_event_has_a_place_offers_and_times_with_the_local_offset(client):
    event = make_event(
        title="Workshop in Chicago",
        kind=Event.Kind.WORKSHOP,
        join_url="",
        venue_name="Lakeside Center",
        venue_address="2301 S Lake Shore Dr\nChicago, IL 60616",
        time_zone="America/Chicago",
        price=Decimal("49.00"),
        organizer="Illinois Nurses",
    )
    item = check_page(client, event.get_absolute_url(), "Event")
    assert ISO_WITH_OFFSET.match(item["startDate"]) and ISO_WITH_OFFSET.match(item["endDate"])
    starts = datetime.datetime.fromisoformat(item["startDate"])
    assert starts == event.starts_at
    assert starts.utcoffset() == timezone.localtime(event.starts_at, event.tz).utcoffset()
    assert item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert item["location"][0]["@type"] == "Place"
    assert "Chicago" in item["location"][0]["address"]["streetAddress"]
    assert item["offers"][0] | {"availability": "?"} == {
        "@type": "Offer",
        "name": "Standard",
        "price": "49.00",
        "priceCurrency": "USD",
        "availability": "?",
        "url": settings.SITE_URL + event.get_absolute_url(),
    }
    assert item["offers"][0]["availability"] == "https://schema.org/InStock"
    assert item["organizer"]["name"] == "Illinois Nurses"


def test_online_event_points_to_its_page_never_to_the_private_join_link(client):
    event = make_event(title="Webinar", join_url="https://meet.example.org/secret-room")
    item = check_page(client, event.get_absolute_url(), "Event")
    assert item["location"] == [
        {"@type": "VirtualLocation", "url": settings.SITE_URL + event.get_absolute_url()}
    ]
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()


def test_cancelled_and_full_events_say_so(client, make_user):
    cancelled = make_event(status=Event.Status.CANCELLED)
    assert check_page(client, cancelled.get_absolute_url(), "Event")["eventStatus"] == (
        "https://schema.org/EventCancelled"
    )
    full = make_event(capacity=0)
    offer = check_page(client, full.get_absolute_url(), "Event")["offers"][0]
    assert offer["availability"] == "https://schema.org/SoldOut"


def test_article_page_carries_an_article_with_an_image(client, make_user):
    author = make_user(full_name="Ana Ruiz", roles=[])
    article = make_article(title="Safe selfies", authors=[author])
    item = check_page(client, article.get_absolute_url(), "Article")
    assert item["author"][0]["name"].startswith("Ana Ruiz")
    assert item["image"][0].startswith(settings.SITE_URL + "/share/cards/article/")
    assert read_head(client, article.get_absolute_url()).meta["og:type"] == "article"


def test_podcast_show_and_episode_pages_carry_series_and_episode(client):
    show = make_show(title="Clinic Voices")
    episode = make_episode(show, title="Pilot")
    series = check_page(client, show.get_absolute_url(), "PodcastSeries")
    assert series["webFeed"].endswith(f"/feeds/podcasts/{show.slug}.rss")
    item = check_page(client, episode.get_absolute_url(), "PodcastEpisode")
    assert item["partOfSeries"]["name"] == "Clinic Voices"
    audio = urlsplit(item["associatedMedia"]["contentUrl"]).path
    assert client.get(audio).status_code == 200


def test_census_hospital_page_lists_its_accounts_as_same_as(client):
    hospital = make_hospital(name="Lakeview Hospital")
    account = make_account(hospital, "facebook", "lakeviewhospital")
    item = check_page(client, hospital.get_absolute_url(), "Hospital")
    assert account.url in item["sameAs"]


@pytest.mark.parametrize("url", ["/learn/", "/events/", "/articles/", "/podcasts/", "/census/"])
def test_list_pages_share_the_site_defaults(client, url):
    check_page(client, url, None)


def test_card_is_redrawn_when_the_title_changes(client, settings):
    course = make_course(title="First title")
    head = read_head(client, course.get_absolute_url())
    first = head.meta["og:image"]
    assert fetch_image(client, first).size == (1200, 630)
    drawn = list((settings.MEDIA_ROOT / "share-cards" / "course").glob("*.png"))
    assert len(drawn) == 1
    course.title = "A second, much longer title for the same course"
    course.save()
    second = read_head(client, course.get_absolute_url()).meta["og:image"]
    assert second != first and urlsplit(second).path == urlsplit(first).path
    fetch_image(client, second)
    redrawn = list((settings.MEDIA_ROOT / "share-cards" / "course").glob("*.png"))
    assert len(redrawn) == 1 and redrawn != drawn


def test_cards_of_unpublished_pages_are_not_found(client):
    draft = make_course(title="Secret draft", status=Course.Status.DRAFT)
    assert client.get(f"/share/cards/course/{draft.slug}.png").status_code == 404
    hidden = make_event(status=Event.Status.DRAFT)
    assert client.get(f"/share/cards/event/{hidden.slug}.png").status_code == 404
    assert client.get("/share/cards/nonsense/x.png").status_code == 404


def test_uploaded_cover_is_used_instead_of_the_card(client, settings):
    settings.MEDIA_ROOT = SERVED_MEDIA_ROOT
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), (200, 10, 10)).save(buffer, format="PNG")
    article = make_article(title="With a cover")
    article.cover_image.save("cover.png", ContentFile(buffer.getvalue()))
    try:
        head = read_head(client, article.get_absolute_url())
        assert head.meta["og:image"] == settings.SITE_URL + article.cover_image.url
        assert fetch_image(client, head.meta["og:image"]).getpixel((10, 10)) == (200, 10, 10)
    finally:
        article.cover_image.delete(save=False)


def test_json_ld_cannot_be_closed_by_a_title(client):
    course = make_course(title="</script><script>alert(1)</script>")
    html = client.get(course.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    check_page(client, course.get_absolute_url(), "Course")


def test_sitemap_parses_and_every_address_in_it_answers(client):
    course = make_course()
    event = make_event()
    article = make_article()
    episode = make_episode()
    hospital = make_hospital()
    make_course(status=Course.Status.DRAFT, slug="hidden-draft")
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    paths = {urlsplit(loc).path for loc in locations}
    assert all(loc.startswith(settings.SITE_URL + "/") for loc in locations)
    for page in (course, event, article, episode, episode.show, hospital):
        assert page.get_absolute_url() in paths, page
    assert {"/", "/learn/", "/events/", "/census/"} <= paths
    assert "/learn/hidden-draft/" not in paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_robots_txt_names_the_sitemap_under_the_site_address(client):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
