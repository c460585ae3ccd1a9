"""Small checks shared by the provision services."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkkracht.organisations.models import Team


def user_team_ids(user) -> set[int]:
    return set(Team.objects.filter(memberships__user=user).values_list("id", flat=True))


def require_member(user, team, *, field: str = "__all__") -> None:
    """Only members of the team that runs a provision write to it."""
    if team.pk not in user_team_ids(user):
        raise ValidationError({field: _("U werkt niet voor %(team)s en kunt hier niets vastleggen.") % {"team": team}})


def clean_text(value, limit: int) -> str:
    return (value or "").strip()[:limit]


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
