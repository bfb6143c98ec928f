"""Queue reminder emails for assignments due soon and certificates about to lapse (run daily from cron)."""

from django.core.management.base import BaseCommand

from medsocial.learning import services, tasks


class Command(BaseCommand):
    help = "Queue reminders: course assignments due soon, certificates expiring soon."

    def handle(self, *args, **options):
        assignment_ids = list(services.due_assignments_to_remind().values_list("pk", flat=True))
        for assignment_id in assignment_ids:
            tasks.send_assignment_due_reminder.enqueue(assignment_id)
        certificate_ids = list(services.certificates_to_remind().values_list("pk", flat=True))
        for certificate_id in certificate_ids:
            tasks.send_certificate_expiry_reminder.enqueue(certificate_id)
        self.stdout.write(
            f"Queued {len(assignment_ids)} assignment and {len(certificate_ids)} certificate reminders."
        )
