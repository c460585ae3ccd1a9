from django.db import transaction

from .models import Organisation, Team


def organisation_save(*, organisation: Organisation) -> Organisation:
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def team_save(*, team: Team, neighbourhoods) -> Team:
    team.full_clean()
    team.save()
    team.neighbourhoods.set(neighbourhoods)
    return team
