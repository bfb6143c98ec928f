from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "medsocial.accounts"
    label = "accounts"
    verbose_name = "Accounts and organizations"

    def ready(self):
        from medsocial.accounts.roles import ensure_staff_roles

        # Groups need every app's permissions, which exist only after all migrations ran.
        post_migrate.connect(ensure_staff_roles, dispatch_uid="medsocial-staff-roles")
