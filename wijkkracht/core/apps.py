from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkkracht.core"
    label = "core"
