from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkkracht.accounts"
    label = "accounts"
