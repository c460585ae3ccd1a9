"""Dutch labels for what the log stores in code names: views, fields, kinds of records, categories.

The privacy officer reads "inwonerpagina: naam, BSN (gemaskeerd)", not "people:resident-detail:
name, bsn_masked". A name missing from the tables still reads well: a field falls back to the
verbose name of the model field (Dutch in this project), a view to its app and its words.
Apps above audit register their own pages' labels in ``AppConfig.ready()`` (``view_labels_register``);
tests/audit/test_labels.py checks that every URL name of a reading app has a label.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Basis, Purpose

_PAGES = {
    "resident-list": _("inwoners zoeken"),
    "resident-export": _("export van inwoners"),
    "resident-create": _("inwoner registreren"),
    "address-check": _("adres controleren"),
    "household-detail": _("huishouden"),
    "resident-detail": _("inwonerpagina"),
    "resident-break-glass": _("inwonerpagina met noodtoegang"),
    "resident-update": _("inwoner wijzigen"),
    "resident-move": _("verhuizing"),
    "resident-bsn": _("BSN vastleggen"),
    "resident-bsn-reveal": _("BSN tonen"),
    "relation-add": _("relatie toevoegen"),
    "relation-remove": _("relatie verwijderen"),
    "resident-merge": _("dubbele inwoner zoeken"),
    "resident-merge-confirm": _("inwoners samenvoegen"),
    "consent-list": _("toestemmingen"),
    "resident-consent-list": _("toestemmingen"),
    "consent-create": _("toestemming vastleggen"),
    "consent-withdraw": _("toestemming intrekken"),
    "consent-withdraw-all": _("toestemmingen voor een organisatie intrekken"),
    "request-list": _("hulpvragen"),
    "request-create": _("hulpvraag aanmelden"),
    "request-detail": _("hulpvraag"),
    "request-status": _("status van een hulpvraag"),
    "request-assign": _("behandelaar van een hulpvraag"),
    "request-informal": _("informeel eerst"),
    "request-contact-create": _("contactmoment vastleggen"),
    "request-contacts": _("contactmomenten"),
    "request-close": _("hulpvraag afsluiten"),
    "request-reopen": _("hulpvraag heropenen"),
    "assessment-create": _("ZRM invullen"),
    "assessment-history": _("ZRM-geschiedenis"),
    "assessment-list": _("ZRM-geschiedenis"),
    "plan-detail": _("plan van het huishouden"),
    "plan-create": _("plan maken"),
    "plan-edit": _("plan wijzigen"),
    "plan-goal-add": _("doel toevoegen"),
    "plan-action-add": _("afspraak toevoegen"),
    "plan-goal-achieve": _("doel bereikt"),
    "plan-action-done": _("afspraak gedaan"),
    "goal-edit": _("doel wijzigen"),
    "goal-remove": _("doel verwijderen"),
    "action-edit": _("afspraak wijzigen"),
    "action-remove": _("afspraak verwijderen"),
    "signal-list": _("signalen"),
    "signal-create": _("signaal melden"),
    "signal-detail": _("signaal"),
    "signal-to-request": _("signaal omzetten in een hulpvraag"),
    "signal-to-watch": _("signaal omzetten in een waakvlam"),
    "signal-close": _("signaal sluiten"),
    "watch-list": _("waakvlamcontacten"),
    "watch-create": _("waakvlam starten"),
    "watch-detail": _("waakvlamcontact"),
    "watch-log": _("waakvlamcontact vastleggen"),
    "watch-change": _("waakvlam wijzigen"),
    "watch-end": _("waakvlam beëindigen"),
    "carer-list": _("mantelzorgers"),
    "carer-create": _("mantelzorger registreren"),
    "carer-detail": _("mantelzorger"),
    "carer-strain": _("belasting van de mantelzorger (EDIZ)"),
    "carer-refer": _("mantelzorger doorverwijzen"),
    "carer-received": _("doorverwijzing ontvangen"),
    "caseload": _("Mijn werk"),
    "team-board": _("teambord"),
    "team-board-assign": _("hulpvraag toewijzen vanaf het teambord"),
    "notification-list": _("meldingen"),
    "notification-open": _("melding openen"),
    "plan-goals": _("doelen in een plan"),
    "plan-goal-detail": _("doel in een plan"),
    "plan-actions": _("afspraken in een plan"),
    "plan-action-detail": _("afspraak in een plan"),
}
# The apps whose views read personal data; the API's names follow the pages' names.
_APPS = {
    "people": _("inwoners"),
    "cases": _("hulpvragen"),
    "care": _("zorg en signalen"),
    "workspace": _("werkoverzicht"),
    "api": _("API"),
}

FIELD_LABELS = {
    "name": _("naam"),
    "first_name": _("voornaam"),
    "last_name": _("achternaam"),
    "search_name": _("zoeknaam"),
    "birth_date": _("geboortedatum"),
    "address": _("adres"),
    "postcode": _("postcode"),
    "house_number": _("huisnummer"),
    "pc4": _("postcodegebied"),
    "letters_from": _("postcodeletters"),
    "neighbourhood": _("buurt"),
    "phone": _("telefoonnummer"),
    "email": _("e-mailadres"),
    "preferred_language": _("voorkeurstaal"),
    "members": _("leden van het huishouden"),
    "household": _("huishouden"),
    "bsn": _("BSN"),
    "bsn_masked": _("BSN (gemaskeerd)"),
    "bsn_hash": _("BSN (zoeksleutel)"),
    "merge": _("samenvoeging"),
    "merged_into": _("samengevoegd met"),
    "merged_at": _("samengevoegd op"),
    "consent": _("toestemming"),
    "organisation": _("organisatie"),
    "category": _("soort gegevens"),
    "purpose": _("doel"),
    "known_to_team": _("bekend bij team"),
    "relation": _("relatie"),
    "resident": _("inwoner"),
    "related": _("gerelateerde inwoner"),
    "kind": _("soort"),
    "at": _("moment"),
    "note": _("notitie"),
    "by": _("door"),
    "question": _("vraag"),
    "channel": _("kanaal"),
    "received_at": _("ontvangen op"),
    "status": _("status"),
    "status_changed_at": _("status gewijzigd op"),
    "assigned_to": _("behandelaar"),
    "informal_checks": _("informele mogelijkheden"),
    "help_request": _("hulpvraag"),
    "option": _("mogelijkheid"),
    "path": _("oplossingsroute"),
    "solutions": _("oplossingsroutes"),
    "reference": _("referentie"),
    "summary": _("samenvatting"),
    "coordinator": _("regievoerder"),
    "goals": _("doelen"),
    "goal": _("doel"),
    "actions": _("afspraken"),
    "text": _("tekst"),
    "domain": _("leefgebied"),
    "due_date": _("streefdatum"),
    "owner": _("uitvoerder"),
    "owner_user": _("uitvoerder"),
    "owner_name": _("uitvoerder (naam)"),
    "achieved_at": _("bereikt op"),
    "done_at": _("gedaan op"),
    "assessment": _("ZRM"),
    "zrm_levels": _("ZRM-scores"),
    "strength_sources": _("bronnen van kracht"),
    "source": _("bron"),
    "reporter": _("melder"),
    "about": _("over wie"),
    "concern": _("zorg"),
    "interval_weeks": _("om de hoeveel weken"),
    "reason": _("reden"),
    "next_due": _("volgend contact"),
    "last_contact_at": _("laatste contact"),
    "ended_at": _("beëindigd op"),
    "team": _("team"),
    "user": _("gebruiker"),
    "confirmed": _("bevestigd"),
    "carer": _("mantelzorger"),
    "cared_for": _("verzorgde"),
    "relationship": _("relatie"),
    "hours_per_week": _("uren per week"),
    "since": _("sinds"),
    "referral": _("doorverwijzing"),
    "referred_at": _("doorverwezen op"),
    "ediz": _("belasting (EDIZ)"),
}

OBJECT_LABELS = {
    "people.Resident": _("inwoner"),
    "people.Household": _("huishouden"),
    "people.Relation": _("relatie"),
    "access.AccessGrant": _("toestemming"),
    "cases.HelpRequest": _("hulpvraag"),
    "cases.Contact": _("contactmoment"),
    "cases.SelfRelianceAssessment": _("ZRM"),
    "cases.SupportPlan": _("plan"),
    "cases.PlanGoal": _("doel in het plan"),
    "cases.PlanAction": _("afspraak in het plan"),
    "care.Signal": _("signaal"),
    "care.WatchContact": _("waakvlamcontact"),
    "care.Carer": _("mantelzorger"),
}

CATEGORY_LABELS = {
    "personal_details": _("persoonsgegevens"),
    "help_requests": _("hulpvragen en contactmomenten"),
    "support_plan": _("plan en ZRM"),
    "carer_support": _("mantelzorg"),
}


# Labels registered by the apps above audit: {namespace: {url name: label}} ("api" for their API names).
_REGISTERED: dict[str, dict] = {}


def view_labels_register(*, app: str, app_label, pages: dict, api_pages: dict | None = None) -> None:
    """Called in an app's ``ready()``: the Dutch names of its pages (and of its API endpoints)."""
    _APPS[app] = app_label
    _REGISTERED.setdefault(app, {}).update(pages)
    _REGISTERED.setdefault("api", {}).update(api_pages or {})


def reading_apps() -> set[str]:
    """The URL namespaces whose views read personal data (and so need a label per page)."""
    return set(_APPS)


def _words(code: str) -> str:
    return code.replace("_", " ").replace("-", " ").strip()


def view_label(view: str) -> str:
    """``people:resident-detail`` → "inwonerpagina"; ``api:resident-list`` → "API: inwoners zoeken"."""
    app, _sep, name = view.rpartition(":")
    page = _REGISTERED.get(app, {}).get(name) or (_PAGES.get(name) if app not in _REGISTERED or app == "api" else None)
    if app == "api":
        return f"{_APPS['api']}: {page or _words(name)}"
    if page is not None and app in _APPS:
        return str(page)
    if app in _APPS:
        return f"{_APPS[app]}: {_words(name)}"
    return _words(view) or "—"


def has_view_label(view: str) -> bool:
    app, _sep, name = view.rpartition(":")
    if app in _REGISTERED and name in _REGISTERED[app]:
        return True
    return name in _PAGES and (app not in _REGISTERED or app == "api")


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
            label = gettext("%(basis)s (doel: %(purpose)s)") % {"basis": label, "purpose": purpose_label}
        labels.append(label)
    return labels


def yes_no(value: bool) -> str:
    return gettext("ja") if value else gettext("nee")
