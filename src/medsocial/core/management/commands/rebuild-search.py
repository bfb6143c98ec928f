from django.core.management.base import BaseCommand

from medsocial.publishing.services.search_index import rebuild_search_indexes


class Command(BaseCommand):
    help = "Rebuild the site search indexes (articles, episodes, courses) from the content itself."

    def handle(self, *args, **options):
        counts = rebuild_search_indexes()
        self.stdout.write(
            f"Search rebuilt: {counts['articles']} articles, {counts['episodes']} episodes, "
            f"{counts['courses']} courses."
        )
