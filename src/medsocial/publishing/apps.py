from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "medsocial.publishing"
    label = "publishing"
    verbose_name = "Articles, podcasts and newsletter"
