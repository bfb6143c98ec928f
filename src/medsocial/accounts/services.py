"""Writes for accounts and organizations. Each function is one transaction."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from medsocial.accounts.models import (
    Invitation,
    Membership,
    Organization,
    PersonalAccessToken,
    User,
    hash_token,
    parse_email_domains,
)
from medsocial.accounts.roles import Role, has_role
from medsocial.core.email import enqueue_email
from medsocial.core.errors import Conflict, DomainError, NotAllowed

EMAIL_CONFIRMATION_SALT = "medsocial.accounts.confirm-email"


class AccountError(DomainError):
    """A sign-up, confirmation or membership change was refused."""


# --- Sign-up and email confirmation ---------------------------------------------------------


@transaction.atomic
def sign_up(
    *,
    email: str,
    password: str,
    full_name: str = "",
    credentials: str = "",
    profession: str = "",
    next_path: str = "",
) -> User:
    """Create an account that must confirm its email address before it can sign in; the
    confirmation link leads on to `next_path` (a path on this site), where the person was going."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise Conflict("An account with this email address already exists.", field="email")
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, credentials=credentials, profession=profession
    )
    send_email_confirmation(user=user, next_path=next_path)
    return user


def email_confirmation_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=EMAIL_CONFIRMATION_SALT)


def send_email_confirmation(*, user: User, next_path: str = "") -> None:
    link = settings.SITE_URL + reverse(
        "accounts:confirm-email", kwargs={"token": email_confirmation_token(user)}
    )
    if next_path:
        link += "?" + urlencode({"next": next_path})
    enqueue_email(
        template_prefix="accounts/emails/confirm_email",
        to=[user.email],
        context={"name": user.get_short_name(), "link": link},
    )


@transaction.atomic
def confirm_email(*, token: str) -> User:
    """Mark the address in a signed confirmation link as confirmed."""
    try:
        payload = signing.loads(
            token, salt=EMAIL_CONFIRMATION_SALT, max_age=settings.EMAIL_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired:
        raise AccountError("This confirmation link has expired. Sign in to get a new one.")
    except signing.BadSignature:
        raise AccountError("This confirmation link is not valid.")
    user = User.objects.select_for_update().filter(pk=payload.get("user"), email=payload.get("email")).first()
    if user is None:
        raise AccountError("This confirmation link is not valid.")
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
    return user


@transaction.atomic
def update_profile(
    *, user: User, full_name: str, credentials: str, profession: str, timezone_name: str
) -> User:
    user.full_name = full_name
    user.credentials = credentials
    user.profession = profession
    user.time_zone = timezone_name
    user.save(update_fields=["full_name", "credentials", "profession", "time_zone"])
    return user


# --- Organizations and memberships ----------------------------------------------------------


def unique_organization_slug(name: str) -> str:
    base = slugify(name)[:70] or "organization"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_organization(*, creator: User | None, name: str, kind: str, **details) -> Organization:
    """Create an organization; its creator (when given) becomes its first admin."""
    name = name.strip()
    if Organization.objects.filter(name__iexact=name).exists():
        raise Conflict(f"An organization named “{name}” already exists.", field="name")
    try:
        with transaction.atomic():
            organization = Organization.objects.create(
                name=name,
                kind=kind,
                slug=details.pop("slug", None) or unique_organization_slug(name),
                **details,
            )
    except IntegrityError:
        raise Conflict(f"An organization named “{name}” already exists.", field="name")
    if creator is not None:
        Membership.objects.create(user=creator, organization=organization, role=Membership.Role.ADMIN)
    return organization


@transaction.atomic
def set_organization_verification(
    *, actor: User, organization: Organization, verified: bool, email_domains: str = ""
) -> Organization:
    """Site staff mark an organization verified (or not) and list the email domains confirmed to
    belong to it; member prices depend on either. The first verification keeps its date and who
    made it."""
    if not has_role(actor, Role.SITE_ADMIN):
        raise NotAllowed("Only site staff verify organizations.")
    try:
        domains = parse_email_domains(email_domains)
    except ValidationError as exc:
        raise AccountError(exc.messages[0], field="email_domains") from None
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if verified and organization.verified_at is None:
        organization.verified_at = timezone.now()
        organization.verified_by = actor
    elif not verified:
        organization.verified_at = None
        organization.verified_by = None
    organization.verified_email_domains = "\n".join(domains)
    organization.save(update_fields=["verified_at", "verified_by", "verified_email_domains"])
    return organization


def _require_admin(actor: User, organization: Organization) -> None:
    if actor.is_superuser:
        return
    if not Membership.objects.filter(
        user=actor, organization=organization, role=Membership.Role.ADMIN
    ).exists():
        raise NotAllowed("Only an organization admin can manage members.")


@transaction.atomic
def invite_member(*, actor: User, organization: Organization, email: str, role: str = Membership.Role.MEMBER):
    """Invite someone by email. Returns (invitation, raw token); only the hash is stored."""
    _require_admin(actor, organization)
    email = User.objects.normalize_email(email).lower()
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise Conflict(f"{email} is already a member of {organization}.", field="email")
    if role not in Membership.Role.values:
        raise AccountError("Choose a valid role.", field="role")
    now = timezone.now()
    # A new invitation replaces any pending one for the same address.
    Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at=None, revoked_at=None
    ).update(revoked_at=now)
    raw = PersonalAccessToken.generate_raw()
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        token_hash=hash_token(raw),
        invited_by=actor,
        expires_at=now + timedelta(days=settings.INVITATION_MAX_AGE_DAYS),
    )
    link = settings.SITE_URL + reverse("accounts:invitation", kwargs={"token": raw})
    enqueue_email(
        template_prefix="accounts/emails/invitation",
        to=[email],
        context={
            "organization": organization.name,
            "inviter": actor.display_name,
            "role": invitation.get_role_display(),
            "link": link,
            "days": settings.INVITATION_MAX_AGE_DAYS,
        },
    )
    return invitation, raw


def pending_invitation(token: str) -> Invitation:
    """The pending invitation behind a raw token, or AccountError."""
    invitation = (
        Invitation.objects.select_related("organization").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or invitation.revoked_at is not None:
        raise AccountError("This invitation is not valid.")
    if invitation.accepted_at is not None:
        raise AccountError("This invitation has already been used.")
    if invitation.expires_at <= timezone.now():
        raise AccountError("This invitation has expired. Ask the organization admin for a new one.")
    return invitation


@transaction.atomic
def accept_invitation(*, user: User, token: str) -> Membership:
    """Join the organization of an invitation addressed to the signed-in person's email."""
    invitation = pending_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise AccountError("This invitation has already been used.")
    if invitation.email.lower() != user.email.lower():
        raise NotAllowed(
            f"This invitation was sent to {invitation.email}. Sign in with that address to accept it."
        )
    membership, created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if user.email_confirmed_at is None:
        # The invitation reached this address, which proves the person owns it.
        user.email_confirmed_at = invitation.accepted_at
        user.save(update_fields=["email_confirmed_at"])
    return membership


@transaction.atomic
def sign_up_from_invitation(*, token: str, full_name: str, password: str) -> Membership:
    """Create the invited person's account (its email is proven by the invitation) and join."""
    invitation = pending_invitation(token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise Conflict("An account with this email address already exists. Sign in to accept the invitation.")
    user = User.objects.create_user(
        email=invitation.email, password=password, full_name=full_name, email_confirmed_at=timezone.now()
    )
    return accept_invitation(user=user, token=token)


@transaction.atomic
def revoke_invitation(*, actor: User, invitation: Invitation) -> None:
    _require_admin(actor, invitation.organization)
    Invitation.objects.filter(pk=invitation.pk, revoked_at=None).update(revoked_at=timezone.now())


def _lock_admins(organization: Organization) -> list[int]:
    return list(
        Membership.objects.select_for_update()
        .filter(organization=organization, role=Membership.Role.ADMIN)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def change_member_role(*, actor: User, membership: Membership, role: str) -> Membership:
    _require_admin(actor, membership.organization)
    if role not in Membership.Role.values:
        raise AccountError("Choose a valid role.", field="role")
    admin_ids = _lock_admins(membership.organization)
    if role != Membership.Role.ADMIN and admin_ids == [membership.pk]:
        raise AccountError("An organization needs at least one admin. Make someone else admin first.")
    Membership.objects.filter(pk=membership.pk).update(role=role)
    membership.refresh_from_db()
    return membership


@transaction.atomic
def remove_member(*, actor: User, membership: Membership) -> None:
    if actor.pk != membership.user_id:  # anyone may leave; removing others takes an admin
        _require_admin(actor, membership.organization)
    admin_ids = _lock_admins(membership.organization)
    if admin_ids == [membership.pk]:
        raise AccountError("An organization needs at least one admin. Make someone else admin first.")
    membership.delete()


# --- Personal access tokens -----------------------------------------------------------------


TOKEN_LIFETIMES_DAYS = (7, 30, 90, 365)


@transaction.atomic
def create_access_token(
    *,
    user: User,
    name: str,
    scope: str = PersonalAccessToken.Scope.WRITE,
    expires_in_days: int | None = 90,
) -> tuple[PersonalAccessToken, str]:
    """Create an API token that may read (or read and write) until it expires (None: never).
    Returns (token, raw value); the raw value is never shown again."""
    name = name.strip()
    if not name:
        raise AccountError("Give the token a name, so you can recognise it later.", field="name")
    if scope not in PersonalAccessToken.Scope.values:
        raise AccountError("Choose whether the token may only read, or read and write.", field="scope")
    if expires_in_days is not None and not 1 <= expires_in_days <= 366:
        raise AccountError("A token lasts between 1 and 366 days, or never expires.", field="expires_in_days")
    if PersonalAccessToken.objects.filter(user=user, name__iexact=name, revoked_at=None).exists():
        raise Conflict("You already have an active token with this name.", field="name")
    raw = PersonalAccessToken.generate_raw()
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name,
        token_hash=hash_token(raw),
        hint=raw[:10],
        scope=scope,
        expires_at=None if expires_in_days is None else timezone.now() + timedelta(days=expires_in_days),
    )
    return token, raw


def revoke_all_access_tokens(*, user: User) -> int:
    """Revoke every active token of `user` (offered when the password changes); returns how many."""
    return PersonalAccessToken.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())


@transaction.atomic
def revoke_access_token(*, user: User, token_id: int) -> None:
    updated = PersonalAccessToken.objects.filter(pk=token_id, user=user, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise AccountError("No such active token.")


def access_token_for(raw: str) -> PersonalAccessToken | None:
    """The unrevoked, unexpired token of an active user behind a raw value, recording its use."""
    if not raw or not raw.startswith(PersonalAccessToken.PREFIX):
        return None
    now = timezone.now()
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at=None, user__is_active=True)
        .filter(Q(expires_at=None) | Q(expires_at__gt=now))
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_for_access_token(raw: str) -> User | None:
    """The active user behind a raw token (see `access_token_for`)."""
    token = access_token_for(raw)
    return token.user if token is not None else None
