"""What the README's examples need in the demo city, made sure after the city is generated.

- As ``wijkwerker``, searching "Bakkr" finds a Bakker: one lives in the demo team's neighbourhoods.
- ``wijkwerker``'s start page has something "for you": a request the team lead assigned, a new signal.
"""

from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wijkkracht.care.models import Signal
from wijkkracht.cases.models import HelpRequest, Notification
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.people.search import resident_search_name

from .demo import DEMO_TEAM, DEMO_WORKER

EXAMPLE_SURNAME = "Bakker"  # README: as wijkwerker, search with a typo ("Bakkr")
DEMO_LEAD = "teamleider"


def _adult_in(neighbourhood_ids, rng: Random):
    today = timezone.localdate()
    adults = Resident.objects.filter(
        household__neighbourhood_id__in=neighbourhood_ids,
        merged_into__isnull=True,
        birth_date__lte=today.replace(year=today.year - 25),
    ).order_by("id")
    count = adults.count()
    return adults[rng.randrange(count)] if count else None


def example_surname_ensure(*, seed: int) -> Resident | None:
    """A resident named Bakker in the demo team's neighbourhoods (the README's search example)."""
    team = Team.objects.filter(name=DEMO_TEAM).first()
    if team is None:
        return None
    neighbourhoods = list(team.neighbourhoods.values_list("id", flat=True))
    found = Resident.objects.filter(household__neighbourhood_id__in=neighbourhoods, last_name=EXAMPLE_SURNAME).first()
    if found is not None:
        return found
    resident = _adult_in(neighbourhoods, Random(f"{seed}:readme"))
    if resident is None:
        return None
    resident.surname_prefix, resident.last_name = "", EXAMPLE_SURNAME
    resident.search_name = resident_search_name(
        first_name=resident.first_name, surname_prefix="", last_name=EXAMPLE_SURNAME
    )
    resident.save(update_fields=["surname_prefix", "last_name", "search_name"])
    return resident


def demo_notifications_create() -> int:
    """Two requests the team lead gave to wijkwerker and the team's newest new signal, as notifications."""
    users = get_user_model().objects.in_bulk([DEMO_WORKER, DEMO_LEAD], field_name="username")
    worker, lead = users.get(DEMO_WORKER), users.get(DEMO_LEAD)
    if worker is None or lead is None:
        return 0
    rows = [
        Notification(
            recipient=worker,
            kind=Notification.Kind.ASSIGNED,
            team_id=r.team_id,
            resident_id=r.resident_id,
            help_request=r,
            by=lead,
        )
        for r in HelpRequest.objects.filter(assigned_to=worker)
        .exclude(status=HelpRequest.Status.CLOSED)
        .order_by("-received_at", "-id")[:2]
    ]
    team = Team.objects.filter(name=DEMO_TEAM).first()
    signal = Signal.objects.filter(team=team, status=Signal.Status.NEW).order_by("-received_at", "-id").first()
    if signal is not None:
        rows.append(
            Notification(
                recipient=worker,
                kind=Notification.Kind.SIGNAL,
                team_id=signal.team_id,
                resident_id=signal.resident_id,
                target_ref=signal.public_id,
            )
        )
    Notification.objects.bulk_create(rows)
    return len(rows)
