"""Panels on the help-request page that other apps register (in their ``AppConfig.ready``), like the resident
page's sections: the page asks the registry and never probes the apps above it.

    # provisions/apps.py
    request_panel_register(RequestPanel("referrals", 10, "provisions/partials/request_panel.html", provider))

``provider(user=, help_request=, view=)`` reads what the panel shows (through the kernel) and returns its
context, or None to leave the panel out.
"""

from collections.abc import Callable
from dataclasses import dataclass

_PANELS: dict[str, "RequestPanel"] = {}


@dataclass(frozen=True)
class RequestPanel:
    name: str
    order: int
    template: str
    provider: Callable


def request_panel_register(panel: RequestPanel) -> None:
    _PANELS[panel.name] = panel


def request_panels(*, user, help_request, view: str) -> list[dict]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.provider(user=user, help_request=help_request, view=view)
        if context is not None:
            shown.append({"template": panel.template, "context": context, "name": panel.name})
    return shown
