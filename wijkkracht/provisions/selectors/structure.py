"""The provisions, sessions, groups, cars and drivers of the user's teams (no personal data of residents)."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from wijkkracht.accounts.models import User
from wijkkracht.accounts.roles import Role
from wijkkracht.organisations.models import Team
from wijkkracht.provisions.models import CollectiveProvision, DeskSession, Driver, Group, GroupMember, Vehicle

Kind = CollectiveProvision.Kind


def my_team_ids(user) -> list[int]:
    return list(Team.objects.filter(memberships__user=user).values_list("id", flat=True))


def _mine(user):
    """Provisions of the user's teams, and those they volunteer at."""
    return CollectiveProvision.objects.filter(Q(team__memberships__user=user) | Q(volunteers=user)).distinct()


def provision_list(*, user, kind: str = "") -> list[CollectiveProvision]:
    qs = _mine(user).filter(active=True).select_related("team", "resource")
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs.order_by("team__name", "kind", "name"))


def provision_get(*, user, pk) -> CollectiveProvision:
    found = _mine(user).select_related("team", "resource").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def provision_choices(*, user, kinds) -> list[CollectiveProvision]:
    return [p for p in provision_list(user=user) if p.kind in kinds]


def sessions_of(*, provision, upcoming: bool = True, limit: int = 20) -> list[DeskSession]:
    qs = provision.sessions.prefetch_related("volunteers").annotate(n_questions=Count("questions"))
    now = timezone.now()
    qs = qs.filter(ends_at__gte=now).order_by("starts_at") if upcoming else qs.filter(ends_at__lt=now)
    return list(qs[:limit])


def session_get(*, user, pk) -> DeskSession:
    found = DeskSession.objects.select_related("provision__team").filter(pk=pk, provision__in=_mine(user)).first()
    if found is None:
        raise Http404
    return found


def groups_of(*, provision) -> list[Group]:
    placed = Count("members", filter=Q(members__status=GroupMember.Status.PLACED))
    return list(provision.groups.filter(ended_on__isnull=True).annotate(n_members=placed).order_by("name"))


def group_get(*, user, pk) -> Group:
    found = Group.objects.select_related("provision", "team").filter(pk=pk, provision__in=_mine(user)).first()
    if found is None:
        raise Http404
    return found


def vehicles_of(*, team_ids) -> list[Vehicle]:
    return list(Vehicle.objects.filter(team_id__in=team_ids, active=True).select_related("team").order_by("name"))


def vehicle_get(*, user, pk) -> Vehicle:
    found = Vehicle.objects.select_related("team", "provision").filter(pk=pk, team_id__in=my_team_ids(user)).first()
    if found is None:
        raise Http404
    return found


def drivers_of(*, team_ids) -> list[Driver]:
    return list(
        Driver.objects.filter(team_id__in=team_ids, active=True).select_related("user").order_by("user__first_name")
    )


def driver_of(user) -> Driver | None:
    return Driver.objects.filter(user=user).select_related("team").first()


def driver_for_feed(token: str) -> Driver | None:
    if not token or len(token) > 64:
        return None
    return Driver.objects.select_related("user").filter(feed_token=token, active=True, user__is_active=True).first()


def volunteers_of(*, team_ids) -> list[User]:
    return list(
        User.objects.filter(role=Role.VOLUNTEER, is_active=True, memberships__team_id__in=team_ids)
        .distinct()
        .order_by("first_name", "last_name")
    )


def gp_choices() -> list[User]:
    return list(User.objects.filter(role=Role.GP, is_active=True).order_by("last_name", "first_name"))


def centre_choices() -> list[Team]:
    return list(Team.objects.filter(kind=Team.Kind.COMMUNITY_CENTRE).order_by("name"))
