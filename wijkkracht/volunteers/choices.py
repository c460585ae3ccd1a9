"""The fixed vocabularies of volunteering: kinds of work, preferences, languages and the week's time slots.

Kinds, preferences and availability are stored as bit masks (one integer each), so that matching compares
thousands of volunteers with a few integer operations (wijkkracht/volunteers/matching.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Kinds of volunteer work (bit i of ``kinds`` is the i-th choice)."""

    BUDDY = "buddy", _("maatje")
    NEIGHBOUR_HELP = "neighbour_help", _("burenhulp (boodschappen, klusje, wandeling, gezelschap)")
    LANGUAGE_BUDDY = "language_buddy", _("taalmaatje")
    ADMIN_HELP = "admin_help", _("administratief spreekuur")
    INFO_POINT = "info_point", _("informatiepunt")
    DRIVER = "driver", _("chauffeur (Max-mobiel)")


class Preference(models.TextChoices):
    """What a volunteer likes to do (bit i of ``preferences``)."""

    CHILDREN = "children", _("met kinderen of jongeren")
    ELDERLY = "elderly", _("met ouderen")
    ONE_OFF = "one_off", _("losse klussen")
    LONG_TERM = "long_term", _("een maatje voor maanden")


class Target(models.TextChoices):
    """Who a request is for (decides the preference that fits, and whether a VOG is needed)."""

    CHILD = "child", _("kind of jongere")
    ADULT = "adult", _("volwassene")
    ELDERLY = "elderly", _("oudere")


LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("ber", _("Berbers")),
    ("pap", _("Papiaments")),
    ("srn", _("Sranantongo")),
    ("pl", _("Pools")),
    ("uk", _("Oekraïens")),
    ("ti", _("Tigrinya")),
    ("so", _("Somalisch")),
    ("fa", _("Perzisch")),
    ("es", _("Spaans")),
    ("fr", _("Frans")),
    ("de", _("Duits")),
]
LANGUAGE_CODES = [code for code, _label in LANGUAGES]
LANGUAGE_NAMES = dict(LANGUAGES)

DAYS = [_("ma"), _("di"), _("wo"), _("do"), _("vr"), _("za"), _("zo")]
DAY_NAMES = [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag")]
PARTS = [_("ochtend"), _("middag"), _("avond")]
SLOT_BITS = range(21)  # bit day * 3 + part: Monday morning is bit 0, Sunday evening bit 20
ALL_SLOTS = (1 << 21) - 1

END_REASONS = [
    ("goal_reached", _("doel bereikt")),
    ("resident_stopped", _("inwoner wilde niet meer")),
    ("volunteer_stopped", _("vrijwilliger gestopt")),
    ("moved", _("verhuisd")),
    ("no_click", _("geen klik")),
    ("referred", _("doorverwezen naar andere hulp")),
    ("deceased", _("overleden")),
    ("other", _("anders")),
]


def mask(values, choices) -> int:
    """The bit mask of ``values`` among ``choices`` (a TextChoices class or a list of codes)."""
    codes = list(getattr(choices, "values", choices))
    return sum(1 << codes.index(v) for v in values if v in codes)


def unmask(value: int, choices) -> list[str]:
    codes = list(getattr(choices, "values", choices))
    return [code for i, code in enumerate(codes) if value >> i & 1]


def slot_labels(value: int) -> list[str]:
    return [slot_label(bit) for bit in SLOT_BITS if value >> bit & 1]


def slot_label(bit: int) -> str:
    return f"{DAYS[bit // 3]}-{PARTS[bit % 3]}"
