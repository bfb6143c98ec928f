from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "medsocial.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self):
        # Revoked certificates are on the hub's one Open Badges revocation list.
        from medsocial.awards import openbadges
        from medsocial.learning import badges

        openbadges.register_revocation_source(badges.revoked_assertions)
