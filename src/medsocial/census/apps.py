from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "medsocial.census"
    label = "census"
    verbose_name = "Hospital social media census"
