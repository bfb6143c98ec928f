"""The three lists the sign-up form in every page's footer offers."""

from django.db import migrations

LISTS = [
    ("general", "General news", "Articles, courses and news from the hub, about twice a month."),
    ("events", "Events", "Webinars, workshops and the summit, when registration opens."),
    ("podcast", "Podcast", "A note when a new episode is out."),
]


def create_lists(apps, schema_editor):
    MailingList = apps.get_model("publishing", "MailingList")
    for position, (slug, name, description) in enumerate(LISTS):
        MailingList.objects.get_or_create(slug=slug, defaults={"name": name, "description": description,
                                                               "position": position})


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_search_fts")]
    operations = [migrations.RunPython(create_lists, migrations.RunPython.noop)]
