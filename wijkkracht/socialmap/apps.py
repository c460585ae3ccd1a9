from django.apps import AppConfig


class SocialMapConfig(AppConfig):
    """The social map (sociale kaart): what the city offers, public, without personal data."""

    name = "wijkkracht.socialmap"
    label = "socialmap"
    verbose_name = "Sociale kaart"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        # Who works with the provisions finds the map on that page (and refers from the request page).
        menu_register(
            MenuItem(
                "socialmap:search", _("Sociale kaart"), "core.view_home", order=60, unless="provisions.view_provisions"
            )
        )
