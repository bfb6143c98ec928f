from django_tasks import task

from medsocial.core.email import email_send


@task()
def send_templated_email(*, template_prefix: str, to: list[str], context: dict, headers: dict) -> None:
    email_send(template_prefix=template_prefix, to=to, context=context, headers=headers)
