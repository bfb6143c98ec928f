"""Writes of the ladder: submit and resubmit a portfolio, review it, and the directory consent.

Approval awards the level's Open Badge through `medsocial.awards.services.award_badge`, with the
person's figures and the portfolio's public evidence page as evidence."""

from decimal import Decimal
from pathlib import PurePath
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from medsocial.awards.openbadges import absolute
from medsocial.awards.services import award_badge
from medsocial.core.uploads import check_upload
from medsocial.fellows import criteria, selectors
from medsocial.fellows.errors import CriteriaNotMet, FellowsError, PortfolioInReview, ReviewNotAllowed
from medsocial.fellows.models import Fellow, Level, Portfolio, Review

STATEMENT_MIN = 100
STATEMENT_MAX = 5000
MAX_LINKS = 10
PORTFOLIO_UPLOADS = ("pdf", "docx", "pptx", "png", "jpg", "jpeg")
PORTFOLIO_MAX_BYTES = 10 * 1024 * 1024
REASON_MAX = 2000


def _clean_statement(statement: str) -> str:
    statement = (statement or "").strip()
    if len(statement) < STATEMENT_MIN:
        raise FellowsError(
            f"Write a statement of at least {STATEMENT_MIN} characters about what you have done "
            f"(it has {len(statement)}).",
            field="statement",
        )
    if len(statement) > STATEMENT_MAX:
        raise FellowsError(f"Keep the statement under {STATEMENT_MAX} characters.", field="statement")
    return statement


def _clean_links(links) -> list[str]:
    cleaned = []
    for number, link in enumerate(links or [], start=1):
        link = str(link or "").strip()
        if not link:
            continue
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(link) > 500:
            raise FellowsError(
                f"Link {number} is not a web address starting with http:// or https://.", field="links"
            )
        if link not in cleaned:
            cleaned.append(link)
    if len(cleaned) > MAX_LINKS:
        raise FellowsError(f"Give at most {MAX_LINKS} links.", field="links")
    return cleaned


def _attach_file(portfolio: Portfolio, upload) -> None:
    kind = check_upload(
        upload,
        extensions=PORTFOLIO_UPLOADS,
        max_bytes=PORTFOLIO_MAX_BYTES,
        field="file",
        error=FellowsError,
        verb="attached to a portfolio",
    )
    name = PurePath(upload.name or "").name.strip()[-200:]
    portfolio.file.save(name, upload, save=False)
    portfolio.file_name = name
    portfolio.file_type = kind.mimetype


def _lock_person(person):
    # One submission at a time per person: the check for an open portfolio and the insert
    # happen under this lock (the partial unique constraint is the backstop).
    return get_user_model().objects.select_for_update().get(pk=person.pk)


def _require_criteria(level: Level, figures: dict) -> None:
    missing = criteria.unmet(level, figures)
    if missing:
        raise CriteriaNotMet(
            f"You do not meet the criteria for {level.name} yet: " + "; ".join(missing) + ".", unmet=missing
        )


@transaction.atomic
def submit_portfolio(
    *, person, statement: str, links=(), upload=None, directory_consent: bool = False
) -> Portfolio:
    """Submit a portfolio for the person's next level. Refused when a portfolio is already open,
    when there is no level above theirs, or (listing what is missing) when the criteria are unmet."""
    person = _lock_person(person)
    open_one = selectors.open_portfolio(person)
    if open_one is not None:
        if open_one.status == Portfolio.Status.RETURNED:
            raise PortfolioInReview(
                f"Your portfolio for {open_one.level.name} was returned for changes: update and resubmit it "
                "instead of starting another."
            )
        raise PortfolioInReview(f"Your portfolio for {open_one.level.name} is already in review.")
    level = selectors.next_level(person)
    if level is None:
        raise FellowsError("You hold the highest level of the ladder; there is no level to apply for.")
    statement = _clean_statement(statement)
    links = _clean_links(links)
    figures = criteria.figures_for(person)
    _require_criteria(level, figures)
    portfolio = Portfolio(
        person=person,
        level=level,
        statement=statement,
        links=links,
        directory_consent=bool(directory_consent),
        criteria_figures=criteria.figures_as_json(figures),
    )
    if upload is not None:
        _attach_file(portfolio, upload)
    try:
        with transaction.atomic():
            portfolio.save()
    except IntegrityError:
        raise PortfolioInReview("You already have a portfolio in review.") from None
    return portfolio


@transaction.atomic
def resubmit_portfolio(
    *, portfolio: Portfolio, person, statement: str, links=(), upload=None, directory_consent: bool = False
) -> Portfolio:
    """Send a returned portfolio back for review with the person's changes and today's figures."""
    portfolio = Portfolio.objects.select_for_update().select_related("level").get(pk=portfolio.pk)
    if portfolio.person_id != person.pk:
        raise FellowsError("This is not your portfolio.")
    if portfolio.status != Portfolio.Status.RETURNED:
        raise FellowsError("Only a portfolio returned for changes can be resubmitted.")
    portfolio.statement = _clean_statement(statement)
    portfolio.links = _clean_links(links)
    figures = criteria.figures_for(person)
    _require_criteria(portfolio.level, figures)
    if upload is not None:
        _attach_file(portfolio, upload)
    portfolio.directory_consent = bool(directory_consent)
    portfolio.criteria_figures = criteria.figures_as_json(figures)
    portfolio.status = Portfolio.Status.IN_REVIEW
    portfolio.submitted_at = timezone.now()
    portfolio.save()
    return portfolio


def _clean_scores(scores: dict) -> list[dict]:
    items = selectors.rubric()
    given = {str(key): value for key, value in (scores or {}).items()}
    known = {str(item.pk) for item in items}
    unknown = sorted(set(given) - known)
    if unknown:
        raise FellowsError(f"There is no rubric item {unknown[0]}.", field="scores")
    cleaned = []
    for item in items:
        raw = given.get(str(item.pk))
        if raw is None or raw == "":
            raise FellowsError(f"Score “{item.title}”.", field="scores")
        try:
            score = int(str(raw))
        except ValueError:
            raise FellowsError(
                f"The score for “{item.title}” must be a whole number.", field="scores"
            ) from None
        if not 0 <= score <= item.max_score:
            raise FellowsError(
                f"The score for “{item.title}” must be between 0 and {item.max_score}.", field="scores"
            )
        cleaned.append({"item": item.pk, "title": item.title, "score": score, "max": item.max_score})
    return cleaned


@transaction.atomic
def review_portfolio(
    *, portfolio: Portfolio, reviewer, scores: dict, comments: str = "", decision: str, reason: str = ""
) -> Review:
    """Score a portfolio in review against the rubric and approve, return or decline it.

    Approving makes the person a Fellow at the portfolio's level and awards its badge."""
    if not selectors.can_review(reviewer):
        raise ReviewNotAllowed("Only staff who review Fellows portfolios can review one.")
    portfolio = (
        Portfolio.objects.select_for_update()
        .select_related("level", "level__badge_class")
        .get(pk=portfolio.pk)
    )
    if portfolio.person_id == reviewer.pk:
        raise ReviewNotAllowed("You cannot review your own portfolio.")
    if portfolio.status != Portfolio.Status.IN_REVIEW:
        raise FellowsError(
            f"This portfolio is not in review (it is {portfolio.get_status_display().lower()})."
        )
    if decision not in Review.Decision.values:
        raise FellowsError("Choose to approve, return or decline the portfolio.", field="decision")
    cleaned_scores = _clean_scores(scores)
    reason = (reason or "").strip()
    comments = (comments or "").strip()
    if decision != Review.Decision.APPROVE and not reason:
        raise FellowsError(
            "Say why the portfolio is returned or declined: the person reads it.", field="reason"
        )
    if len(reason) > REASON_MAX or len(comments) > REASON_MAX * 2:
        raise FellowsError(f"Keep the reason under {REASON_MAX} characters.", field="reason")
    review = Review.objects.create(
        portfolio=portfolio,
        reviewer=reviewer,
        scores=cleaned_scores,
        comments=comments,
        decision=decision,
        reason=reason,
    )
    portfolio.decided_at = timezone.now()
    if decision == Review.Decision.RETURN:
        portfolio.status = Portfolio.Status.RETURNED
    elif decision == Review.Decision.DECLINE:
        portfolio.status = Portfolio.Status.DECLINED
    else:
        portfolio.status = Portfolio.Status.APPROVED
        portfolio.award = _award_level(portfolio, reviewer)
    portfolio.save(update_fields=["status", "decided_at", "award"])
    return review


def _award_level(portfolio: Portfolio, reviewer):
    person = portfolio.person
    fellow = Fellow.objects.select_for_update().select_related("level").filter(person=person).first()
    if fellow is not None and fellow.level.rank >= portfolio.level.rank:
        raise FellowsError(f"{person.display_name} already holds {fellow.level.name}.")
    level = portfolio.level
    evidence = [
        {"narrative": criteria.figures_narrative(level, _as_numbers(portfolio.criteria_figures))},
        {
            "url": absolute(reverse("fellows:evidence", args=[portfolio.evidence_code])),
            "narrative": f"Portfolio for {level.name}, reviewed against the Fellows rubric.",
        },
    ]
    award = award_badge(recipient=person, badge_class=level.badge_class, evidence=evidence, by=reviewer)
    now = timezone.now()
    if fellow is None:
        Fellow.objects.create(
            person=person,
            level=level,
            since=now,
            listed=portfolio.directory_consent,
            listed_changed_at=now,
        )
    else:
        fellow.level = level
        fellow.since = now
        # The consent given with the newest portfolio is the person's current wish.
        if fellow.listed != portfolio.directory_consent:
            fellow.listed, fellow.listed_changed_at = portfolio.directory_consent, now
        fellow.save(update_fields=["level", "since", "listed", "listed_changed_at"])
    return award


def _as_numbers(figures: dict) -> dict:
    numbers = {}
    for criterion in criteria.CRITERIA:
        raw = figures.get(criterion.key, "0")
        numbers[criterion.key] = Decimal(raw) if criterion.key == "ce_hours" else int(raw)
    return numbers


@transaction.atomic
def set_directory_listing(*, person, listed: bool) -> Fellow:
    """Give or withdraw consent to appear in the public Fellows directory."""
    fellow = Fellow.objects.select_for_update().filter(person=person).first()
    if fellow is None:
        raise FellowsError("Only Fellows appear in the directory; you are not a Fellow yet.")
    if fellow.listed != bool(listed):
        fellow.listed = bool(listed)
        fellow.listed_changed_at = timezone.now()
        fellow.save(update_fields=["listed", "listed_changed_at"])
        Portfolio.objects.filter(person=person, status=Portfolio.Status.APPROVED).update(
            directory_consent=fellow.listed
        )
    return fellow
