from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The worker's overviews (my caseload, the team board): pages that combine cases and care."""

    name = "wijkkracht.workspace"
    label = "workspace"
