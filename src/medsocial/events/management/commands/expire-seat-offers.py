"""Cron entry point: lapse waitlist seat offers past their time and offer the seats onwards."""

from django.core.management.base import BaseCommand

from medsocial.events.services import waitlist


class Command(BaseCommand):
    help = "Lapse expired waitlist seat offers and offer the seats to the next people (idempotent)."

    def handle(self, *args, **options):
        lapsed = waitlist.expire_offers()
        self.stdout.write(f"{lapsed} offer(s) lapsed.")
