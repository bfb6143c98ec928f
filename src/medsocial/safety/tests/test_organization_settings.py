"""Organization admins manage their own rules and allow-list; others cannot."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.safety import services
from medsocial.safety.models import AllowedIdentifier, PolicyRule
from medsocial.safety.tests.factories import make_allowed, make_rule
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_organization):
    return make_organization(name="Lakeshore Health")


@pytest.fixture
def org_admin(make_user, org):
    return make_user(organization=org, org_role="admin", roles=[])


def test_admin_adds_a_rule_through_the_page(client, org, org_admin):
    client.force_login(org_admin)
    response = client.post(
        reverse("safety:organization", args=[org.slug]),
        {
            "add_rule": "1",
            "rule-name": "Competitors",
            "rule-severity": "warn",
            "rule-explanation": "Do not name competitors.",
            "rule-phrases": "Mercy General",
            "rule-is_active": "on",
        },
    )
    assert response.status_code == 302
    assert PolicyRule.objects.get(organization=org).phrases == "Mercy General"


def test_bad_regex_is_refused_with_a_clear_error(client, org, org_admin):
    client.force_login(org_admin)
    response = client.post(
        reverse("safety:organization", args=[org.slug]),
        {
            "add_rule": "1",
            "rule-name": "Broken",
            "rule-severity": "warn",
            "rule-explanation": "x",
            "rule-pattern": "(unclosed",
        },
    )
    assert response.status_code == 400
    assert "not a valid regular expression" in response.content.decode()
    assert not PolicyRule.objects.filter(organization=org).exists()


def test_admin_adds_and_removes_a_published_phone(client, org, org_admin):
    client.force_login(org_admin)
    client.post(
        reverse("safety:organization", args=[org.slug]),
        {"add_allowed": "1", "allowed-kind": "phone", "allowed-value": "(312) 555-0199"},
    )
    item = AllowedIdentifier.objects.get(organization=org)
    client.post(reverse("safety:delete-allowed", args=[org.slug, item.pk]))
    assert not AllowedIdentifier.objects.filter(organization=org).exists()


def test_member_who_is_not_admin_gets_403(client, make_user, org):
    client.force_login(make_user(organization=org, roles=[]))
    assert client.get(reverse("safety:organization", args=[org.slug])).status_code == 403


def test_other_organizations_member_gets_404_everywhere(client, make_user, make_organization, org):
    rule, allowed = make_rule(organization=org), make_allowed(organization=org)
    client.force_login(make_user(organization=make_organization(name="Other"), org_role="admin", roles=[]))
    assert client.get(reverse("safety:organization", args=[org.slug])).status_code == 404
    assert client.post(reverse("safety:delete-rule", args=[org.slug, rule.pk])).status_code == 404
    assert client.post(reverse("safety:delete-allowed", args=[org.slug, allowed.pk])).status_code == 404
    assert PolicyRule.objects.filter(pk=rule.pk).exists()


def test_site_admin_manages_any_organization(client, make_user, org):
    client.force_login(make_user(roles=[Role.SITE_ADMIN], organization=None))
    assert client.get(reverse("safety:organization", args=[org.slug])).status_code == 200


def test_only_site_admins_change_site_wide_rules(make_user, org_admin):
    with pytest.raises(services.NotAllowed):
        services.save_rule(actor=org_admin, organization=None, name="X", explanation="x", phrases="x")


def test_settings_page_query_count_does_not_grow(client, org, org_admin):
    client.force_login(org_admin)
    url = reverse("safety:organization", args=[org.slug])

    def queries_with(total: int) -> int:
        while PolicyRule.objects.filter(organization=org).count() < total:
            i = PolicyRule.objects.filter(organization=org).count()
            make_rule(organization=org, name=f"Rule {i}")
            make_allowed(organization=org, value=f"(312) 555-{1000 + i}")
        page_queries(client, url)  # warm the session and caches
        return page_queries(client, url)

    few, many = queries_with(5), queries_with(50)
    assert few == many
    assert few <= 10
