"""Tasks the worker tests enqueue; real tasks, importable by a worker process."""

from django_tasks import task

from medsocial.core.email import email_send


@task()
def send_password_resets(addresses: list[str]) -> int:
    """Send one password-reset email per address, in order (one task, several side effects)."""
    for address in addresses:
        email_send(
            template_prefix="accounts/emails/password_reset",
            to=[address],
            context={"name": address.split("@")[0], "link": "http://127.0.0.1:8000/reset/x/"},
        )
    return len(addresses)


@task()
def always_fails(reason: str) -> None:
    raise RuntimeError(reason)
