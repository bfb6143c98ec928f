"""Pages: plans and my memberships, one membership with its invoices and covered staff, points
statements with transfers, and the dues invoices site staff settle. Each view parses, calls a
service or selector, and renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.core.csv_export import csv_response
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.programs import forms, selectors, services
from medsocial.programs.models import DuesInvoice, Membership

PAGE_SIZE = 25


def _join_form(request, data=None):
    return forms.JoinForm(
        data,
        plans=selectors.offered_plans(),
        organizations=selectors.administered_organizations(request.user),
    )


def _home_context(request, join_form=None):
    return {
        "plans": list(selectors.offered_plans()),
        "memberships": list(selectors.memberships_for_page(request.user)),
        "coverage": list(selectors.coverage_of(request.user)),
        "points": selectors.points_balance(request.user),
        "join_form": join_form or _join_form(request),
        "today": timezone.localdate(),
    }


def home(request):
    """The plans, for anyone comparing them; a signed-in person also sees what they hold."""
    if not request.user.is_authenticated:
        return render(request, "programs/home.html", {"plans": list(selectors.offered_plans())})
    return render(request, "programs/home.html", _home_context(request))


@login_required
@require_POST
def join(request):
    form = _join_form(request, request.POST)
    if form.is_valid():
        try:
            membership = services.join(
                plan=form.cleaned_data["plan"],
                by=request.user,
                organization=form.cleaned_data.get("organization"),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Welcome! Your membership starts when the invoice below is paid.")
            return redirect(membership)
    return render(request, "programs/home.html", _home_context(request, form), status=400)


def _membership_context(request, membership: Membership, staff_form=None):
    covered = list(selectors.covered_staff(membership)) if membership.organization_id else []
    return {
        "membership": membership,
        "invoices": list(selectors.invoices_of(membership)),
        "covered": covered,
        "seats_left": max((membership.plan.seats or 0) - len(covered), 0),
        "staff_form": staff_form or forms.CoveredStaffForm(),
        "is_open": membership.cancelled_at is None,
    }


@login_required
def membership_detail(request, pk):
    membership = selectors.access_membership(request.user, pk)
    return render(request, "programs/membership.html", _membership_context(request, membership))


@login_required
@require_POST
def renew(request, pk):
    membership = selectors.access_membership(request.user, pk)
    try:
        services.renew(membership=membership, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The next year's invoice is issued.")
    return redirect(membership)


@login_required
@require_POST
def cancel(request, pk):
    membership = selectors.access_membership(request.user, pk)
    try:
        services.cancel(membership=membership, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The membership is cancelled.")
    return redirect(membership)


@login_required
@require_POST
def add_staff(request, pk):
    membership = selectors.access_membership(request.user, pk)
    form = forms.CoveredStaffForm(request.POST)
    if form.is_valid():
        try:
            covered = services.add_covered_staff(
                membership=membership, email=form.cleaned_data["email"], by=request.user
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"{covered.user} is covered.")
            return redirect(membership)
    return render(
        request, "programs/membership.html", _membership_context(request, membership, form), status=400
    )


@login_required
@require_POST
def remove_staff(request, pk, user_id):
    membership = selectors.access_membership(request.user, pk)
    try:
        services.remove_covered_staff(membership=membership, user_id=user_id, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The seat is free.")
    return redirect(membership)


# --- Points ------------------------------------------------------------------------------------


def _statement_context(request, wallet, **extra):
    entries = selectors.statement(wallet) if wallet else []
    page_obj = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"wallet": wallet, "page_obj": page_obj, "entries": page_obj.object_list, **extra}


@login_required
def my_wallet(request):
    wallet = selectors.wallet_of(user=request.user)
    context = _statement_context(
        request, wallet, owner_name="My points", export_url=reverse("programs:my-wallet-export")
    )
    return render(request, "programs/wallet.html", context)


@login_required
def my_wallet_export(request):
    wallet = selectors.wallet_of(user=request.user)
    if wallet is None:
        raise Http404("No points yet")
    return csv_response(
        request,
        filename="my-points.csv",
        header=selectors.STATEMENT_COLUMNS,
        rows=selectors.statement_for_export(wallet),
    )


def _organization_wallet_page(
    request, organization, *, transfer_form=None, bulk_form=None, problems=(), status=200
):
    wallet = selectors.wallet_of(organization=organization)
    context = _statement_context(
        request,
        wallet,
        organization=organization,
        owner_name=f"{organization.name}: points",
        export_url=reverse("programs:organization-wallet-export", args=[organization.slug]),
        transfer_form=transfer_form or forms.TransferForm(),
        bulk_form=bulk_form or forms.BulkTransferForm(),
        problems=problems,
    )
    return render(request, "programs/wallet.html", context, status=status)


@login_required
def organization_wallet(request, slug):
    organization = selectors.access_organization_points(request.user, slug)
    return _organization_wallet_page(request, organization)


@login_required
def organization_wallet_export(request, slug):
    organization = selectors.access_organization_points(request.user, slug)
    wallet = selectors.wallet_of(organization=organization)
    if wallet is None:
        raise Http404("No points yet")
    return csv_response(
        request,
        filename=f"{organization.slug}-points.csv",
        header=selectors.STATEMENT_COLUMNS,
        rows=selectors.statement_for_export(wallet),
    )


@login_required
@require_POST
def transfer(request, slug):
    organization = selectors.access_organization_points(request.user, slug)
    form = forms.TransferForm(request.POST)
    if form.is_valid():
        try:
            services.transfer(organization=organization, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request, f"{form.cleaned_data['points']} points sent to {form.cleaned_data['email']}."
            )
            return redirect("programs:organization-wallet", slug=organization.slug)
    return _organization_wallet_page(request, organization, transfer_form=form, status=400)


@login_required
@require_POST
def bulk_transfer(request, slug):
    organization = selectors.access_organization_points(request.user, slug)
    form = forms.BulkTransferForm(request.POST, request.FILES)
    problems: list = []
    if form.is_valid():
        try:
            entries = services.bulk_transfer(
                organization=organization, source=form.cleaned_data["file"], by=request.user
            )
        except services.BulkTransferRefused as exc:
            form.add_error("file", "Nothing was transferred: fix the rows below and send the file again.")
            problems = exc.problems
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"{len(entries)} transfers made.")
            return redirect("programs:organization-wallet", slug=organization.slug)
    return _organization_wallet_page(request, organization, bulk_form=form, problems=problems, status=400)


# --- Site staff: dues ------------------------------------------------------------------------------


def _require_staff(user) -> None:
    if not selectors.is_membership_staff(user):
        raise Http404("No such page")


@login_required
def dues(request):
    _require_staff(request.user)
    page_obj = Paginator(selectors.invoices_awaiting_payment(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "programs/dues.html", {"page_obj": page_obj, "invoices": page_obj.object_list})


@login_required
@require_POST
def mark_paid(request, pk):
    _require_staff(request.user)
    invoice = DuesInvoice.objects.filter(pk=pk).select_related("membership").first()
    if invoice is None:
        raise Http404("No such invoice")
    try:
        services.mark_paid(invoice=invoice, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Invoice {invoice.invoice_number} is paid.")
    return redirect("programs:dues")
