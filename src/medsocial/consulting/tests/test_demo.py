"""The demo data: three organizations at different stages, loaded idempotently."""

import pytest
from django.apps import apps

from medsocial.accounts import demo as accounts_demo
from medsocial.consulting import demo
from medsocial.consulting.models import Engagement

pytestmark = pytest.mark.django_db


def row_counts():
    return {model.__name__: model.objects.count() for model in apps.get_app_config("consulting").get_models()}


def test_the_demo_loads_three_stages_and_a_second_run_changes_nothing():
    accounts_demo.load(small=True)
    demo.load(small=True)
    stages = dict(Engagement.objects.values_list("organization__slug", "stage"))
    assert stages == {
        "lakeshore-health": "active",
        "prairie-community-hospital": "proposal",
        "heart-rhythm-patients": "new",
    }
    lakeshore = Engagement.objects.get(organization__slug="lakeshore-health")
    assert lakeshore.goals.count() == 3
    assert all(kpi.measurements.count() >= 5 for goal in lakeshore.goals.all() for kpi in goal.kpis.all())
    before = row_counts()
    demo.load(small=True)
    assert row_counts() == before


def test_the_demo_coach_and_client_open_the_lakeshore_workspace(client):
    from django.urls import reverse

    from medsocial.accounts.models import User

    accounts_demo.load(small=True)
    demo.load(small=True)
    lakeshore = Engagement.objects.get(organization__slug="lakeshore-health")
    for local in ("coach", "orgadmin", "nurse"):
        client.force_login(User.objects.get(email=accounts_demo.demo_email(local)))
        assert client.get(reverse("consulting:plan", args=[lakeshore.pk])).status_code == 200
    client.force_login(User.objects.get(email=accounts_demo.demo_email("pharmacist")))
    assert client.get(reverse("consulting:plan", args=[lakeshore.pk])).status_code == 404
