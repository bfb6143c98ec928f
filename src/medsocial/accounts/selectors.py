"""Reads for accounts and organizations, shared by pages, the API and the admin."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from medsocial.accounts.models import Invitation, Membership, Organization, User


def organizations_for(user: User) -> QuerySet[Organization]:
    """Organizations `user` belongs to (all of them for a superuser)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    qs = (
        Organization.objects.all()
        if user.is_superuser
        else Organization.objects.filter(memberships__user=user)
    )
    # A subquery, not Count("memberships"): the filter above joins memberships already, and a
    # Count over that join would count only the viewer's own membership.
    members = (
        Membership.objects.filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(member_count=Coalesce(Subquery(members), 0)).order_by("name")


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")


def is_organization_admin(user: User, organization: Organization) -> bool:
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, organization=organization, role=Membership.Role.ADMIN
    ).exists()


def admin_organization_ids(user: User) -> set[int]:
    """Ids of organizations where `user` is an organization admin."""
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values_list(
            "organization_id", flat=True
        )
    )


def access_organization(user: User, slug: str, *, admin: bool = False) -> Organization:
    """Fetch an organization `user` belongs to: 404 when not a member, 403 when `admin` is
    required and they are only a member."""
    organization = organizations_for(user).filter(slug=slug).first()
    if organization is None:
        raise Http404("No such organization.")
    if admin and not is_organization_admin(user, organization):
        raise PermissionDenied("Only an organization admin can do this.")
    return organization


def organizations_for_verification(*, query: str = "") -> QuerySet[Organization]:
    """Every organization for site staff, the ones not yet verified first."""
    qs = Organization.objects.annotate(member_count=Count("memberships", distinct=True))
    if query:
        qs = qs.filter(name__icontains=query)
    return qs.order_by(F("verified_at").asc(nulls_first=True), "name")


def members_of(organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def pending_invitations(organization: Organization) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        organization=organization, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def sign_in_username(request, credentials=None) -> str | None:
    """The address a sign-in attempt names, lowercased: the lockout counts `Pat@X.org` and
    `pat@x.org` as one account, as sign-in itself does."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    return username.strip().lower() if isinstance(username, str) else username
