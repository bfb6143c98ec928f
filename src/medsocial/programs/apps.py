from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "medsocial.programs"
    label = "programs"
    verbose_name = "Memberships and points"

    def ready(self):
        # Points pay for event tickets through the events' payment provider registry.
        from medsocial.events import payments
        from medsocial.programs.payments import PointsProvider

        payments.register_provider(PointsProvider())
