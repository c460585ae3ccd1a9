"""Managing users: done by the functional admin, never by the users themselves."""

from django.db import transaction

from .models import TeamMembership, User


@transaction.atomic
def user_create(*, username, first_name, last_name, email, organisation, role, teams, is_active=True, password) -> User:
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
        role=role,
        is_active=is_active,
    )
    user.set_password(password)
    user.must_change_password = True  # chosen by the admin: the user chooses their own at the first login
    user.save()
    user_set_teams(user=user, teams=teams)
    return user


@transaction.atomic
def user_update(*, user: User, teams, **fields) -> User:
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    user_set_teams(user=user, teams=teams)
    return user


def user_set_teams(*, user: User, teams) -> None:
    wanted = {t.pk for t in teams}
    TeamMembership.objects.filter(user=user).exclude(team_id__in=wanted).delete()
    have = set(TeamMembership.objects.filter(user=user).values_list("team_id", flat=True))
    TeamMembership.objects.bulk_create([TeamMembership(user=user, team_id=t) for t in wanted - have])
