"""What the hub already knows about a person, as the figures the ladder's criteria compare.

Each figure is one query, whatever the person's history; `figures_for` runs them all. A level's
threshold for a criterion is the Level field named by `Criterion.threshold`."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from medsocial.consulting.models import CoachingSession
from medsocial.events.models import Event, Registration, Session
from medsocial.learning.models import CECredit, Certificate
from medsocial.publishing.models import Article


def courses_completed(person) -> int:
    """Courses with a certificate that is not revoked."""
    return (
        Certificate.objects.filter(user=person, revoked_at__isnull=True).values("course").distinct().count()
    )


def ce_hours(person) -> Decimal:
    return CECredit.objects.filter(user=person).aggregate(total=Sum("hours"))["total"] or Decimal("0")


def events_attended(person) -> int:
    """Events the person was checked in at."""
    return (
        Registration.objects.filter(user=person, checked_in_at__isnull=False)
        .values("event")
        .distinct()
        .count()
    )


def articles_published(person) -> int:
    """Articles live on the site with the person among their authors."""
    return Article.objects.filter(
        authors=person, status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
    ).count()


def talks_given(person) -> int:
    """Sessions on a published event's programme (summit talks, panels, workshops) with the
    person among the speakers; breaks do not count."""
    return (
        Session.objects.filter(speakers__user=person, event__status=Event.Status.PUBLISHED)
        .exclude(format=Session.Format.BREAK)
        .values("pk")
        .distinct()
        .count()
    )


def coaching_sessions_led(person) -> int:
    """Coaching sessions already held on engagements the person coaches."""
    return (
        CoachingSession.objects.filter(engagement__coaches=person, starts_at__lt=timezone.now())
        .values("pk")
        .distinct()
        .count()
    )


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    threshold: str  # the Level field holding the minimum
    figure: Callable[..., int | Decimal]
    unit: str = ""


CRITERIA = [
    Criterion("courses", "Courses completed", "min_courses", courses_completed),
    Criterion("ce_hours", "CE hours", "min_ce_hours", ce_hours, unit="hours"),
    Criterion("events", "Events attended", "min_events", events_attended),
    Criterion("articles", "Articles published as author", "min_articles", articles_published),
    Criterion("talks", "Talks given", "min_talks", talks_given),
    Criterion("mentoring", "Coaching sessions led", "min_mentoring", coaching_sessions_led),
]


def figures_for(person) -> dict[str, int | Decimal]:
    """Every criterion's figure for `person` (one query each)."""
    return {criterion.key: criterion.figure(person) for criterion in CRITERIA}


@dataclass(frozen=True)
class Progress:
    key: str
    label: str
    have: int | Decimal
    need: int | Decimal
    unit: str

    @property
    def met(self) -> bool:
        return self.have >= self.need

    @property
    def percent(self) -> int:
        if not self.need:
            return 100
        return min(100, int(self.have * 100 / self.need))

    def describe_gap(self) -> str:
        return f"{self.label}: {_figure(self.have)} of {_figure(self.need)}"


def _figure(value) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def progress_toward(level, figures: dict) -> list[Progress]:
    """The level's criteria that ask for something, with what the person has."""
    rows = []
    for criterion in CRITERIA:
        need = getattr(level, criterion.threshold)
        if need:
            rows.append(
                Progress(criterion.key, criterion.label, figures[criterion.key], need, criterion.unit)
            )
    return rows


def unmet(level, figures: dict) -> list[str]:
    return [row.describe_gap() for row in progress_toward(level, figures) if not row.met]


def figures_as_json(figures: dict) -> dict:
    return {key: _figure(value) for key, value in figures.items()}


def figures_narrative(level, figures: dict) -> str:
    """The record a level was awarded on, in one sentence, for the badge's evidence."""
    parts = [f"{row.label.lower()} {_figure(row.have)}" for row in progress_toward(level, figures)]
    if not parts:
        return f"Portfolio reviewed for {level.name}."
    return f"Record when the portfolio was submitted for {level.name}: " + "; ".join(parts) + "."
