from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "medsocial.awards"
    label = "awards"
    verbose_name = "Badges and awards"

    def ready(self):
        # The issuer's one revocation list names revoked awards too.
        from medsocial.awards import documents, openbadges

        openbadges.register_revocation_source(documents.revoked_assertions)
