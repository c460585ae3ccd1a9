"""The Dutch names of the provisions' and the social map's pages in the privacy officer's log
(audit.labels; registered in ``ProvisionsConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

PAGES = {
    "list": _("voorzieningen"),
    "detail": _("voorziening"),
    "figures": _("cijfers voorzieningen"),
    "session-create": _("spreekuur plannen"),
    "session-detail": _("spreekuur"),
    "question-log": _("vraag aan een spreekuur of informatiepunt registreren"),
    "question-detail": _("vraag aan een spreekuur of informatiepunt"),
    "question-link": _("vraag koppelen aan een inwoner"),
    "group-create": _("vriendenkring starten"),
    "group-detail": _("vriendenkring"),
    "group-meeting": _("bijeenkomst van een vriendenkring"),
    "seeker-create": _("hulpvrager voor een vriendenkring aanmelden"),
    "member-detail": _("deelnemer van een vriendenkring"),
    "member-place": _("deelnemer plaatsen in een vriendenkring"),
    "member-leave": _("deelnemer stopt in een vriendenkring"),
    "language-list": _("taaltrajecten"),
    "language-create": _("taaltraject starten"),
    "language-detail": _("taaltraject"),
    "language-step": _("stap in een taaltraject"),
    "prescription-list": _("welzijnsrecepten"),
    "prescription-create": _("welzijnsrecept vastleggen"),
    "prescription-detail": _("welzijnsrecept"),
    "prescription-step": _("stap in een welzijnsrecept"),
    "gp-list": _("welzijnsrecepten van de huisarts"),
    "gp-create": _("welzijnsrecept schrijven (huisarts)"),
    "gp-detail": _("welzijnsrecept (huisarts)"),
    "ride-list": _("ritten"),
    "ride-book": _("rit boeken"),
    "ride-detail": _("rit"),
    "ride-cancel": _("rit annuleren"),
    "vehicle-create": _("auto toevoegen"),
    "vehicle-day": _("dagplanning van een auto"),
    "driver-create": _("chauffeur toevoegen"),
    "my-rides": _("mijn ritten (chauffeur)"),
    "ride-feed": _("agenda-abonnement van een chauffeur"),
    "referral-list": _("verwijzingen"),
    "referral-create": _("verwijzen naar de sociale kaart"),
    "referral-detail": _("verwijzing"),
    "referral-report": _("terugmelding op een verwijzing"),
    "referral-link": _("eenmalige link voor een terugmelding"),
    "referral-report-link": _("terugmelding via een eenmalige link"),
    "foodbank-create": _("aanmelding Voedselloket"),
    "foodbank-decide": _("besluit Voedselloket"),
    "citypass-record": _("stadspas vastleggen"),
}
SOCIALMAP_PAGES = {
    "search": _("sociale kaart zoeken"),
    "hsds-export": _("sociale kaart: HSDS-export"),
    "resource-detail": _("aanbod op de sociale kaart"),
    "resource-create": _("aanbod toevoegen"),
    "resource-update": _("aanbod wijzigen"),
    "resource-verify": _("aanbod gecontroleerd"),
    "import": _("sociale kaart: HSDS-import"),
}
API_PAGES = {
    "hsds-services": _("sociale kaart: HSDS-diensten"),
    "resource-list": _("sociale kaart zoeken"),
    "resource-detail": _("aanbod op de sociale kaart"),
    "prescription-list": _("welzijnsrecepten"),
    "prescription-detail": _("welzijnsrecept"),
    "question-list": _("vragen aan spreekuur en informatiepunt"),
    "referral-list": _("verwijzingen"),
    "referral-detail": _("verwijzing"),
    "referral-report": _("terugmelding op een verwijzing"),
    "ride-booking-list": _("ritten"),
    "ride-booking-detail": _("rit"),
    "ride-booking-cancel": _("rit annuleren"),
}


def register() -> None:
    from wijkkracht.audit.labels import view_labels_register

    view_labels_register(app="provisions", app_label=_("voorzieningen"), pages=PAGES, api_pages=API_PAGES)
    view_labels_register(app="socialmap", app_label=_("sociale kaart"), pages=SOCIALMAP_PAGES)
