from django.apps import AppConfig


class FellowsConfig(AppConfig):
    name = "medsocial.fellows"
    label = "fellows"
    verbose_name = "Fellows ladder"
