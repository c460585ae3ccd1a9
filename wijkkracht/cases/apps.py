from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "wijkkracht.cases"
    label = "cases"
    verbose_name = "Hulpvragen"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register

        from .tiles import my_actions_tile, my_requests_tile

        menu_register(MenuItem("cases:request-list", _("Hulpvragen"), "cases.view_case", order=40))
        start_tile_register(StartTile("cases-requests", 10, "cases/tiles/my_requests.html", my_requests_tile))
        start_tile_register(StartTile("cases-actions", 15, "cases/tiles/my_actions.html", my_actions_tile))
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors.resident import resident_case_section

        section_register(ResidentSection("cases", 10, "cases/partials/resident_section.html", resident_case_section))
