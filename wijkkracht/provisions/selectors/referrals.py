"""Referrals to the social map, food bank referrals and city passes, through the kernel. The receiving
organisation sees the referrals addressed to it (scope ``organisation``)."""

from wijkkracht.access.reads import count, read_list, read_one, read_page
from wijkkracht.provisions.models import FoodBankReferral, Referral

SPEC = Referral.personal_data
OPEN = (Referral.Status.SENT, Referral.Status.ACCEPTED, Referral.Status.WAITING)


def _queryset():
    return Referral.objects.select_related(
        "resident__household", "resource__provider", "team", "referred_by", "reported_by", "help_request"
    )


def referral_get(*, user, public_id, view: str, permission: str = "provisions.view_referral") -> Referral:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def referral_page(*, user, view: str, open_only: bool = False, page=1):
    qs = _queryset().order_by("-referred_at", "-id")
    if open_only:
        qs = qs.filter(status__in=OPEN)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page)


def request_referrals(*, user, help_request, view: str) -> list[Referral]:
    """The referrals made from one request (the request page's panel)."""
    qs = _queryset().filter(help_request=help_request).order_by("-referred_at", "-id")
    return read_list(SPEC, user=user, view=view, queryset=qs, limit=20)


def open_referral_count(*, user) -> int:
    """How many referrals await an answer (a figure for the start page; not logged)."""
    return count(SPEC, user, Referral.objects.filter(status=Referral.Status.SENT))


def food_bank_get(*, user, public_id, view: str, permission: str = "provisions.view_records") -> FoodBankReferral:
    return read_one(
        FoodBankReferral.personal_data,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=FoodBankReferral.objects.select_related("resident__household", "team", "referred_by"),
        permission=permission,
    )
