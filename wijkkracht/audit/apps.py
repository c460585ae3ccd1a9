from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wijkkracht.audit"
    label = "audit"
