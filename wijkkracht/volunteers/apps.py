from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    name = "wijkkracht.volunteers"
    label = "volunteers"
    verbose_name = "Vrijwilligers en koppelingen"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors.resident import resident_volunteer_section
        from .selectors.start import coordinator_tile, volunteer_tile

        menu_register(MenuItem("volunteers:coordinator", _("Vrijwilligers"), "volunteers.coordinate", order=60))
        menu_register(MenuItem("volunteers:my", _("Mijn koppelingen"), "volunteers.volunteer_self", order=60))
        start_tile_register(
            StartTile("volunteers-coordinator", 40, "volunteers/partials/tile_coordinator.html", coordinator_tile)
        )
        start_tile_register(StartTile("volunteers-self", 41, "volunteers/partials/tile_volunteer.html", volunteer_tile))
        section_register(
            ResidentSection("volunteers", 30, "volunteers/partials/resident_section.html", resident_volunteer_section)
        )
