from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "wijkkracht.areas"
    label = "areas"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(
            # Who registers residents checks an address in that form; the item is for the other roles.
            MenuItem(
                "areas:postcode-check",
                _("Postcode zoeken"),
                "areas.view_areas",
                order=80,
                unless="people.change_resident",
            )
        )
        menu_register(MenuItem("areas:neighbourhood-list", _("Buurten"), "organisations.manage", order=92))
