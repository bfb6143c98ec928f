"""Reads of the post safety coach: the rules and allow-list that apply to a check."""

from django.db.models import Q, QuerySet

from medsocial.accounts.models import Organization
from medsocial.accounts.roles import Role, has_role
from medsocial.accounts.selectors import access_organization, admin_organization_ids, organizations_for
from medsocial.safety.engine import AllowList
from medsocial.safety.models import AllowedIdentifier, PolicyRule


def rules_for(organization: Organization | None) -> QuerySet[PolicyRule]:
    """Active rules for a check: the site-wide defaults plus the organization's own."""
    scope = Q(organization__isnull=True)
    if organization is not None:
        scope |= Q(organization=organization)
    return PolicyRule.objects.filter(scope, is_active=True)


def allow_list_for(organization: Organization | None) -> AllowList:
    """The organization's published contact details, prepared for the engine."""
    if organization is None:
        return AllowList()
    values: dict[str, list[str]] = {kind: [] for kind in AllowedIdentifier.Kind.values}
    for kind, value in AllowedIdentifier.objects.filter(organization=organization).values_list(
        "kind", "value"
    ):
        values[kind].append(value)
    return AllowList(
        phones=values["phone"], addresses=values["address"], urls=values["url"], emails=values["email"]
    )


def checkable_organizations(user) -> QuerySet[Organization]:
    """Organizations whose rules a person may check a post against (their memberships)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return organizations_for(user)


def can_manage_site_rules(user) -> bool:
    return user.is_authenticated and has_role(user, Role.SITE_ADMIN)


def manageable_organizations(user) -> QuerySet[Organization]:
    """Organizations whose rules and allow-list the person manages (org admins, site staff)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    if can_manage_site_rules(user):
        return Organization.objects.order_by("name")
    return Organization.objects.filter(pk__in=admin_organization_ids(user)).order_by("name")


def access_managed_organization(user, slug: str) -> Organization:
    """The organization if the person manages its safety settings (404 for non-members, 403
    for members who are not admins; site staff manage every organization)."""
    if can_manage_site_rules(user):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(Organization, slug=slug)
    return access_organization(user, slug, admin=True)


def organization_settings(organization: Organization) -> dict:
    """What the organization settings page shows, in a fixed number of queries."""
    return {
        "rules": list(PolicyRule.objects.filter(organization=organization)),
        "defaults": list(PolicyRule.objects.filter(organization__isnull=True)),
        "allowed": list(AllowedIdentifier.objects.filter(organization=organization)),
    }
