import pytest

from medsocial.accounts.models import Membership, Organization


@pytest.mark.django_db
def test_registering_an_organization_makes_its_creator_the_admin(client, user):
    client.force_login(user)
    response = client.post(
        "/accounts/organizations/new/",
        {
            "name": "Riverbend Medical Center",
            "kind": "hospital",
            "city": "Dubuque",
            "state": "ia",
            "website": "",
        },
    )
    organization = Organization.objects.get()
    assert response.status_code == 302 and response["Location"] == organization.get_absolute_url()
    assert (organization.slug, organization.state) == ("riverbend-medical-center", "IA")
    assert Membership.objects.get(organization=organization, user=user).role == Membership.Role.ADMIN


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "kind": "hospital"}, "name"),
        ({"name": "Riverbend", "kind": "spaceport"}, "kind"),
        ({"name": "Riverbend", "kind": "hospital", "state": "Iowa"}, "state"),
        ({"name": "Riverbend", "kind": "hospital", "website": "not a url"}, "website"),
        ({"name": "existing clinic", "kind": "clinic"}, "name"),
    ],
)
def test_bad_organization_input_names_the_field_and_creates_nothing(
    client, user, make_organization, data, field
):
    make_organization(name="Existing Clinic")
    client.force_login(user)
    response = client.post("/accounts/organizations/new/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Organization.objects.count() == 1
    assert not Membership.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_organization_pages_require_sign_in(client, make_organization):
    organization = make_organization()
    for url in ["/accounts/organizations/", "/accounts/organizations/new/", organization.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/"), url


@pytest.mark.django_db
def test_member_count_counts_every_member_for_an_ordinary_member(client, make_user, make_organization):
    organization = make_organization(name="Riverbend Medical Center")
    member = make_user()
    Membership.objects.create(organization=organization, user=member)
    for _ in range(2):
        Membership.objects.create(organization=organization, user=make_user())
    make_organization(name="Empty Clinic")
    assert not member.is_superuser

    client.force_login(member)
    [listed] = client.get("/api/v1/organizations").json()
    assert (listed["name"], listed["member_count"]) == ("Riverbend Medical Center", 3)
    page = client.get("/accounts/organizations/")
    assert [o.member_count for o in page.context["organizations"]] == [3]
