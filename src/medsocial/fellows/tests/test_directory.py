"""The public directory lists only Fellows who agreed, by level; consent can be withdrawn."""

import pytest
from django.urls import reverse

from medsocial.fellows import services
from medsocial.fellows.errors import FellowsError
from medsocial.fellows.models import Fellow
from medsocial.fellows.tests.factories import level
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def make_fellow(make_user, slug, *, listed=True, name=None):
    return Fellow.objects.create(person=make_user(full_name=name or ""), level=level(slug), listed=listed)


def test_only_consenting_fellows_are_listed_highest_level_first(client, make_user):
    make_fellow(make_user, "bronze", name="Bo Bronze")
    make_fellow(make_user, "gold", name="Gil Gold")
    make_fellow(make_user, "silver", name="Sam Hidden", listed=False)
    text = client.get(reverse("fellows:directory")).content.decode()
    assert "Bo Bronze" in text and "Gil Gold" in text and "Sam Hidden" not in text
    assert text.index("Gold Fellow") < text.index("Bronze Fellow")


def test_withdrawing_consent_removes_the_fellow_at_once(client, make_user):
    fellow = make_fellow(make_user, "silver", name="Sia Silver")
    services.set_directory_listing(person=fellow.person, listed=False)
    assert "Sia Silver" not in client.get(reverse("fellows:directory")).content.decode()
    services.set_directory_listing(person=fellow.person, listed=True)
    assert "Sia Silver" in client.get(reverse("fellows:directory")).content.decode()


def test_a_deactivated_account_is_not_listed(client, make_user):
    fellow = make_fellow(make_user, "gold", name="Gone Person")
    fellow.person.is_active = False
    fellow.person.save()
    assert "Gone Person" not in client.get(reverse("fellows:directory")).content.decode()


def test_someone_who_is_not_a_fellow_cannot_be_listed(person):
    with pytest.raises(FellowsError, match="not a Fellow yet"):
        services.set_directory_listing(person=person, listed=True)
    assert not Fellow.objects.exists()


def test_the_listing_toggle_on_my_page(client, make_user):
    fellow = make_fellow(make_user, "bronze")
    client.force_login(fellow.person)
    client.post(reverse("fellows:listing"), {"listed": ""})
    fellow.refresh_from_db()
    assert not fellow.listed and fellow.listed_changed_at
    client.post(reverse("fellows:listing"), {"listed": "on"})
    fellow.refresh_from_db()
    assert fellow.listed


def test_the_directory_costs_the_same_for_5_and_50_fellows(client, make_user):
    figures = []
    for count in (5, 50):
        while Fellow.objects.count() < count:
            make_fellow(make_user, ["bronze", "silver", "gold"][Fellow.objects.count() % 3])
        figures.append(page_queries(client, reverse("fellows:directory")))
        figures.append(page_queries(client, "/api/v1/fellows/directory"))
    assert figures[0] == figures[2] and figures[1] == figures[3]
