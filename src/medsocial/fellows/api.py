"""`/api/v1/fellows/`: the levels and directory (public), my progress and portfolios, and the
review queue and reviews for reviewers. The same services and selectors as the pages."""

import datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from medsocial.api.pagination import PageNumberPagination
from medsocial.awards.documents import badge_class_url
from medsocial.awards.openbadges import absolute
from medsocial.fellows import selectors, services
from medsocial.fellows.criteria import CRITERIA
from medsocial.fellows.errors import ReviewNotAllowed
from medsocial.fellows.models import Fellow, Level, Portfolio, Review

router = Router(tags=["fellows"])


class CriterionOut(Schema):
    key: str
    label: str
    minimum: Decimal


class LevelOut(Schema):
    slug: str
    name: str
    rank: int
    description: str
    badge_class_url: str
    criteria: list[CriterionOut]


class LadderProgressOut(Schema):
    key: str
    label: str
    have: Decimal
    need: Decimal
    met: bool


class StandingOut(Schema):
    level: str | None = Field(description="The level held, or null before the first.")
    next_level: str | None
    ready_to_submit: bool
    unmet: list[str]
    progress: list[LadderProgressOut]
    open_portfolio_id: int | None
    listed_in_directory: bool


class PortfolioOut(Schema):
    id: int
    person: str
    level: str
    status: str
    statement: str
    links: list[str]
    has_file: bool
    directory_consent: bool
    criteria_figures: dict[str, str]
    submitted_at: datetime.datetime
    decided_at: datetime.datetime | None
    award_verification_url: str | None

    @staticmethod
    def resolve_person(portfolio: Portfolio) -> str:
        return portfolio.person.display_name

    @staticmethod
    def resolve_level(portfolio: Portfolio) -> str:
        return portfolio.level.slug

    @staticmethod
    def resolve_has_file(portfolio: Portfolio) -> bool:
        return bool(portfolio.file)

    @staticmethod
    def resolve_award_verification_url(portfolio: Portfolio) -> str | None:
        return absolute(portfolio.award.get_absolute_url()) if portfolio.award_id else None


class PortfolioIn(Schema):
    statement: str = Field(max_length=5000)
    links: list[str] = Field(default_factory=list, max_length=50)
    directory_consent: bool = False


class PortfolioReviewIn(Schema):
    scores: dict[str, int] = Field(description="Rubric item id → score, one for every active rubric item.")
    comments: str = Field("", max_length=4000)
    decision: Review.Decision
    reason: str = Field("", max_length=2000, description="Required to return or decline.")


class PortfolioReviewOut(Schema):
    id: int
    decision: str
    scores: list[dict]
    comments: str
    reason: str
    created_at: datetime.datetime


class RubricItemOut(Schema):
    id: int
    title: str
    guidance: str
    max_score: int


class FellowOut(Schema):
    name: str
    level: str
    since: datetime.datetime

    @staticmethod
    def resolve_name(fellow: Fellow) -> str:
        return fellow.person.display_name

    @staticmethod
    def resolve_level(fellow: Fellow) -> str:
        return fellow.level.name


class ListingIn(Schema):
    listed: bool


def _level_out(level: Level) -> LevelOut:
    return LevelOut(
        slug=level.slug,
        name=level.name,
        rank=level.rank,
        description=level.description,
        badge_class_url=badge_class_url(level.badge_class),
        criteria=[
            CriterionOut(key=c.key, label=c.label, minimum=getattr(level, c.threshold))
            for c in CRITERIA
            if getattr(level, c.threshold)
        ],
    )


@router.get("/levels", response=list[LevelOut], auth=None, summary="The ladder's levels and criteria")
def levels(request: HttpRequest):
    return [_level_out(level) for level in selectors.levels()]


@router.get("/directory", response=list[FellowOut], auth=None, summary="Fellows who agreed to be listed")
@paginate(PageNumberPagination, page_size=60)
def directory(request: HttpRequest):
    return selectors.directory()


@router.get("/me", response=StandingOut, summary="My level, progress toward the next and open portfolio")
def my_standing(request: HttpRequest):
    standing = selectors.standing_of(request.auth)
    return StandingOut(
        level=standing.fellow.level.slug if standing.fellow else None,
        next_level=standing.next_level.slug if standing.next_level else None,
        ready_to_submit=standing.ready and standing.open_portfolio is None,
        unmet=standing.unmet,
        progress=[
            LadderProgressOut(key=row.key, label=row.label, have=row.have, need=row.need, met=row.met)
            for row in standing.progress
        ],
        open_portfolio_id=standing.open_portfolio.pk if standing.open_portfolio else None,
        listed_in_directory=bool(standing.fellow and standing.fellow.listed),
    )


@router.put("/me/listing", response=StandingOut, summary="Give or withdraw consent to the directory")
def set_listing(request: HttpRequest, payload: ListingIn):
    services.set_directory_listing(person=request.auth, listed=payload.listed)
    return my_standing(request)


@router.get("/portfolios", response=list[PortfolioOut], summary="My portfolios")
def my_portfolios(request: HttpRequest):
    return selectors.portfolios_of(request.auth).select_related("person")


@router.post(
    "/portfolios",
    response={201: PortfolioOut},
    summary="Submit a portfolio for my next level (a file can be attached on the page)",
)
def submit(request: HttpRequest, payload: PortfolioIn):
    portfolio = services.submit_portfolio(
        person=request.auth,
        statement=payload.statement,
        links=payload.links,
        directory_consent=payload.directory_consent,
    )
    return Status(201, portfolio)


@router.get(
    "/portfolios/{portfolio_id}", response=PortfolioOut, summary="A portfolio (its author or a reviewer)"
)
def portfolio(request: HttpRequest, portfolio_id: int):
    return selectors.access_portfolio(request.auth, portfolio_id)


@router.get("/rubric", response=list[RubricItemOut], summary="The review rubric")
def rubric(request: HttpRequest):
    return selectors.rubric()


@router.get(
    "/review-queue", response=list[PortfolioOut], summary="Portfolios waiting for a review (reviewers)"
)
@paginate(PageNumberPagination, page_size=50)
def review_queue(request: HttpRequest):
    if not selectors.can_review(request.auth):
        raise ReviewNotAllowed("Only staff who review Fellows portfolios can see the queue.")
    return selectors.review_queue().select_related("award")


@router.post(
    "/portfolios/{portfolio_id}/reviews",
    response={201: PortfolioReviewOut},
    summary="Review a portfolio (reviewers)",
)
def review(request: HttpRequest, portfolio_id: int, payload: PortfolioReviewIn):
    target = selectors.access_portfolio(request.auth, portfolio_id)
    result = services.review_portfolio(
        portfolio=target,
        reviewer=request.auth,
        scores=payload.scores,
        comments=payload.comments,
        decision=payload.decision,
        reason=payload.reason,
    )
    return Status(201, result)
