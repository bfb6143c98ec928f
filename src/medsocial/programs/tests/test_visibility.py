"""Every membership and points URL tried as the wrong person: another member, a staff member of
the organization who is not its admin, the admin of another organization. Each is a 404 that
confirms nothing, and nothing changes. The URL list comes from the resolver, so a new page is
covered without editing this test."""

import pytest
from django.urls import get_resolver, reverse

from medsocial.programs import urls as programs_urls
from medsocial.programs.models import CoveredStaff, DuesInvoice, LedgerEntry, Membership, Plan
from medsocial.programs.tests.factories import fund, make_membership

pytestmark = pytest.mark.django_db

# Pages any signed-in person has: their own membership page and wallet.
OWN_PAGES = {"home", "join", "my-wallet", "my-wallet-export"}


@pytest.fixture
def world(hospital, org_admin, nurse, make_user):
    membership = make_membership(organization=hospital, covering=[nurse])
    fund(hospital, 100)
    return {
        "pk": membership.pk,
        "slug": hospital.slug,
        "user_id": nurse.pk,
        "invoice": membership.invoices.get().pk,
    }


def _urls(world) -> list[tuple[str, str]]:
    resolver = get_resolver(programs_urls)
    urls = []
    for pattern in programs_urls.urlpatterns:
        if pattern.name in OWN_PAGES:
            continue
        params = resolver.reverse_dict.getlist(pattern.callback)[0][0][0][1]
        values = {
            "pk": world["invoice"] if pattern.name == "mark-paid" else world["pk"],
            "slug": world["slug"],
            "user_id": world["user_id"],
        }
        urls.append(
            (pattern.name, reverse(f"programs:{pattern.name}", kwargs={p: values[p] for p in params}))
        )
    return urls


def test_every_url_is_listed(world):
    names = {name for name, _ in _urls(world)} | OWN_PAGES
    assert names == {p.name for p in programs_urls.urlpatterns}


@pytest.mark.parametrize("who", ["outsider", "staff_member", "other_admin"])
def test_every_url_is_a_404_for_the_wrong_person(client, world, who, nurse, make_user, make_organization):
    from medsocial.accounts.models import Membership as OrganizationRole

    people = {
        "outsider": lambda: make_user(),
        "staff_member": lambda: nurse,
        "other_admin": lambda: make_user(
            organization=make_organization(), org_role=OrganizationRole.Role.ADMIN
        ),
    }
    client.force_login(people[who]())
    before = (
        LedgerEntry.objects.count(),
        CoveredStaff.objects.count(),
        DuesInvoice.objects.filter(status="paid").count(),
    )
    for name, url in _urls(world):
        assert client.get(url).status_code in (404, 405), (who, name)
        assert client.post(url, {"email": nurse.email, "points": "5"}).status_code == 404, (who, name)
    after = (
        LedgerEntry.objects.count(),
        CoveredStaff.objects.count(),
        DuesInvoice.objects.filter(status="paid").count(),
    )
    assert before == after
    assert Membership.objects.get(pk=world["pk"]).cancelled_at is None


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    for name, url in _urls(world) + [("my-wallet", reverse("programs:my-wallet"))]:
        response = client.get(url)
        assert response.status_code in (302, 405), name
        if response.status_code == 302:
            assert "/accounts/sign-in/" in response["Location"]


def test_the_admin_and_site_staff_open_the_organizations_pages(client, world, org_admin, site_staff):
    for person in (org_admin, site_staff):
        client.force_login(person)
        assert client.get(reverse("programs:membership", args=[world["pk"]])).status_code == 200
        assert client.get(reverse("programs:organization-wallet", args=[world["slug"]])).status_code == 200
    client.force_login(org_admin)
    assert client.get(reverse("programs:dues")).status_code == 404  # settling dues is for site staff


def test_a_person_sees_only_their_own_wallet(client, nurse, make_user):
    fund(nurse, 42)
    other = make_user()
    client.force_login(other)
    page = client.get(reverse("programs:my-wallet")).content.decode()
    assert ">0<" in page and "42" not in page
    assert client.get(reverse("programs:my-wallet-export")).status_code == 404


def test_signed_out_visitors_compare_plans_and_are_asked_to_sign_in_to_join(client, world):
    home = client.get("/").content.decode()
    assert f'href="{reverse("programs:home")}"' in home  # the footer leads there
    page = client.get(reverse("programs:home"))
    text = page.content.decode()
    assert page.status_code == 200
    offered = list(Plan.objects.filter(is_active=True))
    assert offered
    for plan in offered:
        assert plan.name in text
    assert f"{reverse('accounts:sign-in')}?next=/programs/" in text
    assert 'action="' + reverse("programs:join") + '"' not in text
    assert 'id="points-heading"' not in text and 'id="mine-heading"' not in text
    response = client.post(reverse("programs:join"), {"plan": Plan.objects.first().pk})
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
