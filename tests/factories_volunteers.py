"""Test data for volunteering (imported into tests.factories, where the URL matrix finds ``<Model>Factory``)."""

import datetime

import factory
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.volunteers.choices import ALL_SLOTS, Kind, mask
from wijkkracht.volunteers.geo import postcode_point
from wijkkracht.volunteers.models import Concern, HoursEntry, Match, Volunteer, VolunteerRequest

from .factories import ResidentFactory, TeamFactory, UserFactory


class VolunteerFactory(factory.django.DjangoModelFactory):
    """An active volunteer in 1315 with a valid VOG, free all week, for every kind of work (pass what matters)."""

    class Meta:
        model = Volunteer

    user = factory.SubFactory(UserFactory, role=Role.VOLUNTEER)
    team = factory.SubFactory(TeamFactory)
    first_name = factory.Sequence(lambda n: f"Henk{n}")
    last_name = "Bakker"
    email = factory.Sequence(lambda n: f"vrijwilliger{n}@example.org")
    postcode = "1315 AC"
    x = factory.LazyAttribute(lambda o: postcode_point(o.postcode)[0])
    y = factory.LazyAttribute(lambda o: postcode_point(o.postcode)[1])
    languages = factory.LazyFunction(lambda: ["nl"])
    kinds = mask(Kind.values, Kind)
    availability = ALL_SLOTS
    max_distance_km = 5
    status = Volunteer.Status.ACTIVE
    intake_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    vog_issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=200))


class VolunteerRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerRequest

    resident = factory.SubFactory(ResidentFactory)
    team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())
    created_by = factory.SubFactory(UserFactory)
    kind = Kind.NEIGHBOUR_HELP
    task = "Om de week samen boodschappen doen bij de supermarkt om de hoek."
    availability = 1 << 3  # Tuesday morning
    x = factory.LazyAttribute(lambda o: (postcode_point(o.resident.household.postcode) or (0, 0))[0])
    y = factory.LazyAttribute(lambda o: (postcode_point(o.resident.household.postcode) or (0, 0))[1])


class MatchFactory(factory.django.DjangoModelFactory):
    """An active match (pass status=... for another step); it holds the volunteer's first place."""

    class Meta:
        model = Match

    request = factory.SubFactory(VolunteerRequestFactory)
    volunteer = factory.SubFactory(VolunteerFactory)
    resident = factory.SelfAttribute("request.resident")
    team = factory.SelfAttribute("request.team")
    coordinator = factory.SubFactory(UserFactory, role=Role.VOLUNTEER_COORDINATOR)
    status = Match.Status.ACTIVE
    slot = factory.LazyAttribute(lambda o: 1 if o.status in ("proposed", "agreed", "introduced", "active") else None)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    follow_up_due = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=2))


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HoursEntry

    match = factory.SubFactory(MatchFactory)
    on = factory.LazyFunction(timezone.localdate)
    hours = 2
    note = "Boodschappen gedaan"


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concern

    match = factory.SubFactory(MatchFactory)
    text = "Ze vergeet steeds of ik kom; ik maak me zorgen."
