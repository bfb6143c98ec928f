from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "medsocial.programs"
    label = "programs"
    verbose_name = "Memberships and points"
