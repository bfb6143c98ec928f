"""A lesson's YouTube or Vimeo video plays in the page through the privacy-friendly player the
Content-Security-Policy allows; any other address stays a plain link."""

import pytest
from django.urls import reverse

from medsocial.learning import services
from medsocial.learning.content import video_player_url
from medsocial.learning.tests.factories import make_course


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ],
)
def test_video_pages_map_to_their_players(url, player):
    assert video_player_url(url) == player


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "javascript://www.youtube.com/%0Aalert(1)?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "https://[::1",
    ],
)
def test_other_addresses_are_not_framed(url):
    assert video_player_url(url) is None


@pytest.mark.django_db
def test_lesson_page_frames_a_youtube_video_and_links_anything_else(client, learner):
    course = make_course(lessons=2)
    framed, linked = course.lessons.order_by("position")
    framed.embed_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    framed.save()
    linked.embed_url = "https://video.example.org/talks/42"
    linked.save()
    services.enroll(user=learner, course=course)
    client.force_login(learner)

    page = client.get(reverse("learning:lesson", args=[course.slug, framed.slug])).content.decode()
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page  # the fallback link

    page = client.get(reverse("learning:lesson", args=[course.slug, linked.slug])).content.decode()
    assert "<iframe" not in page
    assert 'href="https://video.example.org/talks/42"' in page
