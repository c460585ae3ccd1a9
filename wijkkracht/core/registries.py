"""Registries that apps fill in their ``AppConfig.ready()``: the menu and the start page's tiles.

Each app adds what it brings, so no central list has to know every app (and no app above is imported):

    # volunteers/apps.py
    def ready(self):
        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register
        menu_register(MenuItem("volunteers:coordinator", _("Vrijwilligers"), "volunteers.coordinate", order=60))
        start_tile_register(StartTile("volunteers", 40, "volunteers/partials/start_tile.html", start_tile))

A menu item shows only when the policy allows its permission, and not for a user who also has its
``unless`` permission (who reaches the page from another item: the menu stays one row at 1366 px). A start tile's ``provider(request=)`` reads
what the tile shows (through the selectors, so through the policy) and returns its context, or None to
leave the tile out.
"""

from collections.abc import Callable
from dataclasses import dataclass

_MENU: dict[str, "MenuItem"] = {}
_TILES: dict[str, "StartTile"] = {}


@dataclass(frozen=True)
class MenuItem:
    url_name: str
    label: str
    permission: str
    order: int = 100
    unless: str = ""


@dataclass(frozen=True)
class StartTile:
    name: str
    order: int
    template: str
    provider: Callable


def menu_register(item: MenuItem) -> None:
    _MENU[item.url_name] = item


def menu_items() -> list[MenuItem]:
    return sorted(_MENU.values(), key=lambda i: (i.order, i.url_name))


def start_tile_register(tile: StartTile) -> None:
    _TILES[tile.name] = tile


def start_tiles() -> list[StartTile]:
    return sorted(_TILES.values(), key=lambda t: (t.order, t.name))
