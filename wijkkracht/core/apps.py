from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkkracht.core"
    label = "core"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("core:home", _("Start"), "core.view_home", order=0))
