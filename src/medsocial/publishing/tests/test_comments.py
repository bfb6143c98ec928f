"""Comments: who is held, the safety screening, spam defences, moderation, replies and deletion."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.errors import CommentError
from medsocial.publishing.models import Comment, CommenterBan
from medsocial.publishing.services import comments as comment_services
from medsocial.publishing.tests.factories import make_article, make_comment, make_episode
from medsocial.safety import services as safety_services


@pytest.fixture
def article(db):
    return make_article()


@pytest.fixture
def moderator(make_user):
    return make_user(roles=[Role.MODERATOR])


def guest(article, body="Hello", email="g@example.org", **kw):
    return services.submit_comment(target=article, body=body, name="Guest", email=email, **kw)


def test_first_time_guest_is_held_and_a_known_one_is_published(article, moderator):
    first = guest(article)
    assert first.status == Comment.Status.PENDING
    services.moderate_comment(moderator=moderator, comment=first, action="approve")
    assert guest(article, body="Again").status == Comment.Status.APPROVED


def test_first_time_signed_in_user_is_held(article, make_user):
    comment = services.submit_comment(target=article, body="Hi", user=make_user(roles=[]))
    assert comment.status == Comment.Status.PENDING


def test_comments_on_episodes(db, moderator):
    episode = make_episode()
    comment = services.submit_comment(target=episode, body="Nice", name="G", email="g@example.org")
    assert comment.episode_id == episode.pk and comment.status == Comment.Status.PENDING


def test_screening_reasons_hold_even_a_known_commenter_and_are_kept(article, moderator, monkeypatch, client):
    make_comment(article, email="known@example.org")
    monkeypatch.setattr(
        safety_services,
        "comment_concerns",
        lambda text: ["Seems to identify a patient (name and room number)."],
    )
    comment = guest(article, body="Anything", email="known@example.org")
    assert comment.status == Comment.Status.PENDING
    assert comment.concerns == ["Seems to identify a patient (name and room number)."]
    client.force_login(moderator)
    assert (
        b"Seems to identify a patient (name and room number)." in client.get("/comments/moderation/").content
    )


def test_a_known_commenter_without_concerns_is_not_held(article, monkeypatch):
    make_comment(article, email="known@example.org")
    calls = []
    monkeypatch.setattr(safety_services, "comment_concerns", lambda text: calls.append(text) or [])
    assert guest(article, body="Fine words", email="known@example.org").status == Comment.Status.APPROVED
    assert calls == ["Fine words"]


def test_real_engine_holds_a_comment_naming_a_patient(article):
    """Uses the safety coach's engine as it is; it must find the patient details."""
    make_comment(article, email="known@example.org")
    comment = guest(
        article, email="known@example.org", body="My patient John Smith in room 412 was discharged yesterday"
    )
    assert comment.status == Comment.Status.PENDING
    assert comment.concerns, "the safety engine found nothing in a comment naming a patient and a room"


def test_honeypot_refuses(article):
    with pytest.raises(CommentError):
        guest(article, honeypot="http://spam.example")
    assert not Comment.objects.exists()


def test_rate_limit_per_ip(article):
    for i in range(comment_services.RATE_LIMIT_COUNT):
        guest(article, body=f"c{i}", email=f"g{i}@example.org", ip_address="10.0.0.1")
    with pytest.raises(CommentError, match="too fast"):
        guest(article, body="one more", email="x@example.org", ip_address="10.0.0.1")
    guest(article, body="other ip", email="y@example.org", ip_address="10.0.0.2")


def test_rate_limit_per_user_across_addresses(article, make_user):
    user = make_user(roles=[])
    for i in range(comment_services.RATE_LIMIT_COUNT):
        services.submit_comment(target=article, body=f"c{i}", user=user, ip_address=f"10.0.1.{i}")
    with pytest.raises(CommentError, match="too fast"):
        services.submit_comment(target=article, body="more", user=user, ip_address="10.0.2.1")


def test_ban_rejects_pending_and_refuses_new_comments(article, moderator):
    held = guest(article, email="troll@example.org")
    other = guest(article, body="second", email="troll@example.org")
    services.moderate_comment(moderator=moderator, comment=held, action="ban")
    assert CommenterBan.objects.filter(email="troll@example.org").exists()
    other.refresh_from_db()
    assert other.status == Comment.Status.REJECTED
    with pytest.raises(CommentError):
        guest(article, email="troll@example.org")


def test_only_moderators_moderate(article, make_user):
    comment = guest(article)
    with pytest.raises(NotAllowed):
        services.moderate_comment(moderator=make_user(roles=[Role.EDITOR]), comment=comment, action="approve")


def test_moderation_queue_is_for_moderators_only(client, make_user, db):
    client.force_login(make_user(roles=[]))
    assert client.get("/comments/moderation/").status_code == 403
    client.logout()
    assert client.get("/comments/moderation/").status_code == 302


def test_reply_to_a_reply_stays_one_level_deep(article):
    top = make_comment(article, email="a@example.org")
    reply = make_comment(article, email="b@example.org", parent=top)
    deeper = guest(article, email="b@example.org", parent=reply)
    assert deeper.parent_id == top.pk


def test_author_is_emailed_when_someone_replies(article, smtp_server, django_capture_on_commit_callbacks):
    top = make_comment(article, name="Ana", email="ana@example.org")
    make_comment(article, email="ben@example.org")  # ben is known, so his reply is published at once
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_comment(
            target=article, body="I agree", name="Ben", email="ben@example.org", parent=top
        )
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ana@example.org"
    assert "Ben replied" in message["Subject"]


def test_guest_deletes_own_comment_from_the_same_browser(client, article):
    response = client.post(
        f"/comments/article/{article.pk}/", {"body": "Oops", "name": "Guest", "email": "g@example.org"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    other_browser = client.__class__()
    other_browser.post(f"/comments/{comment.pk}/delete/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    client.post(f"/comments/{comment.pk}/delete/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED and comment.body == ""


def test_signed_in_user_deletes_own_comment_but_not_others(client, article, make_user):
    owner, stranger = make_user(roles=[]), make_user(roles=[])
    comment = make_comment(article, user=owner)
    client.force_login(stranger)
    client.post(f"/comments/{comment.pk}/delete/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    client.force_login(owner)
    assert b"Delete my comment" in client.get(article.get_absolute_url()).content
    client.post(f"/comments/{comment.pk}/delete/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED


def test_page_form_shows_errors_without_name(client, article):
    response = client.post(f"/comments/article/{article.pk}/", {"body": "Hi"})
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_no_comments_on_drafts(client, db):
    draft = make_article(published=False)
    response = client.post(
        f"/comments/article/{draft.pk}/", {"body": "Hi", "name": "G", "email": "g@example.org"}
    )
    assert response.status_code == 404
