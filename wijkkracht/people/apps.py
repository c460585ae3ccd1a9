from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "wijkkracht.people"
    label = "people"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, menu_register

        menu_register(MenuItem("people:resident-list", _("Inwoners"), "people.view_resident", order=30))
