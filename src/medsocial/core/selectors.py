"""The staff dashboard's reads: each role's queues, with how much waits in them.

Every section costs a fixed number of queries whatever the size of its queues (counts are
aggregated in one query per model; item lists are sliced), which the tests hold."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.accounts.models import Organization, User
from medsocial.census.models import AccountSubmission, CensusFigure
from medsocial.consulting import selectors as consulting_selectors
from medsocial.consulting.models import Engagement
from medsocial.core.navigation import STAFF_SECTIONS, administered_organizations, staff_keys
from medsocial.events import selectors as events_selectors
from medsocial.events.models import Event, Order, WorkshopRequest
from medsocial.learning import selectors as learning_selectors
from medsocial.publishing import selectors as publishing_selectors
from medsocial.publishing.models import Article, Comment, Issue

QUEUE_LENGTH = 8


@dataclass(frozen=True)
class Tally:
    """A number on the dashboard and the page where its rows are."""

    label: str
    count: int
    url: str


@dataclass(frozen=True)
class QueueItem:
    label: str
    url: str
    detail: str = ""


@dataclass
class StaffSection:
    key: str
    title: str
    tallies: list[Tally] = field(default_factory=list)
    queue_title: str = ""
    queue: list[QueueItem] = field(default_factory=list)
    empty_text: str = "Nothing waiting."


def _editor(user, with_queue: bool) -> StaffSection:
    articles = Article.objects.aggregate(
        drafts=Count("pk", filter=Q(status=Article.Status.DRAFT)),
        scheduled=Count("pk", filter=Q(status=Article.Status.SCHEDULED)),
    )
    issues = Issue.objects.aggregate(drafts=Count("pk", filter=Q(status=Issue.Status.DRAFT)))
    manage = reverse("publishing:article-manage")
    section = StaffSection(
        "editor",
        STAFF_SECTIONS["editor"],
        [
            Tally("Draft articles", articles["drafts"], manage),
            Tally("Scheduled articles", articles["scheduled"], manage),
            Tally("Newsletter drafts", issues["drafts"], reverse("publishing:issues")),
        ],
        queue_title="Drafts, last edited first",
        empty_text="No draft articles.",
    )
    if with_queue:
        drafts = Article.objects.filter(status=Article.Status.DRAFT).order_by("-updated_at", "-pk")
        section.queue = [
            QueueItem(
                a.title, reverse("publishing:article-edit", args=[a.pk]), f"edited {_date(a.updated_at)}"
            )
            for a in drafts.only("pk", "title", "updated_at")[:QUEUE_LENGTH]
        ]
    return section


def _moderator(user, with_queue: bool) -> StaffSection:
    comments = Comment.objects.filter(status=Comment.Status.PENDING)
    submissions = AccountSubmission.objects.filter(status=AccountSubmission.Status.PENDING)
    section = StaffSection(
        "moderator",
        STAFF_SECTIONS["moderator"],
        [
            Tally("Comments held for moderation", comments.count(), reverse("publishing:moderation")),
            Tally("Census submissions to review", submissions.count(), reverse("census:queue")),
        ],
        queue_title="Oldest comments waiting",
        empty_text="No comment is waiting.",
    )
    if with_queue:
        moderation = reverse("publishing:moderation")
        section.queue = [
            QueueItem(_shorten(c.body), moderation, f"{c.author_name} · {_date(c.created_at)}")
            for c in comments.select_related("user").order_by("created_at", "pk")[:QUEUE_LENGTH]
        ]
    return section


def _event_manager(user, with_queue: bool) -> StaffSection:
    now = timezone.now()
    events = Event.objects.aggregate(
        upcoming=Count("pk", filter=Q(ends_at__gte=now, status=Event.Status.PUBLISHED)),
        drafts=Count("pk", filter=Q(status=Event.Status.DRAFT)),
    )
    manage = reverse("events:manage")
    section = StaffSection(
        "event_manager",
        STAFF_SECTIONS["event_manager"],
        [
            Tally("Upcoming events", events["upcoming"], manage),
            Tally("Draft events", events["drafts"], manage),
            Tally(
                "New workshop requests",
                WorkshopRequest.objects.filter(status=WorkshopRequest.Status.NEW).count(),
                manage,
            ),
            Tally(
                "Orders awaiting payment",
                Order.objects.filter(payment_status=Order.PaymentStatus.PENDING).count(),
                manage,
            ),
        ],
        queue_title="Next events: check-in",
        empty_text="No upcoming event.",
    )
    if with_queue:
        upcoming = (
            Event.objects.filter(ends_at__gte=now, status=Event.Status.PUBLISHED)
            .order_by("starts_at", "pk")
            .only("slug", "title", "starts_at", "time_zone")
        )
        section.queue = [
            QueueItem(e.title, reverse("events:checkin", args=[e.slug]), _date(e.starts_at))
            for e in upcoming[:QUEUE_LENGTH]
        ]
    return section


def _instructor(user, with_queue: bool) -> StaffSection:
    taught = learning_selectors.courses_taught(user, with_enrollment_count=False)
    counts = taught.aggregate(courses=Count("pk"), drafts=Count("pk", filter=Q(status="draft")))
    teach = reverse("learning:teach")
    section = StaffSection(
        "instructor",
        STAFF_SECTIONS["instructor"],
        [
            Tally("Courses you teach", counts["courses"], teach),
            Tally("Unpublished drafts", counts["drafts"], teach),
        ],
        queue_title="Your courses",
        empty_text="You do not teach a course yet.",
    )
    if with_queue:
        section.queue = [
            QueueItem(c.title, reverse("learning:teach-course", args=[c.slug]), c.get_status_display())
            for c in taught[:QUEUE_LENGTH]
        ]
    return section


OPEN_STAGES = [
    Engagement.Stage.NEW,
    Engagement.Stage.QUALIFIED,
    Engagement.Stage.PROPOSAL,
    Engagement.Stage.ACTIVE,
]


def _coach(user, with_queue: bool) -> StaffSection:
    engagements = consulting_selectors.pipeline_engagements(user)
    by_stage = engagements.aggregate(
        **{stage.value: Count("pk", filter=Q(stage=stage), distinct=True) for stage in OPEN_STAGES}
    )
    board = reverse("consulting:board")
    section = StaffSection(
        "coach",
        STAFF_SECTIONS["coach"],
        [Tally(f"{stage.label} engagements", by_stage[stage.value] or 0, board) for stage in OPEN_STAGES],
        queue_title="New requests",
        empty_text="No new request.",
    )
    if with_queue:
        new = (
            engagements.filter(stage=Engagement.Stage.NEW)
            .select_related("organization")
            .order_by("-created_at", "-pk")
        )
        section.queue = [
            QueueItem(str(e), reverse("consulting:staff-engagement", args=[e.pk]), _date(e.created_at))
            for e in new[:QUEUE_LENGTH]
        ]
    return section


def _org_admin(user, with_queue: bool) -> StaffSection:
    now = timezone.now()
    ids = [o.pk for o in administered_organizations(user)]
    organizations = (
        Organization.objects.filter(pk__in=ids)
        .annotate(
            member_count=Count("memberships", distinct=True),
            pending_invitations=Count(
                "invitations",
                filter=Q(
                    invitations__accepted_at__isnull=True,
                    invitations__revoked_at__isnull=True,
                    invitations__expires_at__gt=now,
                ),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    rows = list(organizations)
    return StaffSection(
        "org_admin",
        STAFF_SECTIONS["org_admin"],
        [
            Tally("Members", sum(o.member_count for o in rows), reverse("accounts:organizations")),
            Tally(
                "Invitations not yet accepted",
                sum(o.pending_invitations for o in rows),
                reverse("accounts:organizations"),
            ),
        ],
        queue_title="Organizations you administer",
        queue=[
            QueueItem(
                o.name,
                reverse("accounts:organization", args=[o.slug]),
                f"{o.member_count} member{'s' if o.member_count != 1 else ''}",
            )
            for o in rows
        ],
        empty_text="You administer no organization.",
    )


def _site_admin(user, with_queue: bool) -> StaffSection:
    week_ago = timezone.now() - datetime.timedelta(days=7)
    people = User.objects.aggregate(
        total=Count("pk"),
        new=Count("pk", filter=Q(date_joined__gte=week_ago)),
    )
    admin_users = reverse("admin:accounts_user_changelist")
    section = StaffSection(
        "site_admin",
        STAFF_SECTIONS["site_admin"],
        [
            Tally("People", people["total"], admin_users),
            Tally("Joined in the last 7 days", people["new"], admin_users),
            Tally(
                "Organizations",
                Organization.objects.count(),
                reverse("admin:accounts_organization_changelist"),
            ),
            Tally(
                "Failed background tasks",
                DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count(),
                reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED",
            ),
        ],
        queue_title="Newest accounts",
        empty_text="No account yet.",
    )
    if with_queue:
        newest = User.objects.order_by("-date_joined", "-pk").only("pk", "email", "full_name", "date_joined")
        section.queue = [
            QueueItem(
                u.get_full_name() or u.email,
                reverse("admin:accounts_user_change", args=[u.pk]),
                _date(u.date_joined),
            )
            for u in newest[:QUEUE_LENGTH]
        ]
    return section


def home_highlights(viewer) -> dict:
    """What is on now, for the home page: the next events `viewer` may attend, the newest
    courses and articles, and the census headline (a fixed handful of queries)."""
    headline = (
        CensusFigure.objects.filter(dimension="overall", network="", key="")
        .order_by("-period")
        .only("hospitals", "hospitals_present")
        .first()
    )
    return {
        "events": list(events_selectors.upcoming_events(viewer=viewer)[:3]),
        "courses": list(learning_selectors.published_courses().order_by("-published_at", "-pk")[:3]),
        "articles": list(publishing_selectors.published_articles()[:3]),
        "census": headline if headline and headline.hospitals else None,
    }


SECTION_BUILDERS = {
    "editor": _editor,
    "moderator": _moderator,
    "event_manager": _event_manager,
    "instructor": _instructor,
    "coach": _coach,
    "org_admin": _org_admin,
    "site_admin": _site_admin,
}


def staff_sections(user, *, only: str | None = None) -> list[StaffSection]:
    """The dashboard sections `user` may see (all of them, or just `only` with its queue)."""
    keys = staff_keys(user)
    if only is not None:
        keys = [key for key in keys if key == only]
    return [SECTION_BUILDERS[key](user, only is not None) for key in keys]


def _date(value) -> str:
    return timezone.localtime(value).strftime("%b %-d, %Y") if value else ""


def _shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
