"""What the provisions app adds to pages of other apps: menu items, start-page tiles, the resident-page
section and the help-request panel (called from ``ProvisionsConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from wijkkracht.accounts.roles import Role


def _provisions_tile(*, request):
    user = request.user
    if not user.has_perm("provisions.view_provisions"):
        return None
    from .selectors import structure

    provisions = structure.provision_list(user=user)
    return {"provisions": provisions[:6], "count": len(provisions), "can_log": user.has_perm("provisions.log_question")}


def _referrals_tile(*, request):
    user = request.user
    if not user.has_perm("provisions.view_referral") or user.role != Role.PROVIDER:
        return None
    from .selectors import referrals

    return {"open": referrals.open_referral_count(user=user)}


def _gp_tile(*, request):
    if not request.user.has_perm("provisions.prescribe"):
        return None
    return {}


def _driver_tile(*, request):
    if not request.user.has_perm("provisions.drive"):
        return None
    from .selectors import structure

    driver = structure.driver_of(request.user)
    return {"driver": driver} if driver else None


def _request_panel(*, user, help_request, view):
    if not user.has_perm("provisions.view_referral"):
        return None
    from .selectors import referrals

    return {
        "help_request": help_request,
        "referrals": referrals.request_referrals(user=user, help_request=help_request, view=view),
        "can_refer": user.has_perm("provisions.refer") and help_request.is_open,
    }


def register():
    from wijkkracht.cases.panels import RequestPanel, request_panel_register
    from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register
    from wijkkracht.people.sections import ResidentSection, section_register

    from .selectors.resident import resident_provisions_section

    menu_register(MenuItem("provisions:list", _("Voorzieningen"), "provisions.view_provisions", order=55))
    menu_register(
        # Team roles find the referrals on the request and on the provisions page; the provider's own item.
        MenuItem(
            "provisions:referral-list",
            _("Verwijzingen"),
            "provisions.view_referral",
            order=56,
            unless="provisions.refer",
        )
    )
    menu_register(MenuItem("provisions:gp-list", _("Welzijn op Recept"), "provisions.prescribe", order=57))
    menu_register(MenuItem("provisions:my-rides", _("Mijn ritten"), "provisions.drive", order=58))
    menu_register(
        # A team lead finds them on the provisions page; the policy analyst's own item.
        MenuItem(
            "provisions:figures",
            _("Cijfers voorzieningen"),
            "monitoring.view_figures",
            order=90,
            unless="provisions.view_provisions",
        )
    )
    start_tile_register(StartTile("provisions", 50, "provisions/partials/tile_provisions.html", _provisions_tile))
    start_tile_register(StartTile("referrals", 51, "provisions/partials/tile_referrals.html", _referrals_tile))
    start_tile_register(StartTile("gp", 52, "provisions/partials/tile_gp.html", _gp_tile))
    start_tile_register(StartTile("driver", 53, "provisions/partials/tile_driver.html", _driver_tile))
    section_register(
        ResidentSection("provisions", 30, "provisions/partials/resident_section.html", resident_provisions_section)
    )
    request_panel_register(RequestPanel("referrals", 10, "provisions/partials/request_panel.html", _request_panel))
