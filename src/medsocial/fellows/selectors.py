"""Reads of the ladder shared by pages and the API: where a person stands, who may see or review
a portfolio, the review queue and the public directory (each a fixed number of queries)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from medsocial.fellows import criteria
from medsocial.fellows.models import Fellow, Level, Portfolio, RubricItem


def levels() -> list[Level]:
    return list(Level.objects.select_related("badge_class").order_by("rank"))


def fellow_of(person) -> Fellow | None:
    if not getattr(person, "is_authenticated", False):
        return None
    return Fellow.objects.select_related("level").filter(person=person).first()


def next_level_after(current: Level | None, all_levels: list[Level]) -> Level | None:
    rank = current.rank if current else 0
    return next((level for level in all_levels if level.rank > rank), None)


def next_level(person) -> Level | None:
    """The level the person may submit a portfolio for: the one above their current level."""
    fellow = fellow_of(person)
    return next_level_after(fellow.level if fellow else None, levels())


def open_portfolio(person) -> Portfolio | None:
    """The portfolio in review or returned for changes, if there is one."""
    return Portfolio.objects.select_related("level").filter(person=person, status__in=Portfolio.OPEN).first()


def portfolios_of(person) -> QuerySet[Portfolio]:
    return (
        Portfolio.objects.filter(person=person)
        .select_related("level", "award")
        .order_by("-submitted_at", "-pk")
    )


@dataclass
class Standing:
    """Everything the person's Fellows page shows."""

    fellow: Fellow | None
    levels: list[Level]
    next_level: Level | None
    figures: dict
    progress: list[criteria.Progress]
    open_portfolio: Portfolio | None

    @property
    def ready(self) -> bool:
        return self.next_level is not None and all(row.met for row in self.progress)

    @property
    def unmet(self) -> list[str]:
        return [row.describe_gap() for row in self.progress if not row.met]


def standing_of(person) -> Standing:
    all_levels = levels()
    fellow = fellow_of(person)
    upcoming = next_level_after(fellow.level if fellow else None, all_levels)
    figures = criteria.figures_for(person)
    return Standing(
        fellow=fellow,
        levels=all_levels,
        next_level=upcoming,
        figures=figures,
        progress=criteria.progress_toward(upcoming, figures) if upcoming else [],
        open_portfolio=open_portfolio(person),
    )


def can_review(user) -> bool:
    """Staff holding the review permission (site admins have it through their role)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.is_staff
        and user.has_perm("fellows.review_portfolio")
    )


def access_portfolio(user, pk) -> Portfolio:
    """The portfolio, if `user` is its author or may review it; a 404 otherwise."""
    portfolio = (
        Portfolio.objects.select_related("person", "level", "level__badge_class", "award")
        .filter(pk=pk)
        .first()
    )
    if portfolio is None or not (portfolio.person_id == getattr(user, "pk", None) or can_review(user)):
        raise Http404("No such portfolio.")
    return portfolio


def reviews_of(portfolio: Portfolio):
    return portfolio.reviews.select_related("reviewer").order_by("created_at", "pk")


def review_queue() -> QuerySet[Portfolio]:
    """Portfolios waiting for a review, oldest first."""
    return (
        Portfolio.objects.filter(status=Portfolio.Status.IN_REVIEW)
        .select_related("person", "level")
        .order_by("submitted_at", "pk")
    )


def rubric() -> list[RubricItem]:
    return list(RubricItem.objects.filter(is_active=True).order_by("position", "pk"))


def directory() -> QuerySet[Fellow]:
    """Fellows who agreed to be listed, highest level first, then by name."""
    return (
        Fellow.objects.filter(listed=True, person__is_active=True)
        .select_related("person", "level")
        .order_by("-level__rank", "person__full_name", "pk")
    )


def portfolio_by_evidence_code(code: str) -> Portfolio:
    """The approved portfolio behind a badge's evidence link (anyone with the link)."""
    portfolio = (
        Portfolio.objects.select_related("person", "level", "award")
        .filter(evidence_code=code.strip().upper(), status=Portfolio.Status.APPROVED)
        .first()
    )
    if portfolio is None:
        raise Http404("No such portfolio.")
    return portfolio
