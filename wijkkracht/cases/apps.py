from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "wijkkracht.cases"
    label = "cases"
    verbose_name = "Hulpvragen"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("cases:request-list", _("Hulpvragen"), "cases.view_case", order=40))
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors.resident import resident_case_section

        section_register(ResidentSection("cases", 10, "cases/partials/resident_section.html", resident_case_section))
