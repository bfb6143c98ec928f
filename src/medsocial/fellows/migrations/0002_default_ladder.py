from django.db import migrations


def install(apps, schema_editor):
    from medsocial.fellows.ladder import install_default_ladder

    install_default_ladder(
        apps.get_model("fellows", "Level"), apps.get_model("awards", "BadgeClass"), apps.get_model("fellows", "RubricItem")
    )


class Migration(migrations.Migration):
    dependencies = [("fellows", "0001_initial"), ("awards", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
