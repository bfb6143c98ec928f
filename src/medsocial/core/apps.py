from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "medsocial.core"
    label = "core"
    verbose_name = "Site"
