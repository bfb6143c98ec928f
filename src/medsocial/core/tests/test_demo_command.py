import pytest
from django.apps import apps
from django.core.management import call_command


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"accounts", "learning", "events", "consulting", "census", "publishing", "safety"}
    }


@pytest.mark.django_db(transaction=True)
def test_demo_data_loads_and_a_second_run_changes_nothing():
    call_command("demo", "--small", verbosity=0)
    first = row_counts()
    assert first["accounts.User"] >= 10
    assert first["accounts.Organization"] >= 4
    call_command("demo", "--small", verbosity=0)
    assert row_counts() == first
