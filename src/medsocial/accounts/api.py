from django.http import HttpRequest
from ninja import Router, Schema

from medsocial.accounts import selectors
from medsocial.accounts.roles import roles_of

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    organization: str
    slug: str
    role: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    credentials: str
    profession: str
    timezone: str
    staff_roles: list[str]
    memberships: list[MembershipOut]


class OrganizationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    website: str
    city: str
    state: str
    member_count: int
    my_role: str | None


@router.get("/me", response=MeOut, summary="The signed-in person")
def me(request: HttpRequest):
    user = request.auth
    memberships = [
        MembershipOut(organization=m.organization.name, slug=m.organization.slug, role=m.role)
        for m in selectors.memberships_of(user)
    ]
    return MeOut(
        id=user.pk,
        email=user.email,
        full_name=user.full_name,
        credentials=user.credentials,
        profession=user.profession,
        timezone=user.time_zone,
        staff_roles=roles_of(user),
        memberships=memberships,
    )


@router.get("/organizations", response=list[OrganizationOut], summary="Organizations I belong to")
def my_organizations(request: HttpRequest):
    user = request.auth
    roles = {m.organization_id: m.role for m in selectors.memberships_of(user)}
    return [
        OrganizationOut(
            id=o.pk,
            name=o.name,
            slug=o.slug,
            kind=o.kind,
            website=o.website,
            city=o.city,
            state=o.state,
            member_count=o.member_count,
            my_role=roles.get(o.pk),
        )
        for o in selectors.organizations_for(user)
    ]
