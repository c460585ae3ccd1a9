"""Declaring a model that holds personal data: once, next to the model.

A model with personal data carries a ``PersonalData`` spec as a class attribute::

    class HelpRequest(models.Model):
        ...
        personal_data = PersonalData(
            category=DataCategory.HELP_REQUESTS,
            resident="resident",
            team="team",
            handler="assigned_to",
            fields=("question", "channel", "status"),
            permission="cases.view_case",
        )

The access kernel (``wijkkracht.access.reads``) reads such a model by its spec alone: the spec says
which data category a grant must cover, how to reach the resident (or household) the record is about,
which team owns it, which fields a read shows (written to the audit log) and which permission reading
needs. The URL-matrix samples and the synthetic reset find every such model through ``registry()``.

This module sits at the bottom of the layers: it imports nothing of wijkkracht.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataCategory(models.TextChoices):
    """What kind of data a record is: a resident shares (or not) per category with an organisation."""

    PERSONAL_DETAILS = "personal_details", _("persoonsgegevens (naam, adres, contact)")
    HELP_REQUESTS = "help_requests", _("hulpvragen en contactmomenten")
    SUPPORT_PLAN = "support_plan", _("plan en zelfredzaamheid (ZRM)")
    CARER_SUPPORT = "carer_support", _("mantelzorg")
    VOLUNTEER_HELP = "volunteer_help", _("vrijwillige inzet en koppelingen")
    COLLECTIVE_PROVISIONS = "collective_provisions", _("collectieve voorzieningen (spreekuur, groepen, ritten)")


_REGISTRY: dict[str, "PersonalData"] = {}


@dataclass(frozen=True)
class PersonalData:
    """How the access kernel reads one model with personal data (see the module docstring).

    - ``category``: the ``DataCategory`` a grant must name for staff of another organisation to see it;
    - ``resident``: path from the model to the ``Resident`` the record is about (``""``: the model is
      ``Resident``); the audit entry is written under that resident;
    - ``household``: instead of ``resident``, a path to a ``Household``: the record is about all its
      members (the plan);
    - ``team``: path to the ``Team`` that owns the record. Members of that team see it; other teams
      serving the same neighbourhood do not (they get the "known to" hint). ``None``: the record is
      seen by every team serving the resident's neighbourhood (personal details);
    - ``handler``: path to the user who handles the record (the NEN 7513 relationship "handler");
    - ``own``: path to a user who sees the record as their own (the volunteer of a match, the GP of a
      prescription), whatever their team;
    - ``organisation``: path to an ``Organisation`` that receives the record (the provider a resident is
      referred to): its staff with the permission see it, whatever their team;
    - ``others``: paths to other residents named on the record (the cared-for person, a relation):
      their names show only where the user may see them, else "een inwoner buiten uw team";
    - ``grants``: whether an ``AccessGrant`` for ``category`` opens the record (signals: no);
    - ``subject_self``: a record about no known resident is logged under itself (its ``public_id``);
    - ``fields``: what a read shows, named in the audit entry; ``permission``: what reading needs.
    """

    category: str
    fields: tuple
    permission: str
    resident: str | None = None
    household: str | None = None
    team: str | None = None
    handler: str | None = None
    own: str | None = None
    organisation: str | None = None
    others: tuple = ()
    grants: bool = True
    subject_self: bool = False
    model: type | None = field(default=None, compare=False, repr=False)

    def contribute_to_class(self, cls, name):
        """Called by Django's model metaclass: bind the spec to its model and register it."""
        if cls._meta.abstract:
            setattr(cls, name, self)
            return
        spec = PersonalData(**{**self.__dict__, "model": cls})
        setattr(cls, name, spec)
        _REGISTRY[cls._meta.label] = spec

    @property
    def label(self) -> str:
        """``app_label.ModelName``: the object type in the audit log."""
        return self.model._meta.label

    def path(self, *parts: str) -> str:
        """A lookup from this model: ``spec.path("resident", "household_id")`` → ``resident__household_id``."""
        return "__".join(p for p in parts if p)


def registry() -> list[PersonalData]:
    """Every model that declares personal data, in the order the apps load."""
    return list(_REGISTRY.values())


def spec_for(model) -> PersonalData:
    return _REGISTRY[model._meta.label]
