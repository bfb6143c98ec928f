"""The networks the census starts with; their rules live in census.networks.NETWORK_SEED."""

from django.db import migrations


def seed(apps, schema_editor):
    from medsocial.census.networks import seed_networks

    seed_networks(apps.get_model("census", "Network"))


class Migration(migrations.Migration):
    dependencies = [("census", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
