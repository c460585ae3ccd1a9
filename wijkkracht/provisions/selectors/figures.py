"""Figures of the collective provisions for monitoring: counts only, never names, so nothing is logged.

Per year (and optionally per team): visitors and questions per provision, referrals to debt counselling and
budget folders handed out, friendship groups with participants and help seekers, rides, prescriptions and
their outcome, the share answered by volunteers at the information point, and referrals to the social map.
One aggregate query per kind of record, whatever the amount of data.
"""

import datetime

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from wijkkracht.provisions.models import (
    CollectiveProvision,
    DeskQuestion,
    FoodBankReferral,
    Group,
    GroupMember,
    LanguageTrack,
    Referral,
    RideBooking,
    WellbeingPrescription,
)
from wijkkracht.socialmap.models import ResourceTerm
from wijkkracht.socialmap.taxonomy import Need, Scheme

Kind = CollectiveProvision.Kind
Outcome = DeskQuestion.Outcome


def _span(year: int):
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def desk_figures(*, year: int, team_ids=None) -> dict:
    start, end = _span(year)
    qs = DeskQuestion.objects.filter(asked_at__gte=start, asked_at__lt=end)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    rows = qs.values("provision__kind").annotate(
        questions=Count("id"),
        solved=Count("id", filter=Q(outcome=Outcome.SOLVED)),
        debt_counselling=Count("id", filter=Q(outcome=Outcome.DEBT_COUNSELLING)),
        folders=Count("id", filter=Q(outcome=Outcome.BUDGET_FOLDER)),
        referred=Count("id", filter=Q(outcome=Outcome.REFERRED)),
        named=Count("id", filter=Q(consent_at__isnull=False)),
    )
    found = {row.pop("provision__kind"): row for row in rows}
    empty = {"questions": 0, "solved": 0, "debt_counselling": 0, "folders": 0, "referred": 0, "named": 0}
    desk, info = found.get(Kind.DESK, empty), found.get(Kind.INFO_POINT, empty)
    # At the information point "answered by the volunteers themselves" is every question not passed on.
    answered = info["questions"] - info["referred"]
    return {
        "desk": desk,
        "info_point": {
            **info,
            "answered_by_volunteers": answered,
            "share_answered": _share(answered, info["questions"]),
        },
    }


def group_figures(*, year: int, team_ids=None) -> dict:
    start, end = _span(year)
    last_day = min(datetime.date(year, 12, 31), timezone.localdate())
    groups = Group.objects.filter(started_on__lte=last_day).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=last_day))
    members = GroupMember.objects.all()
    if team_ids is not None:
        groups, members = groups.filter(team_id__in=team_ids), members.filter(team_id__in=team_ids)
    at_end = timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.max))
    participants = members.filter(placed_at__lte=at_end).filter(Q(left_at__isnull=True) | Q(left_at__gt=at_end))
    return {
        "active_groups": groups.count(),
        "participants": participants.count(),
        "help_seekers": members.filter(registered_at__gte=start, registered_at__lt=end).count(),
    }


def ride_figures(*, year: int, team_ids=None) -> dict:
    start, end = _span(year)
    qs = RideBooking.objects.filter(pickup_at__gte=start, pickup_at__lt=end)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    rows = qs.aggregate(
        rides=Count("id", filter=~Q(status=RideBooking.Status.CANCELLED)),
        cancelled=Count("id", filter=Q(status=RideBooking.Status.CANCELLED)),
        passengers=Count("resident", distinct=True, filter=~Q(status=RideBooking.Status.CANCELLED)),
        with_return=Count("id", filter=Q(return_at__isnull=False) & ~Q(status=RideBooking.Status.CANCELLED)),
    )
    return rows


def prescription_figures(*, year: int, team_ids=None) -> dict:
    start, end = _span(year)
    qs = WellbeingPrescription.objects.filter(written_at__gte=start, written_at__lt=end)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    found = qs.aggregate(
        written=Count("id"),
        closed=Count("id", filter=Q(status=WellbeingPrescription.Status.CLOSED)),
        fewer=Count("id", filter=Q(outcome=WellbeingPrescription.Outcome.FEWER)),
        same=Count("id", filter=Q(outcome=WellbeingPrescription.Outcome.SAME)),
        more=Count("id", filter=Q(outcome=WellbeingPrescription.Outcome.MORE)),
        stopped=Count("id", filter=Q(outcome=WellbeingPrescription.Outcome.STOPPED)),
        change=Avg(F("wellbeing_after") - F("wellbeing_before"), filter=Q(status=WellbeingPrescription.Status.CLOSED)),
    )
    found["change"] = round(found["change"], 1) if found["change"] is not None else None
    found["share_fewer"] = _share(found["fewer"], found["closed"])
    return found


def other_figures(*, year: int, team_ids=None) -> dict:
    start, end = _span(year)
    language = LanguageTrack.objects.filter(signalled_at__gte=start, signalled_at__lt=end)
    food = FoodBankReferral.objects.filter(referred_at__gte=start, referred_at__lt=end)
    referrals = Referral.objects.filter(referred_at__gte=start, referred_at__lt=end)
    if team_ids is not None:
        language, food = language.filter(team_id__in=team_ids), food.filter(team_id__in=team_ids)
        referrals = referrals.filter(team_id__in=team_ids)
    debt_resources = ResourceTerm.objects.filter(scheme=Scheme.NEED, code=Need.DEBTS).values("resource_id")
    return {
        "language": language.aggregate(signalled=Count("id"), placed=Count("id", filter=Q(placed_at__isnull=False))),
        "food_bank": food.aggregate(
            referred=Count("id"), admitted=Count("id", filter=Q(status=FoodBankReferral.Status.ADMITTED))
        ),
        "referrals": referrals.aggregate(
            made=Count("id"),
            accepted=Count("id", filter=Q(status__in=[Referral.Status.ACCEPTED, Referral.Status.COMPLETED])),
            declined=Count("id", filter=Q(status=Referral.Status.DECLINED)),
            unanswered=Count("id", filter=Q(status=Referral.Status.SENT)),
            to_debt_help=Count("id", filter=Q(resource_id__in=debt_resources)),
        ),
    }


def provision_figures(*, year: int, team_ids=None) -> dict:
    """Every figure of the year (``team_ids``: only those teams; None: the whole city)."""
    return {
        "year": year,
        **desk_figures(year=year, team_ids=team_ids),
        "groups": group_figures(year=year, team_ids=team_ids),
        "rides": ride_figures(year=year, team_ids=team_ids),
        "prescriptions": prescription_figures(year=year, team_ids=team_ids),
        **other_figures(year=year, team_ids=team_ids),
    }


def figure_years(*, first: int | None = None) -> list[int]:
    this_year = timezone.localdate().year
    return list(range(this_year, (first or this_year - 4) - 1, -1))
