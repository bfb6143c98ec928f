"""The networks the census starts with; their rules live in census.networks.NETWORK_SEED."""

from django.db import migrations


def seed(apps, schema_editor):
    from medsocial.census.networks import NETWORK_SEED

    Network = apps.get_model("census", "Network")
    for position, fields in enumerate(NETWORK_SEED):
        values = dict(fields, position=position * 10)
        Network.objects.update_or_create(slug=values.pop("slug"), defaults=values)


class Migration(migrations.Migration):
    dependencies = [("census", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
