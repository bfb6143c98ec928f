import pytest
from django.core.management import call_command

from medsocial.census import demo
from medsocial.census.models import CensusFigure, Hospital, Observation, SocialAccount

pytestmark = pytest.mark.django_db


def counts():
    return (Hospital.objects.count(), SocialAccount.objects.count(), Observation.objects.count())


def test_small_demo_is_deterministic_and_a_second_run_changes_nothing():
    demo.load(small=True)
    first = counts()
    handles = list(
        SocialAccount.objects.order_by("network__slug", "handle").values_list("handle", "first_seen")[:50]
    )
    assert first[0] == 300 and first[1] > 300 and first[2] > 5000
    assert CensusFigure.objects.filter(dimension="overall", network="").get().hospitals_present > 100
    demo.load(small=True)
    assert counts() == first
    assert (
        list(
            SocialAccount.objects.order_by("network__slug", "handle").values_list("handle", "first_seen")[:50]
        )
        == handles
    )


def test_recompute_command(capsys):
    call_command("recompute-census")
    assert "computed in" in capsys.readouterr().out
