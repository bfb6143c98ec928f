from django.apps import AppConfig


class ResidencyConfig(AppConfig):
    name = "medsocial.residency"
    label = "residency"
    verbose_name = "Residency"
