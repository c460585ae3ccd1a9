from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "wijkkracht.access"
    label = "access"
