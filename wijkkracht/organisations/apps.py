from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "wijkkracht.organisations"
    label = "organisations"
