from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "medsocial.api"
    label = "api"
    verbose_name = "API"
