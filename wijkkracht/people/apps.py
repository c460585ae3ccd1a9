from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "wijkkracht.people"
    label = "people"
