from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "medsocial.safety"
    label = "safety"
    verbose_name = "Post safety coach"
