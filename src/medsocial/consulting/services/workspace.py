"""The engagement workspace: coaching sessions, action items, shared documents, messages."""

from datetime import date, datetime
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import Membership, User
from medsocial.consulting import tasks
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import (
    ActionItem,
    CoachAssignment,
    CoachingSession,
    Document,
    DocumentVersion,
    Engagement,
    Message,
)
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.core.errors import NotAllowed
from medsocial.core.uploads import check_upload

CLOSED_STAGES = (Engagement.Stage.COMPLETED, Engagement.Stage.DECLINED)

# What a workspace keeps; `medsocial.core.uploads` checks each file's bytes against its type.
ALLOWED_UPLOADS = ("pdf", "docx", "xlsx", "pptx", "png", "jpg", "jpeg", "csv", "txt")


def max_upload_bytes() -> int:
    return getattr(settings, "CONSULTING_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)


def allowed_upload_summary() -> str:
    return ", ".join(sorted({ext.upper() for ext in ALLOWED_UPLOADS if ext != "jpeg"}))


def _is_participant(user: User, engagement: Engagement) -> bool:
    return Membership.objects.filter(
        user=user, organization_id=engagement.organization_id
    ).exists() or _is_coach(user, engagement)


def _is_coach(user: User, engagement: Engagement) -> bool:
    return CoachAssignment.objects.filter(coach=user, engagement=engagement).exists()


def _require_participant(user: User, engagement: Engagement) -> None:
    if not _is_participant(user, engagement):
        raise NotAllowed("Only the client's members and the assigned coaches work in this workspace.")


def _require_open(engagement: Engagement) -> None:
    if engagement.stage in CLOSED_STAGES:
        raise ConsultingError(
            f"This engagement is {engagement.get_stage_display().lower()}; its workspace is read-only."
        )


# --- Sessions --------------------------------------------------------------------------------


@transaction.atomic
def schedule_session(
    *,
    actor: User,
    engagement: Engagement,
    title: str,
    starts_at: datetime,
    duration_minutes: int = 60,
    location: str = "",
    agenda: str = "",
) -> CoachingSession:
    """A coach schedules a session; everyone in the workspace gets an invitation with an .ics file."""
    if not _is_coach(actor, engagement):
        raise NotAllowed("Only the engagement's coaches schedule sessions.")
    _require_open(engagement)
    if not title.strip():
        raise ConsultingError("Give the session a title.", field="title")
    if outside_supported_years(starts_at):
        raise ConsultingError(DATE_RANGE_MESSAGE, field="starts_at")
    if starts_at <= timezone.now():
        raise ConsultingError("The session must start in the future.", field="starts_at")
    if not 15 <= duration_minutes <= 480:
        raise ConsultingError("A session lasts between 15 minutes and 8 hours.", field="duration_minutes")
    now = timezone.now()
    session = CoachingSession.objects.create(
        engagement=engagement,
        title=title.strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location.strip(),
        agenda=agenda.strip(),
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    transaction.on_commit(lambda: tasks.notify_session_scheduled.enqueue(session.pk))
    return session


@transaction.atomic
def update_session(
    *,
    actor: User,
    session: CoachingSession,
    title: str,
    starts_at: datetime,
    duration_minutes: int,
    location: str,
    agenda: str,
    notes: str,
) -> CoachingSession:
    """A coach edits a session (time, agenda, notes); a moved session is a new calendar revision."""
    if not _is_coach(actor, session.engagement):
        raise NotAllowed("Only the engagement's coaches edit sessions.")
    session = CoachingSession.objects.select_for_update().get(pk=session.pk)
    if not title.strip():
        raise ConsultingError("Give the session a title.", field="title")
    if not 15 <= duration_minutes <= 480:
        raise ConsultingError("A session lasts between 15 minutes and 8 hours.", field="duration_minutes")
    if outside_supported_years(starts_at):
        raise ConsultingError(DATE_RANGE_MESSAGE, field="starts_at")
    moved = starts_at != session.starts_at or duration_minutes != session.duration_minutes
    if moved and starts_at <= timezone.now():
        raise ConsultingError("A session can only be moved to a time in the future.", field="starts_at")
    session.title = title.strip()
    session.starts_at = starts_at
    session.duration_minutes = duration_minutes
    session.location = location.strip()
    session.agenda = agenda.strip()
    session.notes = notes.strip()
    session.updated_at = timezone.now()
    if moved:
        session.sequence += 1
    session.save()
    return session


# --- Action items ----------------------------------------------------------------------------


@transaction.atomic
def add_action_item(
    *,
    actor: User,
    engagement: Engagement,
    title: str,
    due_on: date,
    owner: User | None = None,
    session: CoachingSession | None = None,
) -> ActionItem:
    _require_participant(actor, engagement)
    _require_open(engagement)
    if not title.strip():
        raise ConsultingError("Say what needs to be done.", field="title")
    if outside_supported_years(due_on):
        raise ConsultingError(DATE_RANGE_MESSAGE, field="due_on")
    if due_on < timezone.localdate():
        raise ConsultingError("The due date is in the past.", field="due_on")
    if owner is not None and not _is_participant(owner, engagement):
        raise ConsultingError(
            "The owner must be a member of the client organization or a coach.", field="owner"
        )
    if session is not None and session.engagement_id != engagement.pk:
        raise ConsultingError("That session belongs to another engagement.", field="session")
    return ActionItem.objects.create(
        engagement=engagement,
        session=session,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )


@transaction.atomic
def set_action_item_done(*, actor: User, item: ActionItem, done: bool) -> ActionItem:
    """Mark an action item done or not done; anyone in the workspace may."""
    _require_participant(actor, item.engagement)
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if done and item.done_at is None:
        item.done_at, item.done_by = timezone.now(), actor
    elif not done:
        item.done_at, item.done_by = None, None
    item.save(update_fields=["done_at", "done_by"])
    return item


@transaction.atomic
def delete_action_item(*, actor: User, item: ActionItem) -> None:
    """Remove an action item added by mistake: its author or one of the coaches may."""
    _require_participant(actor, item.engagement)
    if item.created_by_id != actor.pk and not _is_coach(actor, item.engagement):
        raise NotAllowed("Only the person who added an action item, or a coach, can remove it.")
    item.delete()


# --- Documents -------------------------------------------------------------------------------


def _check_upload(upload: UploadedFile) -> tuple[str, str]:
    """Refuse files of a type we do not keep, or too large; return (safe name, MIME type)."""
    name = PurePath(upload.name or "").name.strip()
    kind = check_upload(
        upload,
        extensions=ALLOWED_UPLOADS,
        max_bytes=max_upload_bytes(),
        field="file",
        error=ConsultingError,
        verb="shared",
    )
    return name[-200:], kind.mimetype


@transaction.atomic
def upload_document(
    *,
    actor: User,
    engagement: Engagement,
    upload: UploadedFile,
    title: str = "",
    document: Document | None = None,
    comment: str = "",
) -> DocumentVersion:
    """Share a new document, or a new version of `document`; earlier versions stay available."""
    _require_participant(actor, engagement)
    _require_open(engagement)
    name, mimetype = _check_upload(upload)
    now = timezone.now()
    if document is None:
        document = Document.objects.create(
            engagement=engagement,
            title=(title.strip() or name)[:200],
            created_by=actor,
            created_at=now,
            updated_at=now,
        )
    elif document.engagement_id != engagement.pk:
        raise ConsultingError("That document belongs to another engagement.")
    document = Document.objects.select_for_update().get(pk=document.pk)
    document.latest_version += 1
    document.updated_at = now
    document.save(update_fields=["latest_version", "updated_at"])
    version = DocumentVersion(
        document=document,
        number=document.latest_version,
        original_name=name,
        size=upload.size or 0,
        content_type=mimetype,
        comment=comment.strip()[:300],
        uploaded_by=actor,
        uploaded_at=now,
    )
    version.file.save(name, upload, save=False)
    try:
        version.save()
    except Exception:
        version.file.storage.delete(version.file.name)  # no orphan file for a refused row
        raise
    return version


# --- Messages --------------------------------------------------------------------------------


@transaction.atomic
def post_message(*, actor: User, engagement: Engagement, body: str) -> Message:
    """Post to the workspace thread; everyone else in the workspace is told by email."""
    _require_participant(actor, engagement)
    body = body.strip()
    if not body:
        raise ConsultingError("Write a message first.", field="body")
    if len(body) > 5000:
        raise ConsultingError(
            "Keep a message under 5,000 characters; share longer texts as a document.", field="body"
        )
    message = Message.objects.create(engagement=engagement, author=actor, body=body)
    transaction.on_commit(lambda: tasks.notify_new_message.enqueue(message.pk))
    return message
