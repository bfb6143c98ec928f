"""Podcast editing pages and services refuse everyone but editors, and change nothing for them."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.tests.factories import make_episode, make_show, mp3_upload
from medsocial.publishing.tests.podcast_helpers import png_upload, podcast_snapshot


@pytest.fixture
def episode(db):
    return make_episode(make_show(), seconds=3)


def editing_requests(episode):
    """Every podcast editing URL, with a POST that an editor's request would have saved."""
    show = episode.show
    show_fields = {
        "title": "Taken over",
        "description": "x",
        "author": "x",
        "owner_name": "x",
        "owner_email": "x@example.org",
        "category": "Health & Fitness",
        "language": "en",
    }
    return [
        (
            f"/podcasts/{show.slug}/episodes/new/",
            lambda: {"title": "Intruder", "kind": "full", "audio": mp3_upload()},
        ),
        (
            f"/podcasts/episodes/{episode.pk}/edit/",
            lambda: {"title": "Defaced", "kind": "full", "audio": mp3_upload()},
        ),
        (f"/podcasts/shows/{show.pk}/edit/", lambda: show_fields | {"cover_art": png_upload()}),
        (f"/podcasts/shows/{show.pk}/episodes/", dict),
    ]


@pytest.mark.parametrize("roles", [[], [Role.MODERATOR], [Role.INSTRUCTOR]])
def test_signed_in_non_editors_get_403_and_nothing_changes(client, make_user, episode, roles):
    client.force_login(make_user(roles=roles))
    before = podcast_snapshot()
    for url, data in editing_requests(episode):
        assert client.get(url).status_code == 403, url
        assert client.post(url, data()).status_code == 403, url
    assert podcast_snapshot() == before


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_changes(client, episode):
    before = podcast_snapshot()
    for url, data in editing_requests(episode):
        for response in (client.get(url), client.post(url, data())):
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/sign-in/?next="), url
    assert podcast_snapshot() == before


def test_editing_pages_of_missing_shows_and_episodes_are_404_for_editors(client, make_user, db):
    client.force_login(make_user(roles=[Role.EDITOR]))
    for url in (
        "/podcasts/episodes/999999/edit/",
        "/podcasts/shows/999999/edit/",
        "/podcasts/shows/999999/episodes/",
        "/podcasts/no-such-show/episodes/new/",
    ):
        assert client.get(url).status_code == 404, url


def test_services_refuse_non_editors(make_user, episode):
    stranger = make_user(roles=[Role.MODERATOR])
    before = podcast_snapshot()
    with pytest.raises(NotAllowed):
        services.save_episode(editor=stranger, show=episode.show, episode=episode, title="Defaced")
    with pytest.raises(NotAllowed):
        services.save_show(
            editor=stranger,
            show=episode.show,
            title="Taken",
            description="x",
            author="x",
            owner_name="x",
            owner_email="x@example.org",
            category="Health & Fitness",
        )
    assert podcast_snapshot() == before
