from django.core.management.base import BaseCommand

from medsocial.consulting import selectors, tasks


class Command(BaseCommand):
    help = (
        "Queue today's reminders: action items due tomorrow or a week overdue, and tomorrow's coaching "
        "sessions. Run it once a day from cron."
    )

    def handle(self, *args, **options):
        items, sessions = selectors.reminders_due()
        for item_id in items:
            tasks.remind_action_item_owner.enqueue(item_id)
        for session_id in sessions:
            tasks.remind_session_participants.enqueue(session_id)
        self.stdout.write(f"Queued {len(items)} action item and {len(sessions)} session reminders.")
