from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "wijkkracht.organisations"
    label = "organisations"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("organisations:organisation-list", _("Organisaties"), "organisations.manage", order=90))
        menu_register(MenuItem("organisations:team-list", _("Teams"), "organisations.manage", order=91))
