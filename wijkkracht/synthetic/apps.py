from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "wijkkracht.synthetic"
    label = "synthetic"
