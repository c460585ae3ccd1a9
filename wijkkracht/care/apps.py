from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkkracht.care"
    label = "care"
    verbose_name = "Signalen, waakvlam en mantelzorg"

    def ready(self):
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors import resident_care_section

        section_register(ResidentSection("care", 20, "care/partials/resident_section.html", resident_care_section))
