from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from medsocial.accounts.roles import Role
from medsocial.core.csv_export import csv_response
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.markdown import render_markdown
from medsocial.publishing import selectors, services
from medsocial.publishing.forms import ImportForm, IssueForm, SignUpForm, TestSendForm
from medsocial.publishing.models import Issue, Subscription

from .common import role_required


def newsletter(request):
    form = SignUpForm(request.POST or None, initial={"lists": list(selectors.mailing_lists()[:1])})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.subscribe(email=form.cleaned_data["email"], lists=form.cleaned_data["lists"])
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                return render(
                    request, "publishing/newsletter_check_email.html", {"email": form.cleaned_data["email"]}
                )
        return render(request, "publishing/newsletter.html", {"form": form}, status=400)
    return render(request, "publishing/newsletter.html", {"form": form})


def confirm(request, token):
    if request.method != "POST":
        # Mail scanners follow links; confirming takes a click on the page.
        exists = (
            Subscription.objects.filter(token=token).exclude(status=Subscription.Status.UNSUBSCRIBED).exists()
        )
        return render(
            request, "publishing/newsletter_confirm.html", {"valid": exists}, status=200 if exists else 404
        )
    try:
        subscription = services.confirm_subscription(token=token)
    except DomainError as exc:
        return render(
            request, "publishing/newsletter_confirm.html", {"valid": False, "error": exc.message}, status=404
        )
    return render(request, "publishing/newsletter_confirmed.html", {"subscription": subscription})


def unsubscribe(request, token):
    subscription = Subscription.objects.select_related("mailing_list").filter(token=token).first()
    if subscription is None:
        return render(request, "publishing/newsletter_unsubscribe.html", {"subscription": None}, status=404)
    if request.method == "POST":
        services.unsubscribe(token=token)
        return render(
            request, "publishing/newsletter_unsubscribe.html", {"subscription": subscription, "done": True}
        )
    return render(request, "publishing/newsletter_unsubscribe.html", {"subscription": subscription})


@csrf_exempt
@require_POST
def one_click_unsubscribe(request, token):
    """RFC 8058: mail apps POST "List-Unsubscribe=One-Click" here; the token authenticates."""
    try:
        services.unsubscribe(token=token)
    except DomainError:
        return HttpResponseBadRequest("Unknown unsubscribe token.", content_type="text/plain")
    return HttpResponse("You are unsubscribed.", content_type="text/plain")


@role_required(Role.EDITOR)
def issue_list(request):
    page_obj = Paginator(Issue.objects.select_related("mailing_list"), 25).get_page(request.GET.get("page"))
    return render(
        request, "publishing/issue_list.html", {"page_obj": page_obj, "lists": selectors.mailing_lists()}
    )


@role_required(Role.EDITOR)
def issue_edit(request, pk=None):
    issue = get_object_or_404(Issue, pk=pk) if pk else None
    initial = (
        {"mailing_list": issue.mailing_list, "subject": issue.subject, "body": issue.body} if issue else None
    )
    form = IssueForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                issue = services.save_issue(editor=request.user, issue=issue, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, "Issue saved.")
                return redirect("publishing:issue", pk=issue.pk)
        return render(request, "publishing/issue_form.html", {"form": form, "issue": issue}, status=400)
    return render(request, "publishing/issue_form.html", {"form": form, "issue": issue})


@role_required(Role.EDITOR)
def issue_detail(request, pk):
    issue = get_object_or_404(Issue.objects.select_related("mailing_list"), pk=pk)
    confirmed = issue.mailing_list.subscriptions.filter(status=Subscription.Status.CONFIRMED).count()
    template = (
        "publishing/_issue_status.html"
        if request.headers.get("HX-Request")
        else "publishing/issue_detail.html"
    )
    return render(
        request,
        template,
        {
            "issue": issue,
            "preview_html": render_markdown(issue.body),
            "confirmed": confirmed,
            "test_form": TestSendForm(initial={"email": request.user.email}),
            "stalled": issue.send_stalled(),
        },
    )


@role_required(Role.EDITOR)
@require_POST
def issue_send_test(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    form = TestSendForm(request.POST)
    if form.is_valid():
        services.send_test_issue(editor=request.user, issue=issue, to=form.cleaned_data["email"])
        messages.success(request, f"A test was sent to {form.cleaned_data['email']}.")
    else:
        messages.error(request, "Give a valid email address for the test.")
    return redirect("publishing:issue", pk=pk)


@role_required(Role.EDITOR)
@require_POST
def issue_send(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    try:
        services.send_issue(editor=request.user, issue=issue)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Sending has started.")
    return redirect("publishing:issue", pk=pk)


@role_required(Role.EDITOR)
@require_POST
def issue_resume(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    try:
        services.resume_issue(editor=request.user, issue=issue)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Sending has resumed.")
    return redirect("publishing:issue", pk=pk)


@role_required(Role.EDITOR)
def subscribers_export(request):
    rows = (
        [
            s.email,
            s.mailing_list.slug,
            s.name,
            s.status,
            s.created_at.isoformat(),
            s.confirmed_at.isoformat() if s.confirmed_at else "",
            s.unsubscribed_at.isoformat() if s.unsubscribed_at else "",
        ]
        for s in Subscription.objects.select_related("mailing_list")
        .order_by("mailing_list__slug", "email")
        .iterator()
    )
    return csv_response(
        request,
        filename="subscribers.csv",
        header=["email", "list", "name", "status", "created_at", "confirmed_at", "unsubscribed_at"],
        rows=rows,
    )


@role_required(Role.EDITOR)
def subscribers_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            imported, errors = services.import_subscribers(
                editor=request.user, data=form.cleaned_data["file"].read()
            )
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            result = {"imported": imported, "errors": errors}
    status = 400 if request.method == "POST" and (not form.is_valid() or form.errors) else 200
    return render(
        request, "publishing/subscribers_import.html", {"form": form, "result": result}, status=status
    )
