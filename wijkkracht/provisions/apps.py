from django.apps import AppConfig


class ProvisionsConfig(AppConfig):
    """Collective provisions (desk, friendship groups, language help, information point, Welzijn op Recept,
    the ride service, the food bank desk) and referrals to the social map: above care, below workspace."""

    name = "wijkkracht.provisions"
    label = "provisions"
    verbose_name = "Collectieve voorzieningen"

    def ready(self):
        from . import labels
        from .registrations import register

        register()
        labels.register()
