from django.core.management.base import BaseCommand

from medsocial.publishing.tasks import publish_scheduled_articles


class Command(BaseCommand):
    help = "Publish scheduled articles whose time has come (run every minute from cron)."

    def handle(self, *args, **options):
        publish_scheduled_articles.enqueue()
        self.stdout.write("Queued publishing of due articles.")
