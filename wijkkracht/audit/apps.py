from django.apps import AppConfig
from django.db.backends.signals import connection_created


class AuditConfig(AppConfig):
    name = "wijkkracht.audit"
    label = "audit"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("audit:log", _("Auditlog"), "audit.view_log", order=95))
        from . import checks  # noqa: F401 (registers the deploy check of the anchor key)
        from .db import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="wijkkracht.audit.sqlite_functions")
