from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0004_delivery_claims"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="claimed_by",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
