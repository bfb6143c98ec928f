from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _seed_networks(sender, **kwargs):
    from medsocial.census.models import Network
    from medsocial.census.networks import seed_networks

    seed_networks(Network)


class CensusConfig(AppConfig):
    name = "medsocial.census"
    label = "census"
    verbose_name = "Hospital social media census"

    def ready(self):
        # A flushed database (as tests that run a live server leave it) gets its networks back.
        post_migrate.connect(_seed_networks, sender=self, dispatch_uid="medsocial-census-networks")
