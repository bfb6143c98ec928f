"""Fellows pages: the ladder and directory (public), a person's standing and portfolio, the
review queue and review form (reviewers), and a badge's public evidence page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.media import file_response
from medsocial.fellows import selectors, services
from medsocial.fellows.errors import CriteriaNotMet
from medsocial.fellows.forms import ListingForm, PortfolioForm, ReviewForm
from medsocial.fellows.models import Portfolio

DIRECTORY_PAGE_SIZE = 60


def ladder(request):
    """Public: the levels, what each asks for, and (signed in) where the visitor stands."""
    standing = selectors.standing_of(request.user) if request.user.is_authenticated else None
    return render(
        request,
        "fellows/ladder.html",
        {
            "levels": selectors.levels(),
            "standing": standing,
            "can_review": selectors.can_review(request.user),
        },
    )


def directory(request):
    """Public: Fellows who agreed to be listed, by level."""
    page_obj = Paginator(selectors.directory(), DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "fellows/directory.html", {"page_obj": page_obj})


@login_required
def mine(request):
    standing = selectors.standing_of(request.user)
    return render(
        request,
        "fellows/mine.html",
        {"standing": standing, "portfolios": selectors.portfolios_of(request.user)},
    )


@login_required
def submit(request):
    standing = selectors.standing_of(request.user)
    if standing.open_portfolio is not None:
        messages.info(request, "Your portfolio is open: see it below.")
        return redirect("fellows:portfolio", pk=standing.open_portfolio.pk)
    form = PortfolioForm(request.POST or None, request.FILES or None)
    unmet: list[str] = standing.unmet
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                portfolio = services.submit_portfolio(
                    person=request.user,
                    statement=form.cleaned_data["statement"],
                    links=form.cleaned_data["links"],
                    upload=form.cleaned_data["file"],
                    directory_consent=form.cleaned_data["directory_consent"],
                )
            except CriteriaNotMet as exc:
                unmet = exc.unmet
                add_domain_error(form, exc)
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(
                    request, f"Your portfolio for {portfolio.level.name} is submitted for review."
                )
                return redirect("fellows:portfolio", pk=portfolio.pk)
        status = 400
    return render(
        request, "fellows/submit.html", {"standing": standing, "form": form, "unmet": unmet}, status=status
    )


def _portfolio_form_initial(portfolio: Portfolio) -> dict:
    return {
        "statement": portfolio.statement,
        "links": "\n".join(portfolio.links),
        "directory_consent": portfolio.directory_consent,
    }


@login_required
def portfolio_detail(request, pk):
    portfolio = selectors.access_portfolio(request.user, pk)
    is_author = portfolio.person_id == request.user.pk
    may_review = (
        selectors.can_review(request.user)
        and not is_author
        and portfolio.status == Portfolio.Status.IN_REVIEW
    )
    rubric = selectors.rubric() if may_review else []
    review_form = ReviewForm(rubric) if may_review else None
    resubmit_form = None
    if is_author and portfolio.status == Portfolio.Status.RETURNED:
        resubmit_form = PortfolioForm(initial=_portfolio_form_initial(portfolio))
    return _render_portfolio(request, portfolio, review_form=review_form, resubmit_form=resubmit_form)


def _render_portfolio(request, portfolio, *, review_form=None, resubmit_form=None, status=200):
    return render(
        request,
        "fellows/portfolio.html",
        {
            "portfolio": portfolio,
            "is_author": portfolio.person_id == request.user.pk,
            "reviews": selectors.reviews_of(portfolio),
            "review_form": review_form,
            "resubmit_form": resubmit_form,
            "figures": _figure_rows(portfolio),
        },
        status=status,
    )


def _figure_rows(portfolio):
    from medsocial.fellows.criteria import CRITERIA

    return [
        {
            "label": criterion.label,
            "have": portfolio.criteria_figures.get(criterion.key, "0"),
            "need": getattr(portfolio.level, criterion.threshold),
        }
        for criterion in CRITERIA
        if getattr(portfolio.level, criterion.threshold)
    ]


@login_required
@require_POST
def review(request, pk):
    portfolio = selectors.access_portfolio(request.user, pk)
    if not selectors.can_review(request.user):
        raise Http404("No such portfolio.")
    form = ReviewForm(selectors.rubric(), request.POST)
    if form.is_valid():
        try:
            result = services.review_portfolio(
                portfolio=portfolio,
                reviewer=request.user,
                scores=form.scores(),
                comments=form.cleaned_data["comments"],
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request,
                f"{result.get_decision_display()}: {portfolio.person.display_name}, {portfolio.level.name}.",
            )
            return redirect("fellows:portfolio", pk=portfolio.pk)
    return _render_portfolio(request, portfolio, review_form=form, status=400)


@login_required
@require_POST
def resubmit(request, pk):
    portfolio = selectors.access_portfolio(request.user, pk)
    if portfolio.person_id != request.user.pk:
        raise Http404("No such portfolio.")
    form = PortfolioForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.resubmit_portfolio(
                portfolio=portfolio,
                person=request.user,
                statement=form.cleaned_data["statement"],
                links=form.cleaned_data["links"],
                upload=form.cleaned_data["file"],
                directory_consent=form.cleaned_data["directory_consent"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Your portfolio is back in review.")
            return redirect("fellows:portfolio", pk=portfolio.pk)
    return _render_portfolio(request, portfolio, resubmit_form=form, status=400)


@login_required
def portfolio_file(request, pk):
    portfolio = selectors.access_portfolio(request.user, pk)
    if not portfolio.file:
        raise Http404("This portfolio has no file.")
    response = file_response(
        request,
        portfolio.file,
        content_type=portfolio.file_type or None,
        filename=portfolio.file_name or None,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def review_queue(request):
    if not selectors.can_review(request.user):
        raise Http404("Not found.")
    page_obj = Paginator(selectors.review_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "fellows/queue.html", {"page_obj": page_obj})


@login_required
@require_POST
def listing(request):
    form = ListingForm(request.POST)
    if form.is_valid():
        try:
            fellow = services.set_directory_listing(person=request.user, listed=form.cleaned_data["listed"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                "You are listed in the Fellows directory."
                if fellow.listed
                else "You are no longer listed in the Fellows directory.",
            )
    return redirect("fellows:mine")


def evidence(request, code):
    """Public: the statement and links of the portfolio a Fellows badge was awarded on."""
    portfolio = selectors.portfolio_by_evidence_code(code)
    return render(request, "fellows/evidence.html", {"portfolio": portfolio})
