from django.apps import AppConfig


class ConsultingConfig(AppConfig):
    name = "medsocial.consulting"
    label = "consulting"
    verbose_name = "Consulting and coaching"
