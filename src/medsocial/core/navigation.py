"""Who sees which menu: the personal menu of every signed-in person and the staff tools of
each role. The header, the staff dashboard and the tests all read the same lists, so a tool
added here appears everywhere at once.

Reading the menus costs at most two queries per page (the person's groups, cached on the user
object by `has_role`, and the organizations they administer); anonymous visitors cost none.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from medsocial.accounts.models import Membership
from medsocial.accounts.roles import Role, has_role


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class ToolGroup:
    """One role's tools: `key` names its dashboard page (/staff/<key>/)."""

    key: str
    title: str
    links: list[Link] = field(default_factory=list)

    @property
    def dashboard_url(self) -> str:
        return reverse("staff-role", args=[self.key])


# The staff dashboard's sections, in the order menus list them.
STAFF_SECTIONS = {
    "editor": "Editing",
    "moderator": "Moderation",
    "event_manager": "Events",
    "instructor": "Teaching",
    "coach": "Consulting",
    "org_admin": "My organizations",
    "site_admin": "Site administration",
}


def personal_links(user) -> list[Link]:
    """The personal menu: what a signed-in person has started, signed up for or earned."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        Link("My learning", reverse("learning:dashboard")),
        Link("My events", reverse("events:mine")),
        Link("My engagements", reverse("consulting:my-engagements")),
        Link("Membership", reverse("programs:home")),
        Link("My points", reverse("programs:my-wallet")),
        Link("My residency", reverse("residency:mine")),
        Link("Certificates", reverse("learning:dashboard") + "#certificates"),
        Link("Fellows", reverse("fellows:mine")),
        Link("Profile", reverse("accounts:profile")),
        Link("Organizations", reverse("accounts:organizations")),
    ]


def administered_organizations(user) -> list:
    """Organizations `user` administers, by name (one query, kept on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_medsocial_admin_of", None)
    if cached is None:
        cached = [
            m.organization
            for m in Membership.objects.filter(user=user, role=Membership.Role.ADMIN)
            .select_related("organization")
            .order_by("organization__name")
        ]
        user._medsocial_admin_of = cached
    return cached


def _tools_for(user, key: str) -> list[Link]:
    if key == "editor":
        return [
            Link("Write an article", reverse("publishing:article-new")),
            Link("Manage articles", reverse("publishing:article-manage")),
            Link("Podcasts", reverse("publishing:podcasts")),
            Link("Newsletter", reverse("publishing:issues")),
        ]
    if key == "moderator":
        return [
            Link("Comment queue", reverse("publishing:moderation")),
            Link("Census queue", reverse("census:queue")),
        ]
    if key == "event_manager":
        return [
            Link("Manage events", reverse("events:manage")),
            Link("Check-in", reverse("events:checkin-now")),
            Link("New event", reverse("events:event-create")),
        ]
    if key == "instructor":
        return [
            Link("Course authoring", reverse("learning:teach")),
            Link("New course", reverse("learning:teach-new")),
            Link("Residency cohorts", reverse("residency:manage")),
        ]
    if key == "coach":
        return [Link("Consulting pipeline", reverse("consulting:board"))]
    if key == "org_admin":
        links = []
        for organization in administered_organizations(user):
            links.append(Link(organization.name, reverse("accounts:organization", args=[organization.slug])))
            links.append(
                Link(
                    f"{organization.name}: learning",
                    reverse("learning:organization", args=[organization.slug]),
                )
            )
            links.append(
                Link(
                    f"{organization.name}: points",
                    reverse("programs:organization-wallet", args=[organization.slug]),
                )
            )
        return links
    if key == "site_admin":
        return [
            Link("Site admin", reverse("admin:index")),
            Link("Consulting reports", reverse("consulting:reports")),
            Link("Post safety rules", reverse("safety:organizations")),
            Link("Membership dues", reverse("programs:dues")),
            Link("Fellows portfolios", reverse("fellows:review-queue")),
        ]
    raise KeyError(key)


def staff_keys(user) -> list[str]:
    """The staff sections `user` may open, in menu order."""
    if not getattr(user, "is_authenticated", False):
        return []
    role_of_section = {
        "editor": Role.EDITOR,
        "moderator": Role.MODERATOR,
        "event_manager": Role.EVENT_MANAGER,
        "instructor": Role.INSTRUCTOR,
        "coach": Role.COACH,
        "site_admin": Role.SITE_ADMIN,
    }
    keys = []
    for key in STAFF_SECTIONS:
        if key == "org_admin":
            if administered_organizations(user):
                keys.append(key)
        elif has_role(user, role_of_section[key]):
            keys.append(key)
    return keys


def staff_groups(user) -> list[ToolGroup]:
    """Each staff section `user` may open, with its tools."""
    return [ToolGroup(key, STAFF_SECTIONS[key], _tools_for(user, key)) for key in staff_keys(user)]
