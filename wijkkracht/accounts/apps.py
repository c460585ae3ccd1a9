from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkkracht.accounts"
    label = "accounts"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("accounts:user-list", _("Gebruikers"), "accounts.manage_users", order=93))
