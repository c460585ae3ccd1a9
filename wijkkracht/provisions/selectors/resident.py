"""The provisions part of the resident page: the city pass, referrals, food bank, friendship groups,
language help, rides and prescriptions of this resident, each as far as the user may see them."""

from django.utils import timezone

from wijkkracht.access.reads import read_list
from wijkkracht.access.scopes import resident_facts
from wijkkracht.provisions.models import (
    CityPass,
    FoodBankReferral,
    GroupMember,
    LanguageTrack,
    Referral,
    RideBooking,
    WellbeingPrescription,
)

LIMIT = 10


def resident_provisions_section(*, user, resident, view: str, about=None) -> dict | None:
    if not user.has_perm("provisions.view_records"):
        return None
    about = about or resident_facts(user, resident)

    def read(model, queryset, **kwargs):
        return read_list(
            model.personal_data, user=user, view=view, queryset=queryset, about=about, limit=LIMIT, **kwargs
        )

    passes = read(CityPass, CityPass.objects.filter(resident=resident))
    section = {
        "resident": resident,
        "today": timezone.localdate(),
        "city_pass": passes[0] if passes else None,
        "referrals": read(
            Referral,
            Referral.objects.filter(resident=resident).select_related("resource").order_by("-referred_at"),
            permission="provisions.view_referral",
        ),
        "food_bank": read(
            FoodBankReferral, FoodBankReferral.objects.filter(resident=resident).order_by("-referred_at")
        ),
        "groups": read(
            GroupMember,
            GroupMember.objects.filter(resident=resident).select_related("group").order_by("-registered_at"),
        ),
        "language": read(LanguageTrack, LanguageTrack.objects.filter(resident=resident).order_by("-signalled_at")),
        "rides": read(
            RideBooking,
            RideBooking.objects.filter(
                resident=resident, status=RideBooking.Status.BOOKED, pickup_at__gte=timezone.now()
            )
            .select_related("vehicle")
            .order_by("pickup_at"),
        ),
        "prescriptions": read(
            WellbeingPrescription, WellbeingPrescription.objects.filter(resident=resident).order_by("-written_at")
        ),
        "can_change": user.has_perm("provisions.change_records"),
    }
    return section
