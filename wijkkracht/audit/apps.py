from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wijkkracht.audit"
    label = "audit"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("audit:log", _("Auditlog"), "audit.view_log", order=95))
