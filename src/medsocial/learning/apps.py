from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "medsocial.learning"
    label = "learning"
    verbose_name = "Learning"
