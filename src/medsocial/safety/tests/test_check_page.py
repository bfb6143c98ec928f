"""The check page and its as-you-type results fragment."""

import pytest
from django.urls import reverse

from medsocial.safety.tests.factories import make_allowed, make_rule

pytestmark = pytest.mark.django_db
POST = "Mrs. Alvarez in bed 3 is going home today! Call 312-555-0199 with questions."


def test_anonymous_person_can_check_against_site_rules(client):
    page = client.get(reverse("safety:check"))
    assert page.status_code == 200
    assert 'hx-trigger="input changed delay:400ms"' in page.content.decode()
    fragment = client.post(reverse("safety:check-results"), {"text": POST}).content.decode()
    assert 'data-category="name"' in fragment and 'data-category="room_bed"' in fragment
    assert "[patient] in [room]" in fragment
    assert 'data-copy-target="#redacted"' in fragment


def test_page_works_without_javascript(client):
    page = client.post(reverse("safety:check"), {"text": POST}).content.decode()
    assert "Mrs. Alvarez<sup>" in page


def test_member_checks_with_organization_rules_and_allow_list(client, make_user, make_organization):
    org = make_organization(name="Lakeshore Health")
    member = make_user(organization=org)
    make_allowed(organization=org, value="312-555-0199")
    make_rule(organization=org, name="Competitors", phrases="Mercy General")
    client.force_login(member)
    text = "Better than Mercy General! Call 312-555-0199."
    with_org = client.post(
        reverse("safety:check-results"), {"text": text, "organization": org.slug}
    ).content.decode()
    assert 'data-category="policy"' in with_org and 'data-category="phone"' not in with_org
    without = client.post(reverse("safety:check-results"), {"text": text}).content.decode()
    assert 'data-category="policy"' not in without and 'data-category="phone"' in without


def test_other_organizations_rules_cannot_be_chosen(client, make_user, make_organization):
    other = make_organization(name="Elsewhere")
    make_rule(organization=other, name="Secret", phrases="hello")
    client.force_login(make_user(organization=make_organization()))
    response = client.post(reverse("safety:check"), {"text": "hello", "organization": other.slug})
    assert response.status_code == 400
    assert 'data-category="policy"' not in response.content.decode()


def test_input_too_long_shows_a_clear_error(client):
    response = client.post(reverse("safety:check"), {"text": "a" * 50_001})
    assert response.status_code == 400
    assert "50,000" in response.content.decode()


def test_default_rules_ship_with_the_product(client):
    fragment = client.post(
        reverse("safety:check-results"), {"text": "Honestly you should stop taking your statin."}
    ).content.decode()
    assert "Individual medical advice" in fragment


def test_page_says_which_mode_the_coach_runs_in(client, monkeypatch):
    from medsocial.safety import services

    monkeypatch.setattr(services, "check_mode", lambda: "fast")
    page = client.get(reverse("safety:check")).content.decode()
    assert "Rules-only check" in page and "medsocial[ner]" in page
    monkeypatch.setattr(services, "check_mode", lambda: "full")
    assert "Full check" in client.get(reverse("safety:check")).content.decode()
