from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkkracht.care"
    label = "care"
    verbose_name = "Signalen, waakvlam en mantelzorg"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register

        from .tiles import signal_tile, watch_tile

        # Signals: the team's for who triages them, one's own reports for who only reports (centre staff).
        menu_register(MenuItem("care:signal-list", _("Signalen"), "care.add_signal", order=50))
        start_tile_register(StartTile("care-watch", 20, "care/tiles/watch.html", watch_tile))
        start_tile_register(StartTile("care-signals", 25, "care/tiles/signals.html", signal_tile))
        menu_register(MenuItem("care:watch-list", _("Waakvlam"), "care.view_watch", order=51))
        menu_register(MenuItem("care:carer-list", _("Mantelzorgers"), "care.view_carer", order=52))
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors import resident_care_section

        section_register(ResidentSection("care", 20, "care/partials/resident_section.html", resident_care_section))
