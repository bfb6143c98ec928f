"""Editors add and edit podcast episodes and shows in the site, and the feed stays valid."""

from datetime import timedelta

import pytest
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.publishing.audio import silent_mp3
from medsocial.publishing.tests.factories import make_episode, make_show, mp3_upload
from medsocial.publishing.tests.podcast_helpers import parsed_feed, png_upload


@pytest.fixture
def editor(make_user):
    return make_user(full_name="Ed Itor", roles=[Role.EDITOR])


@pytest.fixture
def show(db):
    return make_show(title="The Careful Post")


def new_episode(client, show, **fields):
    data = {
        "title": "Consent on camera",
        "audio": mp3_upload(6),
        "kind": "full",
        "number": 3,
        "season": 1,
        "summary": "Filming on the ward.",
        "show_notes": "Read **the policy**.",
        "transcript": "Hello.",
        "published_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }
    return client.post(f"/podcasts/{show.slug}/episodes/new/", data | fields)


def test_created_episode_appears_on_the_show_page_and_in_the_feed(client, editor, show):
    client.force_login(editor)
    response = new_episode(client, show)
    episode = show.episodes.get()
    assert response.status_code == 302 and response["Location"] == f"/podcasts/episodes/{episode.pk}/edit/"
    assert "Consent on camera" in client.get(show.get_absolute_url()).content.decode()
    assert "<strong>the policy</strong>" in client.get(episode.get_absolute_url()).content.decode()
    (entry,) = parsed_feed(client, show).entries
    (enclosure,) = entry.enclosures
    assert entry.title == "Consent on camera" and entry.id == f"urn:uuid:{episode.guid}"
    assert int(enclosure.length) == episode.audio.size == len(silent_mp3(6))
    assert entry.itunes_duration == "6" and entry.itunes_episode == "3"


def test_editing_the_title_keeps_the_guid_slug_and_audio(client, editor, show):
    client.force_login(editor)
    new_episode(client, show)
    episode = show.episodes.get()
    guid, slug, audio_name = episode.guid, episode.slug, episode.audio.name
    page = client.get(f"/podcasts/episodes/{episode.pk}/edit/").content.decode()
    published = timezone.localtime(episode.published_at).strftime("%Y-%m-%dT%H:%M")
    assert 'value="Consent on camera"' in page and f'value="{published}"' in page
    response = client.post(
        f"/podcasts/episodes/{episode.pk}/edit/",
        {
            "title": "Consent on camera, revisited",
            "kind": "full",
            "number": 3,
            "season": 1,
            "published_at": timezone.localtime(episode.published_at).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert (episode.title, episode.guid, episode.slug, episode.audio.name) == (
        "Consent on camera, revisited",
        guid,
        slug,
        audio_name,
    )
    (entry,) = parsed_feed(client, show).entries
    assert entry.title == "Consent on camera, revisited" and entry.id == f"urn:uuid:{guid}"


def test_replacing_the_audio_updates_the_enclosure_length_and_duration(client, editor, show):
    episode = make_episode(show, seconds=3)
    guid = episode.guid
    client.force_login(editor)
    client.post(
        f"/podcasts/episodes/{episode.pk}/edit/",
        {
            "title": episode.title,
            "kind": "full",
            "audio": mp3_upload(9),
            "published_at": timezone.localtime(episode.published_at).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    episode.refresh_from_db()
    assert episode.duration_seconds == 9 and episode.audio_bytes == episode.audio.size == len(silent_mp3(9))
    (enclosure,) = parsed_feed(client, show).entries[0].enclosures
    assert int(enclosure.length) == episode.audio.size and episode.guid == guid


def test_draft_and_scheduled_episodes_stay_out_of_the_feed_but_on_the_editors_list(client, editor, show):
    client.force_login(editor)
    new_episode(client, show, title="A draft", published_at="")
    later = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    new_episode(client, show, title="Next week", published_at=later, audio=mp3_upload(2))
    assert parsed_feed(client, show).entries == []
    assert "A draft" not in client.get(show.get_absolute_url()).content.decode()
    listing = client.get(f"/podcasts/shows/{show.pk}/episodes/").content.decode()
    assert "A draft" in listing and "Draft" in listing
    assert "Next week" in listing and "Scheduled" in listing


def test_editor_edits_the_show_and_the_feed_carries_it(client, editor, show):
    guid, slug = show.guid, show.slug
    client.force_login(editor)
    assert 'value="owner@example.org"' in client.get(f"/podcasts/shows/{show.pk}/edit/").content.decode()
    response = client.post(
        f"/podcasts/shows/{show.pk}/edit/",
        {
            "title": "Careful Posts",
            "description": "Clinicians on social media.",
            "author": "The editors",
            "owner_name": "MedSocial",
            "owner_email": "podcast@example.org",
            "category": "Health & Fitness",
            "subcategory": "Medicine",
            "language": "EN-GB",
            "explicit": "on",
            "cover_art": png_upload(),
        },
    )
    assert response.status_code == 302
    show.refresh_from_db()
    assert (show.title, show.language, show.explicit, show.guid, show.slug) == (
        "Careful Posts",
        "en-gb",
        True,
        guid,
        slug,
    )
    feed = parsed_feed(client, show).feed
    assert feed.title == "Careful Posts" and feed.language == "en-gb"
    xml = client.get(f"/feeds/podcasts/{show.slug}.rss").content.decode()
    assert "<itunes:author>The editors</itunes:author>" in xml
    assert "<itunes:email>podcast@example.org</itunes:email>" in xml
    assert feed.image.href.endswith(show.cover_art.url)


def test_show_page_offers_editing_links_to_editors_only(client, editor, make_user, show):
    client.force_login(make_user(roles=[]))
    assert f"/podcasts/shows/{show.pk}/edit/" not in client.get(show.get_absolute_url()).content.decode()
    client.force_login(editor)
    page = client.get(show.get_absolute_url()).content.decode()
    assert f"/podcasts/shows/{show.pk}/edit/" in page and f"/podcasts/shows/{show.pk}/episodes/" in page
