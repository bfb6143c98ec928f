"""Certificates (PDF, public verification, revocation) and Open Badges 2.0 documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from medsocial.awards import openbadges
from medsocial.learning import badges, selectors, services
from medsocial.learning.documents import certificate_pdf
from medsocial.learning.errors import LearningError
from medsocial.learning.forms import RevokeForm
from medsocial.learning.models import Certificate
from medsocial.learning.services.certificates import can_revoke


@login_required
def certificate_detail(request, code):
    certificate = selectors.own_certificate(request.user, code)
    return render(
        request,
        "learning/certificate.html",
        {
            "certificate": certificate,
            "assertion_url": badges.assertion_url(certificate),
            "verify_url": openbadges.absolute(certificate.get_absolute_url()),
        },
    )


@login_required
def certificate_download(request, code):
    certificate = selectors.own_certificate(request.user, code)
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


def verify(request, code=None):
    """Public: anyone with an ID learns whether it is a valid, expired or revoked certificate."""
    code = code or request.GET.get("code", "")
    certificate = selectors.certificate_by_code(code) if code else None
    can_revoke_it = (
        certificate is not None and request.user.is_authenticated and can_revoke(request.user, certificate)
    )
    status = 404 if code and certificate is None else 200
    return render(
        request,
        "learning/verify.html",
        {
            "code": code,
            "certificate": certificate,
            "revoke_form": RevokeForm() if can_revoke_it else None,
        },
        status=status,
    )


@login_required
@require_POST
def revoke(request, code):
    certificate = selectors.certificate_by_code(code)
    if certificate is None or not can_revoke(request.user, certificate):
        raise Http404("No such certificate.")
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.revoke_certificate(
                by=request.user, certificate=certificate, reason=form.cleaned_data["reason"]
            )
        except LearningError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Certificate {certificate.code} is revoked.")
    else:
        messages.error(request, "Say why the certificate is revoked.")
    return redirect("learning:verify", code=certificate.code)


_json_ld = openbadges.json_ld_response


def badge_issuer(request):
    """The issuer moved to the hub-wide one; badges issued before still name this address."""
    return redirect("awards:issuer", permanent=True)


def badge_class(request, slug):
    return _json_ld(
        badges.badge_class_document(get_object_or_404(selectors.courses_with_badges(), slug=slug))
    )


def badge_image(request, slug):
    course = get_object_or_404(selectors.courses_with_badges(), slug=slug)
    response = HttpResponse(badges.badge_svg(course), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{course.slug}-badge.svg"'
    return response


def badge_assertion(request, code):
    certificate = get_object_or_404(Certificate.objects.select_related("user", "course"), code=code.upper())
    return _json_ld(badges.assertion_document(certificate))


def badge_revocations(request):
    return redirect("awards:revocations", permanent=True)
