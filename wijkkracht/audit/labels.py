"""Dutch labels for what the log stores in code names: views, fields, kinds of records, categories.

The privacy officer reads "inwonerpagina: naam, BSN (gemaskeerd)", not "people:resident-detail:
name, bsn_masked". A name missing from the tables still reads well: a field falls back to the
verbose name of the model field (Dutch in this project), a view to its app and its words.
tests/audit/test_labels.py checks that every URL name of the project has a label here.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Basis, Purpose

_L = gettext_lazy

_PAGES = {
    "resident-list": _L("inwoners zoeken"),
    "resident-export": _L("export van inwoners"),
    "resident-create": _L("inwoner registreren"),
    "address-check": _L("adres controleren"),
    "household-detail": _L("huishouden"),
    "resident-detail": _L("inwonerpagina"),
    "resident-break-glass": _L("inwonerpagina met noodtoegang"),
    "resident-update": _L("inwoner wijzigen"),
    "resident-move": _L("verhuizing"),
    "resident-bsn": _L("BSN vastleggen"),
    "resident-bsn-reveal": _L("BSN tonen"),
    "relation-add": _L("relatie toevoegen"),
    "relation-remove": _L("relatie verwijderen"),
    "resident-merge": _L("dubbele inwoner zoeken"),
    "resident-merge-confirm": _L("inwoners samenvoegen"),
    "consent-list": _L("toestemmingen"),
    "resident-consent-list": _L("toestemmingen"),
    "consent-create": _L("toestemming vastleggen"),
    "consent-withdraw": _L("toestemming intrekken"),
    "consent-withdraw-all": _L("toestemmingen voor een organisatie intrekken"),
    "request-list": _L("hulpvragen"),
    "request-create": _L("hulpvraag aanmelden"),
    "request-detail": _L("hulpvraag"),
    "request-status": _L("status van een hulpvraag"),
    "request-assign": _L("behandelaar van een hulpvraag"),
    "request-informal": _L("informeel eerst"),
    "request-contact-create": _L("contactmoment vastleggen"),
    "request-contacts": _L("contactmomenten"),
    "request-close": _L("hulpvraag afsluiten"),
    "request-reopen": _L("hulpvraag heropenen"),
    "assessment-create": _L("ZRM invullen"),
    "assessment-history": _L("ZRM-geschiedenis"),
    "assessment-list": _L("ZRM-geschiedenis"),
    "plan-detail": _L("plan van het huishouden"),
    "plan-create": _L("plan maken"),
    "plan-edit": _L("plan wijzigen"),
    "plan-goal-add": _L("doel toevoegen"),
    "plan-action-add": _L("afspraak toevoegen"),
    "plan-goal-achieve": _L("doel bereikt"),
    "plan-action-done": _L("afspraak gedaan"),
    "goal-edit": _L("doel wijzigen"),
    "goal-remove": _L("doel verwijderen"),
    "action-edit": _L("afspraak wijzigen"),
    "action-remove": _L("afspraak verwijderen"),
    "signal-list": _L("signalen"),
    "signal-create": _L("signaal melden"),
    "signal-detail": _L("signaal"),
    "signal-to-request": _L("signaal omzetten in een hulpvraag"),
    "signal-to-watch": _L("signaal omzetten in een waakvlam"),
    "signal-close": _L("signaal sluiten"),
    "watch-list": _L("waakvlamcontacten"),
    "watch-create": _L("waakvlam starten"),
    "watch-detail": _L("waakvlamcontact"),
    "watch-log": _L("waakvlamcontact vastleggen"),
    "watch-change": _L("waakvlam wijzigen"),
    "watch-end": _L("waakvlam beëindigen"),
    "carer-list": _L("mantelzorgers"),
    "carer-create": _L("mantelzorger registreren"),
    "carer-detail": _L("mantelzorger"),
    "carer-strain": _L("belasting van de mantelzorger (EDIZ)"),
    "carer-refer": _L("mantelzorger doorverwijzen"),
    "carer-received": _L("doorverwijzing ontvangen"),
    "caseload": _L("Mijn werk"),
    "team-board": _L("teambord"),
}
# The apps whose views read personal data; the API's names follow the pages' names.
_APPS = {
    "people": _L("inwoners"),
    "cases": _L("hulpvragen"),
    "care": _L("zorg en signalen"),
    "workspace": _L("werkoverzicht"),
    "api": _L("API"),
}

FIELD_LABELS = {
    "name": _L("naam"),
    "first_name": _L("voornaam"),
    "last_name": _L("achternaam"),
    "search_name": _L("zoeknaam"),
    "birth_date": _L("geboortedatum"),
    "address": _L("adres"),
    "postcode": _L("postcode"),
    "house_number": _L("huisnummer"),
    "pc4": _L("postcodegebied"),
    "letters_from": _L("postcodeletters"),
    "neighbourhood": _L("buurt"),
    "phone": _L("telefoonnummer"),
    "email": _L("e-mailadres"),
    "preferred_language": _L("voorkeurstaal"),
    "members": _L("leden van het huishouden"),
    "household": _L("huishouden"),
    "bsn": _L("BSN"),
    "bsn_masked": _L("BSN (gemaskeerd)"),
    "bsn_hash": _L("BSN (zoeksleutel)"),
    "merge": _L("samenvoeging"),
    "merged_into": _L("samengevoegd met"),
    "merged_at": _L("samengevoegd op"),
    "consent": _L("toestemming"),
    "organisation": _L("organisatie"),
    "category": _L("soort gegevens"),
    "purpose": _L("doel"),
    "known_to_team": _L("bekend bij team"),
    "relation": _L("relatie"),
    "resident": _L("inwoner"),
    "related": _L("gerelateerde inwoner"),
    "kind": _L("soort"),
    "at": _L("moment"),
    "note": _L("notitie"),
    "by": _L("door"),
    "question": _L("vraag"),
    "channel": _L("kanaal"),
    "received_at": _L("ontvangen op"),
    "status": _L("status"),
    "status_changed_at": _L("status gewijzigd op"),
    "assigned_to": _L("behandelaar"),
    "informal_checks": _L("informele mogelijkheden"),
    "help_request": _L("hulpvraag"),
    "option": _L("mogelijkheid"),
    "path": _L("oplossingsroute"),
    "solutions": _L("oplossingsroutes"),
    "reference": _L("referentie"),
    "summary": _L("samenvatting"),
    "coordinator": _L("regievoerder"),
    "goals": _L("doelen"),
    "goal": _L("doel"),
    "actions": _L("afspraken"),
    "text": _L("tekst"),
    "domain": _L("leefgebied"),
    "due_date": _L("streefdatum"),
    "owner": _L("uitvoerder"),
    "owner_user": _L("uitvoerder"),
    "owner_name": _L("uitvoerder (naam)"),
    "achieved_at": _L("bereikt op"),
    "done_at": _L("gedaan op"),
    "assessment": _L("ZRM"),
    "zrm_levels": _L("ZRM-scores"),
    "strength_sources": _L("bronnen van kracht"),
    "source": _L("bron"),
    "reporter": _L("melder"),
    "about": _L("over wie"),
    "concern": _L("zorg"),
    "interval_weeks": _L("om de hoeveel weken"),
    "reason": _L("reden"),
    "next_due": _L("volgend contact"),
    "last_contact_at": _L("laatste contact"),
    "ended_at": _L("beëindigd op"),
    "team": _L("team"),
    "user": _L("gebruiker"),
    "confirmed": _L("bevestigd"),
    "carer": _L("mantelzorger"),
    "cared_for": _L("verzorgde"),
    "relationship": _L("relatie"),
    "hours_per_week": _L("uren per week"),
    "since": _L("sinds"),
    "referral": _L("doorverwijzing"),
    "referred_at": _L("doorverwezen op"),
    "ediz": _L("belasting (EDIZ)"),
}

OBJECT_LABELS = {
    "people.Resident": _L("inwoner"),
    "people.Household": _L("huishouden"),
    "people.Relation": _L("relatie"),
    "access.AccessGrant": _L("toestemming"),
    "cases.HelpRequest": _L("hulpvraag"),
    "cases.Contact": _L("contactmoment"),
    "cases.SelfRelianceAssessment": _L("ZRM"),
    "cases.SupportPlan": _L("plan"),
    "cases.PlanGoal": _L("doel in het plan"),
    "cases.PlanAction": _L("afspraak in het plan"),
    "care.Signal": _L("signaal"),
    "care.WatchContact": _L("waakvlamcontact"),
    "care.Carer": _L("mantelzorger"),
}

CATEGORY_LABELS = {
    "personal_details": _L("persoonsgegevens"),
    "help_requests": _L("hulpvragen en contactmomenten"),
    "support_plan": _L("plan en ZRM"),
    "carer_support": _L("mantelzorg"),
}


def _words(code: str) -> str:
    return code.replace("_", " ").replace("-", " ").strip()


def view_label(view: str) -> str:
    """``people:resident-detail`` → "inwonerpagina"; ``api:resident-list`` → "API: inwoners zoeken"."""
    app, _sep, name = view.rpartition(":")
    page = _PAGES.get(name)
    if app == "api":
        return f"{_APPS['api']}: {page or _words(name)}"
    if page is not None and app in _APPS:
        return str(page)
    if app in _APPS:
        return f"{_APPS[app]}: {_words(name)}"
    return _words(view) or "—"


def has_view_label(view: str) -> bool:
    return view.rpartition(":")[2] in _PAGES


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def object_label(object_type: str) -> str:
    if object_type in OBJECT_LABELS:
        return str(OBJECT_LABELS[object_type])
    model = _model(object_type)
    return str(model._meta.verbose_name) if model else _words(object_type.rpartition(".")[2])


def object_labels(object_types: str) -> list[str]:
    return list(dict.fromkeys(object_label(t) for t in object_types.split(",") if t))


def field_label(name: str, object_types: str = "") -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    for object_type in object_types.split(","):
        model = _model(object_type) if object_type else None
        if model is None:
            continue
        try:
            return str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    return _words(name)


def field_labels(fields, object_types: str = "") -> list[str]:
    return list(dict.fromkeys(field_label(f, object_types) for f in fields))


def category_labels(categories) -> list[str]:
    return [str(CATEGORY_LABELS.get(c, _words(c))) for c in categories]


def basis_labels(basis: str) -> list[str]:
    """``team,grant:handover`` → ["lid van het team (convenant)", "gedeeld met de organisatie (doel: overdracht)"]."""
    labels = []
    for part in (p for p in basis.split(",") if p):
        kind, _sep, purpose = part.partition(":")
        label = str(Basis(kind).label) if kind in Basis.values else _words(kind)
        if purpose:
            purpose_label = Purpose(purpose).label if purpose in Purpose.values else _words(purpose)
            label = _("%(basis)s (doel: %(purpose)s)") % {"basis": label, "purpose": purpose_label}
        labels.append(label)
    return labels


def yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")
