"""Site-wide staff roles, kept as Django groups so the admin can grant them.

Each role is a group whose permissions cover the models it manages; code asks
`has_role(user, Role.EDITOR)` rather than checking group names itself.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models


class Role(models.TextChoices):
    INSTRUCTOR = "instructor", "Instructor"
    EVENT_MANAGER = "event_manager", "Event manager"
    COACH = "coach", "Coach"
    EDITOR = "editor", "Editor"
    MODERATOR = "moderator", "Moderator"
    SITE_ADMIN = "site_admin", "Site admin"


# Which models' permissions each role's group holds: "app_label" for a whole app, or
# "app_label.modelname" for one model.
ROLE_PERMISSION_SCOPES: dict[str, list[str]] = {
    Role.INSTRUCTOR: ["learning", "residency"],
    Role.EVENT_MANAGER: ["events"],
    Role.COACH: ["consulting"],
    Role.EDITOR: ["publishing"],
    Role.MODERATOR: ["publishing.comment", "census.accountsubmission"],
    Role.SITE_ADMIN: [
        "accounts",
        "learning",
        "events",
        "consulting",
        "census",
        "publishing",
        "safety",
        "programs",
        "awards",
        "residency",
        "fellows",
    ],
}


def group_name(role: str) -> str:
    return Role(role).label


def has_role(user, role: str) -> bool:
    """True when `user` holds `role` (superusers and site admins hold every role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_medsocial_roles", None)
    if cached is None:
        labels = {r.label: r.value for r in Role}
        cached = {labels[name] for name in user.groups.values_list("name", flat=True) if name in labels}
        user._medsocial_roles = cached
    return role in cached or Role.SITE_ADMIN in cached


def roles_of(user) -> list[str]:
    return [r.value for r in Role if has_role(user, r.value)]


def _permissions_for(scopes: list[str]):
    query = models.Q(pk__in=[])
    for scope in scopes:
        if "." in scope:
            app_label, model = scope.split(".", 1)
            query |= models.Q(content_type__app_label=app_label, content_type__model=model)
        else:
            query |= models.Q(content_type__app_label=scope)
    return Permission.objects.filter(query)


def ensure_staff_roles(sender=None, **kwargs) -> None:
    """Create (or refresh) one group per role with its permissions. Idempotent."""
    from django.apps import apps

    # post_migrate fires once per app that has models; every app's permissions exist only
    # when it fires for the last of them.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not None and getattr(sender, "label", None) != last_app.label:
        return
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.label)
        group.permissions.set(_permissions_for(ROLE_PERMISSION_SCOPES[role]))
