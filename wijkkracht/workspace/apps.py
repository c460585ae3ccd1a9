from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The worker's overviews (my caseload, the team board): pages that combine cases and care."""

    name = "wijkkracht.workspace"
    label = "workspace"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register

        from .tiles import notification_tile, team_tile

        menu_register(MenuItem("workspace:caseload", _("Mijn werk"), "cases.view_caseload", order=10))
        menu_register(MenuItem("workspace:team-board", _("Teambord"), "cases.view_team_board", order=20))
        start_tile_register(
            StartTile("workspace-notifications", 1, "workspace/tiles/notifications.html", notification_tile)
        )
        start_tile_register(StartTile("workspace-team", 30, "workspace/tiles/team.html", team_tile))
