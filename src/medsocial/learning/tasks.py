"""Background work for learning: reminder emails."""

from django_tasks import task

from medsocial.learning import services


@task()
def send_certificate_expiry_reminder(certificate_id: int) -> bool:
    return services.send_expiry_reminder(certificate_id)


@task()
def send_assignment_due_reminder(assignment_id: int) -> bool:
    return services.send_assignment_reminder(assignment_id)
