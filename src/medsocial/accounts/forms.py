import zoneinfo

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from medsocial.accounts.models import Membership, Organization, PersonalAccessToken, Profession, User
from medsocial.core.forms import LongSelect

TIMEZONE_CHOICES = [("", "Use the site's time zone")] + [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if "/" in name and not name.startswith("Etc/")
]


class SignUpForm(forms.Form):
    full_name = forms.CharField(max_length=150, label="Full name")
    email = forms.EmailField(label="Email address")
    credentials = forms.CharField(max_length=80, required=False, help_text="For example MD, RN, PharmD.")
    profession = forms.ChoiceField(choices=[("", "Choose…"), *Profession.choices], required=False)
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; not a common password.",
    )
    password_again = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), label="Password again"
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this email address already exists. Sign in or reset your password."
            )
        return email

    def clean(self):
        data = super().clean()
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The two passwords differ.")
        if password:
            candidate = User(email=data.get("email") or "", full_name=data.get("full_name") or "")
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account.",
        "unconfirmed": "Confirm your email address first: we sent you a link when you signed up.",
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.email_confirmed:
            raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")


class InvitedSignUpForm(forms.Form):
    """Sign-up for someone who arrived through an invitation: the email is the invited one."""

    full_name = forms.CharField(max_length=150, label="Full name")
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, User(email=self.email))
        return password


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the message sent from the task queue."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.conf import settings
        from django.urls import reverse

        from medsocial.core.email import enqueue_email

        path = reverse(
            "accounts:password-reset-confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        link = settings.SITE_URL + path
        enqueue_email(
            template_prefix="accounts/emails/password_reset",
            to=[to_email],
            context={"name": context["user"].get_short_name(), "link": link},
        )


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label="Email address")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "credentials", "profession", "time_zone"]
        widgets = {"time_zone": LongSelect(choices=TIMEZONE_CHOICES)}

    def clean_time_zone(self):
        value = self.cleaned_data["time_zone"]
        if value and value not in zoneinfo.available_timezones():
            raise forms.ValidationError("Choose a time zone from the list.")
        return value


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Token name", help_text="What will use it, e.g. “reporting script”."
    )
    scope = forms.ChoiceField(
        choices=PersonalAccessToken.Scope.choices,
        initial=PersonalAccessToken.Scope.READ,
        widget=forms.RadioSelect,
        label="What it may do",
        required=False,
    )
    expires_in_days = forms.TypedChoiceField(
        choices=[("7", "7 days"), ("30", "30 days"), ("90", "90 days"), ("365", "One year"), ("", "Never")],
        coerce=int,
        empty_value=None,
        required=False,
        initial="90",
        label="Expires after",
    )

    def clean_scope(self):
        return self.cleaned_data.get("scope") or PersonalAccessToken.Scope.READ  # least access unless asked


class RevokeTokensChoice(forms.Form):
    """A new password (after a leak, say) offers to cut off the API tokens too. Other signed-in
    browsers are signed out whatever the choice: their sessions carry the old password's hash."""

    revoke_tokens = forms.BooleanField(
        required=False,
        initial=True,
        label="Also revoke my API access tokens",
        help_text="Scripts that use them will need a new token. Browsers signed in elsewhere are "
        "signed out either way.",
    )


class PasswordChangeWithTokensForm(auth_forms.PasswordChangeForm, RevokeTokensChoice):
    """Django's password change, with the choice to revoke the API tokens."""


class SetPasswordWithTokensForm(auth_forms.SetPasswordForm, RevokeTokensChoice):
    """The password chosen from a reset link, with the choice to revoke the API tokens."""

    field_order = ["new_password1", "new_password2", "revoke_tokens"]


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "kind", "website", "city", "state", "description"]

    def clean_state(self):
        state = self.cleaned_data["state"].strip().upper()
        if state and (len(state) != 2 or not state.isalpha()):
            raise forms.ValidationError("Use the two-letter state code, for example MN.")
        return state

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        qs = Organization.objects.filter(name__iexact=name)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        if qs.exists():
            raise forms.ValidationError(
                "An organization with this name already exists. Ask its admin to invite you."
            )
        return name


class OrganizationVerificationForm(forms.Form):
    """Parses the site staff's verification; the service checks the domains and the actor."""

    verified = forms.BooleanField(
        required=False, label="Verified", help_text="Site staff confirmed this organization is real."
    )
    email_domains = forms.CharField(
        required=False,
        max_length=2000,
        label="Verified email domains",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, e.g. lakeshorehealth.org. Members with a confirmed address there "
        "get member prices even while the organization itself is not verified.",
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)
