"""Pages of the post safety coach. Anyone may check a post against the site-wide rules;
signed-in members may also choose one of their organizations (its rules and allow-list)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from medsocial.safety import presentation, selectors, services
from medsocial.safety.forms import AllowedForm, CheckForm, ImageForm, RuleForm
from medsocial.safety.models import AllowedIdentifier, PolicyRule


def _run_check(request):
    form = CheckForm(request.POST or None, organizations=selectors.checkable_organizations(request.user))
    context = {
        "form": form,
        "analysis": None,
        "manages_settings": selectors.manageable_organizations(request.user).exists(),
        "coach_mode": services.check_mode(),
    }
    if request.method == "POST" and form.is_valid():
        try:
            analysis = services.check_post(
                text=form.cleaned_data["text"], organization=form.cleaned_data.get("organization")
            )
        except services.SafetyError as exc:
            form.add_error("text", exc.message)
        else:
            context.update(
                analysis=analysis,
                segments=presentation.segments(analysis),
                findings=presentation.labelled_findings(analysis),
            )
    return form, context


def check(request):
    """The check page; a plain POST (no JavaScript) shows the same results below the form."""
    form, context = _run_check(request)
    status = 400 if form.errors else 200
    return render(request, "safety/check.html", context, status=status)


@require_POST
def check_results(request):
    """The results fragment the page asks for as the person types (htmx, debounced)."""
    form, context = _run_check(request)
    return render(request, "safety/_results.html", context, status=200)


def image_check(request):
    """Check an image's metadata; "Download without metadata" answers with a clean copy.
    Nothing is stored: the upload is read in memory for this one request."""
    form = ImageForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            if request.POST.get("action") == "strip":
                content, content_type, name = services.strip_image_metadata(upload)
                response = HttpResponse(content, content_type=content_type)
                response["Content-Disposition"] = f'attachment; filename="{name}"'
                return response
            report = services.inspect_image(upload)
        except services.SafetyError as exc:
            form.add_error("image", exc.message)
    status = 400 if form.errors else 200
    return render(request, "safety/image.html", {"form": form, "report": report}, status=status)


@login_required
def organization_settings(request, slug):
    """An organization's own rules and allow-list (its admins and site staff)."""
    organization = selectors.access_managed_organization(request.user, slug)
    rule_form, allowed_form = RuleForm(prefix="rule"), AllowedForm(prefix="allowed")
    status = 200
    if request.method == "POST":
        try:
            if "add_rule" in request.POST:
                rule_form = RuleForm(request.POST, prefix="rule")
                if rule_form.is_valid():
                    services.save_rule(
                        actor=request.user, organization=organization, **rule_form.cleaned_data
                    )
                    messages.success(request, "Rule added.")
                    return redirect("safety:organization", slug=slug)
            elif "add_allowed" in request.POST:
                allowed_form = AllowedForm(request.POST, prefix="allowed")
                if allowed_form.is_valid():
                    services.add_allowed(
                        actor=request.user, organization=organization, **allowed_form.cleaned_data
                    )
                    messages.success(request, "Added to the allow-list.")
                    return redirect("safety:organization", slug=slug)
        except services.SafetyError as exc:
            target = rule_form if "add_rule" in request.POST else allowed_form
            field = exc.field if exc.field in target.fields else None
            target.add_error(field, exc.message)
        status = 400
    context = {
        "organization": organization,
        "rule_form": rule_form,
        "allowed_form": allowed_form,
        **selectors.organization_settings(organization),
    }
    return render(request, "safety/organization.html", context, status=status)


@login_required
@require_POST
def delete_rule(request, slug, pk):
    organization = selectors.access_managed_organization(request.user, slug)
    rule = get_object_or_404(PolicyRule, pk=pk, organization=organization)
    services.delete_rule(actor=request.user, rule=rule)
    messages.success(request, f"Rule “{rule.name}” removed.")
    return redirect("safety:organization", slug=slug)


@login_required
@require_POST
def delete_allowed(request, slug, pk):
    organization = selectors.access_managed_organization(request.user, slug)
    allowed = get_object_or_404(AllowedIdentifier, pk=pk, organization=organization)
    services.remove_allowed(actor=request.user, allowed=allowed)
    messages.success(request, "Removed from the allow-list.")
    return redirect("safety:organization", slug=slug)


@login_required
def organizations(request):
    """Organizations whose safety settings the person manages."""
    return render(
        request,
        "safety/organizations.html",
        {"organizations": selectors.manageable_organizations(request.user)},
    )
