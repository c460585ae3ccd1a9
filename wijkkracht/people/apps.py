from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "wijkkracht.people"
    label = "people"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register

        from .tiles import resident_tile

        menu_register(MenuItem("people:resident-list", _("Inwoners"), "people.view_resident", order=30))
        start_tile_register(StartTile("people", 5, "people/partials/start_tile.html", resident_tile))
