from django.db import migrations


def install(apps, schema_editor):
    from medsocial.safety.default_rules import DEFAULT_RULES

    PolicyRule = apps.get_model("safety", "PolicyRule")
    for values in DEFAULT_RULES:
        PolicyRule.objects.get_or_create(organization=None, name=values["name"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
