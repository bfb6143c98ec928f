from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "medsocial.events"
    label = "events"
    verbose_name = "Events"
