"""Award pages anyone with the link may open (verification, printable certificate), staff
revocation, and the Open Badges 2.0 documents the hub issues as one issuer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from medsocial.awards import documents, openbadges, selectors, services
from medsocial.awards.forms import RevokeAwardForm
from medsocial.core.errors import DomainError


def _award_or_404(code: str):
    award = selectors.award_by_code(code)
    if award is None:
        raise Http404("No award has this code.")
    return award


def verify(request, code):
    """Public: anyone with the link sees whether the award is valid or revoked, and its evidence."""
    award = _award_or_404(code)
    can_revoke = services.can_revoke(request.user, award) and not award.is_revoked
    return render(
        request,
        "awards/verify.html",
        {
            "award": award,
            "assertion_url": documents.assertion_url(award),
            "verify_url": openbadges.absolute(award.get_absolute_url()),
            "revoke_form": RevokeAwardForm() if can_revoke else None,
        },
    )


def certificate(request, code):
    """A printable certificate of the award (the browser's Print makes the paper or PDF copy)."""
    award = _award_or_404(code)
    return render(
        request,
        "awards/certificate.html",
        {"award": award, "verify_url": openbadges.absolute(award.get_absolute_url())},
    )


@login_required
@require_POST
def revoke(request, code):
    award = _award_or_404(code)
    if not services.can_revoke(request.user, award):
        raise Http404("No award has this code.")
    form = RevokeAwardForm(request.POST)
    if form.is_valid():
        try:
            services.revoke_award(award=award, by=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Award {award.code} is revoked.")
    else:
        messages.error(request, "Say why the award is revoked (at most 300 characters).")
    return redirect("awards:verify", code=award.code)


def issuer(request):
    return openbadges.json_ld_response(openbadges.issuer_document())


def revocations(request):
    return openbadges.json_ld_response(openbadges.revocation_list_document())


def badge_class(request, slug):
    found = selectors.badge_class_by_slug(slug)
    if found is None:
        raise Http404("No such badge.")
    return openbadges.json_ld_response(documents.badge_class_document(found))


def badge_image(request, slug):
    found = selectors.badge_class_by_slug(slug)
    if found is None:
        raise Http404("No such badge.")
    svg = openbadges.badge_svg(title=found.name, colour=found.colour, caption=found.caption)
    response = HttpResponse(svg, content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{found.slug}-badge.svg"'
    return response


def assertion(request, code):
    return openbadges.json_ld_response(documents.assertion_document(_award_or_404(code)))
