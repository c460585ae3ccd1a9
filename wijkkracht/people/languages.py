"""The languages a resident may prefer, by name (never the raw code on a page: "Voorkeurstaal: Nederlands")."""

from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

PREFERRED_LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("ti", _("Tigrinya")),
    ("uk", _("Oekraïens")),
    ("pap", _("Papiaments")),
    ("es", _("Spaans")),
    ("fr", _("Frans")),
    ("de", _("Duits")),
]
_NAMES = dict(PREFERRED_LANGUAGES)


def language_label(code: str) -> str:
    """The language's name in the active language; an unknown code by Django's name for it, else as it is."""
    code = (code or "").strip()
    if code in _NAMES:
        return str(_NAMES[code])
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
