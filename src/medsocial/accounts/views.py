from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from medsocial.accounts import forms, selectors, services
from medsocial.accounts.models import Invitation, Membership, Organization, User
from medsocial.accounts.roles import Role, has_role
from medsocial.awards import selectors as awards_selectors
from medsocial.core import redirects
from medsocial.core.errors import DomainError, NotAllowed
from medsocial.core.forms import add_domain_error
from medsocial.core.personal_cache import cache_page_per_person


def sign_up(request):
    next_path = redirects.next_path(request)
    if request.user.is_authenticated:
        return redirect(next_path or "home")
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.sign_up(
                email=data["email"],
                password=data["password"],
                full_name=data["full_name"],
                credentials=data["credentials"],
                profession=data["profession"],
                next_path=next_path,
            )
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            request.session["signed_up_email"] = data["email"]
            return redirect("accounts:sign-up-done")
    return render(
        request,
        "accounts/sign_up.html",
        {"form": form, "next": next_path},
        status=400 if form.errors else 200,
    )


def sign_up_done(request):
    return render(
        request, "accounts/sign_up_done.html", {"email": request.session.get("signed_up_email", "")}
    )


def confirm_email(request, token):
    try:
        user = services.confirm_email(token=token)
    except DomainError as exc:
        return render(request, "accounts/confirm_email_failed.html", {"reason": exc.message}, status=400)
    messages.success(request, "Your email address is confirmed. Welcome!")
    if not request.user.is_authenticated:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(redirects.next_path(request) or "accounts:profile")


def resend_confirmation(request):
    form = forms.ResendConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], email_confirmed_at=None).first()
        if user is not None:
            services.send_email_confirmation(user=user)
        # Same answer either way, so the form does not reveal who has an account.
        messages.info(request, "If that address has an unconfirmed account, a new link is on its way.")
        return redirect("accounts:sign-in")
    return render(
        request, "accounts/resend_confirmation.html", {"form": form}, status=400 if form.errors else 200
    )


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = forms.SignInForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = forms.QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password-reset-done")


def _password_changed(request, user, form) -> None:
    """After a new password: revoke the API tokens when the person asked, and say what happened."""
    revoked = 0
    if form.cleaned_data.get("revoke_tokens"):
        revoked = services.revoke_all_access_tokens(user=user)
    messages.success(
        request,
        "Your password was changed; other browsers signed in to your account were signed out."
        + (f" {revoked} API token(s) were revoked." if revoked else ""),
    )


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")
    form_class = forms.SetPasswordWithTokensForm

    def form_valid(self, form):
        response = super().form_valid(form)
        _password_changed(self.request, self.user, form)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    form_class = forms.PasswordChangeWithTokensForm

    def form_valid(self, form):
        response = super().form_valid(form)
        _password_changed(self.request, self.request.user, form)
        return response


@cache_page_per_person
@login_required
def profile(request):
    form = forms.ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_profile(
            user=request.user,
            full_name=data["full_name"],
            credentials=data["credentials"],
            profession=data["profession"],
            timezone_name=data["time_zone"],
        )
        messages.success(request, "Your profile was saved.")
        return redirect("accounts:profile")
    context = {
        "form": form,
        "memberships": selectors.memberships_of(request.user),
        "awards": awards_selectors.awards_of(request.user),
        "tokens": request.user.access_tokens.all(),
        "token_form": forms.AccessTokenForm(),
        "new_token": request.session.pop("new_token", None),
    }
    return render(request, "accounts/profile.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def create_token(request):
    form = forms.AccessTokenForm(request.POST)
    if form.is_valid():
        try:
            _, raw = services.create_access_token(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_in_days=form.cleaned_data["expires_in_days"],
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            request.session["new_token"] = raw
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    return redirect(reverse("accounts:profile") + "#tokens")


@login_required
@require_POST
def revoke_token(request, pk):
    try:
        services.revoke_access_token(user=request.user, token_id=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The token was revoked; clients using it can no longer sign in.")
    return redirect(reverse("accounts:profile") + "#tokens")


# --- Organizations --------------------------------------------------------------------------


@login_required
def organization_list(request):
    return render(
        request,
        "accounts/organization_list.html",
        {"organizations": selectors.organizations_for(request.user)},
    )


@login_required
def organization_create(request):
    form = forms.OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            organization = services.create_organization(creator=request.user, **data)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"{organization} was created. You are its admin.")
            return redirect(organization)
    return render(
        request, "accounts/organization_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def organization_detail(request, slug):
    organization = selectors.access_organization(request.user, slug)
    is_admin = selectors.is_organization_admin(request.user, organization)
    context = {
        "organization": organization,
        "is_admin": is_admin,
        "members": selectors.members_of(organization),
        "invitations": selectors.pending_invitations(organization) if is_admin else [],
        "invitation_form": forms.InvitationForm(),
        "roles": Membership.Role.choices,
        "is_site_staff": has_role(request.user, Role.SITE_ADMIN),
    }
    return render(request, "accounts/organization_detail.html", context)


def _require_site_staff(request) -> None:
    if not has_role(request.user, Role.SITE_ADMIN):
        raise Http404("Not found")


@login_required
def organization_verification_list(request):
    """Site staff: every organization, the ones not yet verified first."""
    _require_site_staff(request)
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "accounts/organization_verification_list.html",
        {"organizations": selectors.organizations_for_verification(query=query)[:200], "query": query},
    )


@login_required
def organization_verification(request, slug):
    """Site staff verify an organization and the email domains that belong to it."""
    _require_site_staff(request)
    organization = get_object_or_404(Organization, slug=slug)
    form = forms.OrganizationVerificationForm(
        request.POST or None,
        initial={
            "verified": organization.is_verified,
            "email_domains": organization.verified_email_domains,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_organization_verification(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"Verification of {organization} saved.")
            return redirect("accounts:organization-verification-list")
    return render(
        request,
        "accounts/organization_verification.html",
        {"organization": organization, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def organization_invite(request, slug):
    organization = selectors.access_organization(request.user, slug, admin=True)
    form = forms.InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invite_member(actor=request.user, organization=organization, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"An invitation was sent to {form.cleaned_data['email']}.")
            return redirect(organization)
    context = {
        "organization": organization,
        "is_admin": True,
        "members": selectors.members_of(organization),
        "invitations": selectors.pending_invitations(organization),
        "invitation_form": form,
        "roles": Membership.Role.choices,
    }
    return render(request, "accounts/organization_detail.html", context, status=400)


def _membership_in(request, slug, pk) -> Membership:
    organization = selectors.access_organization(request.user, slug)
    return get_object_or_404(
        Membership.objects.select_related("organization", "user"), pk=pk, organization=organization
    )


@login_required
@require_POST
def member_role(request, slug, pk):
    membership = _membership_in(request, slug, pk)
    form = forms.MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a valid role.")
    else:
        try:
            services.change_member_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
        except NotAllowed as exc:
            raise PermissionDenied(exc.message)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"{membership.user} is now {membership.get_role_display().lower()}.")
    return redirect(membership.organization)


@login_required
@require_POST
def member_remove(request, slug, pk):
    membership = _membership_in(request, slug, pk)
    try:
        services.remove_member(actor=request.user, membership=membership)
    except NotAllowed as exc:
        raise PermissionDenied(exc.message)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(membership.organization)
    if membership.user_id == request.user.pk:
        messages.success(request, f"You left {membership.organization}.")
        return redirect("accounts:organizations")
    messages.success(request, f"{membership.user} was removed from {membership.organization}.")
    return redirect(membership.organization)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    organization = selectors.access_organization(request.user, slug, admin=True)
    invitation = get_object_or_404(Invitation, pk=pk, organization=organization)
    services.revoke_invitation(actor=request.user, invitation=invitation)
    messages.success(request, f"The invitation to {invitation.email} was withdrawn.")
    return redirect(organization)


def invitation(request, token):
    try:
        invitation = services.pending_invitation(token)
    except DomainError as exc:
        return render(request, "accounts/invitation_invalid.html", {"reason": exc.message}, status=400)
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    signup_form = None
    if not request.user.is_authenticated and not has_account:
        signup_form = forms.InvitedSignUpForm(request.POST or None, email=invitation.email)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                membership = services.accept_invitation(user=request.user, token=token)
            elif signup_form is not None and signup_form.is_valid():
                membership = services.sign_up_from_invitation(token=token, **signup_form.cleaned_data)
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                membership = None
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            if membership is not None:
                messages.success(request, f"You joined {membership.organization}.")
                return redirect(membership.organization)
    context = {"invitation": invitation, "has_account": has_account, "signup_form": signup_form}
    return render(
        request,
        "accounts/invitation.html",
        context,
        status=400 if signup_form and signup_form.errors else 200,
    )
