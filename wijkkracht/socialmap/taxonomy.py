"""The social map's vocabularies: needs, life domains, kinds of resource and languages (ISO 639-3).

Each is a taxonomy in the HSDS export (``attribute`` → ``taxonomy_term``). The life domains are the 13 of
the ZRM, the project's one list (``core.life_domains``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.life_domains import LifeDomain


class Need(models.TextChoices):
    """What a resident is looking for: the first question of a search."""

    COMPANY = "company", _("contact en gezelschap")
    PAPERWORK = "paperwork", _("hulp bij post en formulieren")
    MONEY = "money", _("geldzaken en budget")
    DEBTS = "debts", _("schulden")
    FOOD = "food", _("voedselhulp")
    LANGUAGE = "language", _("taal leren (lezen en schrijven)")
    TRANSPORT = "transport", _("vervoer")
    CARE_AT_HOME = "care_at_home", _("hulp in en om het huis")
    CARER_SUPPORT = "carer_support", _("steun voor mantelzorgers")
    PARENTING = "parenting", _("opvoeden en opgroeien")
    HEALTH = "health", _("gezondheid en bewegen")
    MIND = "mind", _("psychisch welzijn")
    WORK = "work", _("werk, vrijwilligerswerk en dagbesteding")
    HOUSING = "housing", _("wonen")
    DIGITAL = "digital", _("digitale vaardigheden")
    INFORMATION = "information", _("informatie en advies")


class Kind(models.TextChoices):
    SERVICE = "service", _("dienst")
    ACTIVITY = "activity", _("activiteit")
    INITIATIVE = "initiative", _("bewonersinitiatief")
    PROVISION = "provision", _("collectieve voorziening")
    ORGANISATION = "organisation", _("organisatie")


# ISO 639-3 codes of the languages spoken in the city, with their Dutch names. The import accepts these;
# a code outside the list is reported per row (add it here when a provider offers a new language).
LANGUAGES: dict[str, str] = {
    "nld": "Nederlands",
    "fry": "Fries",
    "eng": "Engels",
    "deu": "Duits",
    "fra": "Frans",
    "spa": "Spaans",
    "por": "Portugees",
    "ita": "Italiaans",
    "pol": "Pools",
    "ron": "Roemeens",
    "bul": "Bulgaars",
    "ukr": "Oekraïens",
    "rus": "Russisch",
    "tur": "Turks",
    "ara": "Arabisch",
    "ary": "Marokkaans-Arabisch",
    "zgh": "Tamazight (Berbers)",
    "tir": "Tigrinya",
    "amh": "Amhaars",
    "som": "Somalisch",
    "fas": "Perzisch (Farsi)",
    "prs": "Dari",
    "pus": "Pasjtoe",
    "kur": "Koerdisch",
    "urd": "Urdu",
    "hin": "Hindi",
    "srn": "Sranantongo",
    "pap": "Papiaments",
    "cmn": "Chinees (Mandarijn)",
    "yue": "Kantonees",
    "vie": "Vietnamees",
    "tha": "Thai",
    "ind": "Indonesisch",
    "dse": "Nederlandse Gebarentaal",
}
LANGUAGE_CHOICES = sorted(LANGUAGES.items(), key=lambda item: (item[0] != "nld", item[1]))


class Scheme(models.TextChoices):
    """The vocabulary a ``ResourceTerm`` comes from (an HSDS taxonomy)."""

    NEED = "need", _("behoefte")
    DOMAIN = "domain", _("leefgebied")
    LANGUAGE = "language", _("taal")


SCHEME_CODES = {
    Scheme.NEED: set(Need.values),
    Scheme.DOMAIN: set(LifeDomain.values),
    Scheme.LANGUAGE: set(LANGUAGES),
}


def term_label(scheme: str, code: str) -> str:
    if scheme == Scheme.NEED:
        return str(Need(code).label) if code in Need.values else code
    if scheme == Scheme.DOMAIN:
        return str(LifeDomain(code).label) if code in LifeDomain.values else code
    return LANGUAGES.get(code, code)
