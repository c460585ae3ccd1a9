from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkkracht.care"
    label = "care"
    verbose_name = "Signalen, waakvlam en mantelzorg"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("care:signal-list", _("Signalen"), "care.triage_signal", order=50))
        menu_register(MenuItem("care:watch-list", _("Waakvlam"), "care.view_watch", order=51))
        menu_register(MenuItem("care:carer-list", _("Mantelzorgers"), "care.view_carer", order=52))
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors import resident_care_section

        section_register(ResidentSection("care", 20, "care/partials/resident_section.html", resident_care_section))
