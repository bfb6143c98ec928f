"""The conference programme: my agenda, the call for proposals, reviews and decisions."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from medsocial.events.errors import EventError, RegistrationConflict
from medsocial.events.models import AgendaItem, Event, Proposal, Registration, Review, Session, Speaker
from medsocial.events.services.checkin import require_event_manager
from medsocial.events.services.schedule import check_session_fits


@transaction.atomic
def add_to_agenda(*, session: Session, user) -> AgendaItem:
    """Put a session on the person's agenda; for sessions with a capacity this takes a seat,
    under a lock on the session so the last seat goes to one person."""
    session = Session.objects.select_for_update(of=("self",)).select_related("event").get(pk=session.pk)
    if not Registration.objects.filter(
        event_id=session.event_id, user=user, status=Registration.Status.CONFIRMED
    ).exists():
        raise EventError("Register for the event first; then you can build your agenda.")
    if AgendaItem.objects.filter(session=session, user=user).exists():
        raise RegistrationConflict("This session is already on your agenda.")
    if session.capacity is not None and session.agenda_items.count() >= session.capacity:
        raise EventError(f"“{session.title}” is full.")
    return AgendaItem.objects.create(session=session, user=user)


@transaction.atomic
def remove_from_agenda(*, session: Session, user) -> None:
    AgendaItem.objects.filter(session=session, user=user).delete()


def _clean_speakers(speakers: list[dict]) -> list[dict]:
    cleaned = []
    for s in speakers:
        name = str(s.get("name", "")).strip()
        if not name:
            continue
        cleaned.append(
            {k: str(s.get(k, "")).strip()[:2000] for k in ("name", "email", "organization", "bio")}
        )
    if not cleaned:
        raise EventError("Name at least one speaker.", field="speakers")
    return cleaned


@transaction.atomic
def submit_proposal(
    *, event: Event, user, title: str, abstract: str, format: str, speakers: list[dict]
) -> Proposal:
    """Anyone signed in may propose a talk while the event has not started."""
    if event.status != Event.Status.PUBLISHED or event.kind != Event.Kind.CONFERENCE:
        raise EventError("This event does not take proposals.")
    if timezone.now() >= event.starts_at:
        raise EventError("The call for proposals for this event is closed.")
    if not title.strip() or not abstract.strip():
        raise EventError("A proposal needs a title and an abstract.", field="title")
    if format not in Session.Format.values or format == Session.Format.BREAK:
        raise EventError("Choose a format.", field="format")
    return Proposal.objects.create(
        event=event,
        submitted_by=user,
        title=title.strip(),
        abstract=abstract.strip(),
        format=format,
        speakers=_clean_speakers(speakers),
    )


@transaction.atomic
def review_proposal(*, proposal: Proposal, reviewer, score: int, comment: str = "") -> Review:
    """Score (1–5) and comment; a reviewer's second review replaces the first."""
    require_event_manager(reviewer)
    if not 1 <= int(score) <= 5:
        raise EventError("A score is from 1 to 5.", field="score")
    if proposal.submitted_by_id == reviewer.pk:
        raise EventError("You cannot review your own proposal.")
    review, _ = Review.objects.update_or_create(
        proposal=proposal, reviewer=reviewer, defaults={"score": int(score), "comment": comment.strip()}
    )
    return review


def _speaker_for(entry: dict) -> Speaker:
    email = entry.get("email", "").lower()
    if email:
        existing = Speaker.objects.filter(email__iexact=email).first()
        if existing:
            return existing
    base = slugify(entry["name"])[:70] or "speaker"
    slug, n = base, 2
    while Speaker.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return Speaker.objects.create(
        name=entry["name"],
        slug=slug,
        email=email,
        organization_name=entry.get("organization", ""),
        bio=entry.get("bio", ""),
    )


@transaction.atomic
def decide_proposal(
    *,
    proposal: Proposal,
    by,
    accept: bool,
    starts_at=None,
    ends_at=None,
    track=None,
    room=None,
    capacity=None,
) -> Proposal:
    """Accept (the talk becomes a session in the programme) or reject; speakers are emailed."""
    from medsocial.events import tasks

    require_event_manager(by)
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("event").get(pk=proposal.pk)
    if proposal.status != Proposal.Status.SUBMITTED:
        raise EventError(f"This proposal was already {proposal.get_status_display().lower()}.")
    if accept:
        if not starts_at or not ends_at or ends_at <= starts_at:
            raise EventError(
                "An accepted talk needs a time slot that ends after it starts.", field="starts_at"
            )
        session = Session(
            event=proposal.event,
            title=proposal.title,
            abstract=proposal.abstract,
            format=proposal.format,
            track=track,
            room=room,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
        )
        event = Event.objects.select_for_update().get(pk=proposal.event_id)  # the programme's lock
        check_session_fits(session=session, event=event)
        session.save()
        session.speakers.set([_speaker_for(entry) for entry in proposal.speakers])
        proposal.session = session
    proposal.status = Proposal.Status.ACCEPTED if accept else Proposal.Status.REJECTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "session"])
    transaction.on_commit(lambda: tasks.send_proposal_decision.enqueue(proposal.pk))
    return proposal
