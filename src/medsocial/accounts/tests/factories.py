import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from medsocial.accounts.models import Membership, Organization, User
from medsocial.accounts.roles import ensure_staff_roles, group_name

DEFAULT_PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)


def make_user(
    *,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    full_name: str = "",
    roles: list[str] = (),
    organization: Organization | None = None,
    org_role: str = Membership.Role.MEMBER,
    confirmed: bool = True,
    **fields,
) -> User:
    """A user; `roles` are staff roles (see accounts.roles.Role), `organization` a membership."""
    n = next(_sequence)
    user = User.objects.create_user(
        email=email or f"person{n}@example.org",
        password=password,
        full_name=full_name or f"Person {n}",
        email_confirmed_at=timezone.now() if confirmed else None,
        is_staff=bool(roles) or fields.pop("is_staff", False),
        **fields,
    )
    if roles:
        if not Group.objects.exists():
            ensure_staff_roles()
        user.groups.add(*Group.objects.filter(name__in=[group_name(r) for r in roles]))
    if organization is not None:
        Membership.objects.create(user=user, organization=organization, role=org_role)
    return user


def make_organization(
    *, name: str | None = None, kind: str = Organization.Kind.HOSPITAL, **fields
) -> Organization:
    n = next(_sequence)
    name = name or f"Organization {n}"
    from django.utils.text import slugify

    return Organization.objects.create(
        name=name, slug=fields.pop("slug", None) or slugify(name)[:70], kind=kind, **fields
    )
