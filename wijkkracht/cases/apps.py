from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "wijkkracht.cases"
    label = "cases"
    verbose_name = "Hulpvragen"
