from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "wijkkracht.care"
    label = "care"
    verbose_name = "Signalen, waakvlam en mantelzorg"
