from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "wijkkracht.areas"
    label = "areas"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("areas:postcode-check", _("Postcode zoeken"), "areas.view_areas", order=80))
        menu_register(MenuItem("areas:neighbourhood-list", _("Buurten"), "organisations.manage", order=92))
