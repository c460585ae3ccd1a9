from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (url name, label, permission): a menu item shows only when the policy allows it.
MENU = [
    ("core:home", _("Start"), "core.view_home"),
    ("workspace:caseload", _("Mijn werk"), "cases.view_caseload"),
    ("workspace:team-board", _("Teambord"), "cases.view_team_board"),
    ("people:resident-list", _("Inwoners"), "people.view_resident"),
    ("cases:request-list", _("Hulpvragen"), "cases.view_case"),
    ("care:signal-list", _("Signalen"), "care.triage_signal"),
    ("care:watch-list", _("Waakvlam"), "care.view_watch"),
    ("care:carer-list", _("Mantelzorgers"), "care.view_carer"),
    ("areas:postcode-check", _("Postcode zoeken"), "areas.view_areas"),
    ("organisations:organisation-list", _("Organisaties"), "organisations.manage"),
    ("organisations:team-list", _("Teams"), "organisations.manage"),
    ("areas:neighbourhood-list", _("Buurten"), "organisations.manage"),
    ("accounts:user-list", _("Gebruikers"), "accounts.manage_users"),
    ("audit:log", _("Auditlog"), "audit.view_log"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated or not user.is_fully_authenticated():
        return {"menu": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"url": reverse(name), "label": label, "current": name == current}
        for name, label, permission in MENU
        if user.has_perm(permission)
    ]
    return {"menu": items}
