"""Factories for the social map and the collective provisions (re-exported by tests/factories.py)."""

import datetime

import factory
from django.utils import timezone

from wijkkracht.accounts.roles import Role

from .factories import ResidentFactory, TeamFactory, UserFactory


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "socialmap.Provider"

    name = factory.Sequence(lambda n: f"Stichting Aanbieder {n}")
    description = "Een aanbieder in de wijk."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "socialmap.Location"

    name = factory.Sequence(lambda n: f"Wijkcentrum {n}")
    street_address = factory.Sequence(lambda n: f"Marktplein {n + 1}")
    postcode = "1315 AB"


class ResourceFactory(factory.django.DjangoModelFactory):
    """A resource on the social map; pass needs=[...], domains=[...], languages=[...] for its terms."""

    class Meta:
        model = "socialmap.Resource"
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    location = factory.SubFactory(LocationFactory)
    name = factory.Sequence(lambda n: f"Koffieochtend {n}")
    description = "Elke week koffie en een praatje in het wijkcentrum."
    kind = "activity"
    last_verified_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        _terms(self, "need", extracted if extracted is not None else ["company"])

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        _terms(self, "domain", extracted if extracted is not None else ["social_network"])

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        _terms(self, "language", extracted if extracted is not None else ["nld"])


def _terms(resource, scheme, codes):
    from wijkkracht.socialmap.models import ResourceTerm

    ResourceTerm.objects.bulk_create(ResourceTerm(resource=resource, scheme=scheme, code=c) for c in codes)


class CollectiveProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.CollectiveProvision"

    kind = "desk"
    name = factory.Sequence(lambda n: f"Administratief spreekuur {n}")
    team = factory.SubFactory(TeamFactory)
    place = "Wijkcentrum, zaal 2"


class DeskSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.DeskSession"

    provision = factory.SubFactory(CollectiveProvisionFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(minute=0, second=0, microsecond=0))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


class DeskQuestionFactory(factory.django.DjangoModelFactory):
    """A visitor's question; anonymous unless resident= is given (then with consent)."""

    class Meta:
        model = "provisions.DeskQuestion"

    team = factory.SubFactory(TeamFactory)
    provision = factory.SubFactory(CollectiveProvisionFactory, team=factory.SelfAttribute("..team"))
    session = factory.SubFactory(DeskSessionFactory, provision=factory.SelfAttribute("..provision"))
    topic = "letters"
    outcome = "solved"
    registered_by = factory.SubFactory(UserFactory)
    resident = None
    consent_at = factory.LazyAttribute(lambda o: timezone.now() if o.resident is not None else None)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.Group"

    team = factory.SubFactory(TeamFactory)
    provision = factory.SubFactory(CollectiveProvisionFactory, kind="groups", team=factory.SelfAttribute("..team"))
    name = factory.Sequence(lambda n: f"Vriendenkring {n}")
    meets = "elke dinsdag 14.00 uur"


class GroupMemberFactory(factory.django.DjangoModelFactory):
    """A participant placed in a group (status="seeking", group=None for a help seeker)."""

    class Meta:
        model = "provisions.GroupMember"

    resident = factory.SubFactory(ResidentFactory)
    team = factory.SubFactory(TeamFactory)
    group = factory.SubFactory(GroupFactory, team=factory.SelfAttribute("..team"))
    provision = factory.LazyAttribute(
        lambda o: o.group.provision if o.group else CollectiveProvisionFactory(kind="groups", team=o.team)
    )
    status = "placed"
    placed_at = factory.LazyFunction(timezone.now)
    registered_by = factory.SubFactory(UserFactory)


class GroupMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.GroupMeeting"

    group = factory.SubFactory(GroupFactory)
    held_on = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=7 * (n + 1)))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.Attendance"

    member = factory.SubFactory(GroupMemberFactory)
    meeting = factory.SubFactory(GroupMeetingFactory, group=factory.SelfAttribute("..member.group"))
    present = True


class LanguageTrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.LanguageTrack"

    resident = factory.SubFactory(ResidentFactory)
    team = factory.SubFactory(TeamFactory)
    provision = factory.SubFactory(CollectiveProvisionFactory, kind="language", team=factory.SelfAttribute("..team"))
    source = "library"
    signalled_by = factory.SubFactory(UserFactory)
    coach = factory.SelfAttribute("signalled_by")


class LanguageProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.LanguageProgress"

    track = factory.SubFactory(LanguageTrackFactory)
    recorded_by = factory.SelfAttribute("track.signalled_by")
    note = "Leest nu zelf de brieven van de gemeente."


class WellbeingPrescriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.WellbeingPrescription"

    gp = factory.SubFactory(UserFactory, role=Role.GP, first_name="Huisarts", last_name="Jansen")
    team = factory.SubFactory(TeamFactory, kind="community_centre")
    patient_name = "Mevrouw Bakker"
    reason = "loneliness"
    resident = None


class VehicleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.Vehicle"

    team = factory.SubFactory(TeamFactory)
    provision = factory.SubFactory(CollectiveProvisionFactory, kind="rides", team=factory.SelfAttribute("..team"))
    name = factory.Sequence(lambda n: f"Max-mobiel {n}")
    wheelchair = True


class DriverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.Driver"

    user = factory.SubFactory(UserFactory, role=Role.VOLUNTEER, first_name="Kees", last_name="Chauffeur")
    team = factory.SubFactory(TeamFactory)
    licence_valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3 * 365))
    trained_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    wheelchair_trained = True


def _tomorrow_at(hour: int):
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class RideBookingFactory(factory.django.DjangoModelFactory):
    """A ride tomorrow (its slots are not made: use the service ride_book for a booking that holds them)."""

    class Meta:
        model = "provisions.RideBooking"

    resident = factory.SubFactory(ResidentFactory)
    team = factory.SubFactory(TeamFactory)
    vehicle = factory.SubFactory(VehicleFactory, team=factory.SelfAttribute("..team"))
    driver = factory.SubFactory(DriverFactory, team=factory.SelfAttribute("..team"))
    booked_by = factory.SubFactory(UserFactory)
    pickup_at = factory.LazyFunction(lambda: _tomorrow_at(10))
    pickup_address = "Parisstraat 1, Almere"
    destination = "Huisartsenpraktijk De Brug"
    purpose = "doctor"


class RideSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.RideSlot"

    booking = factory.SubFactory(RideBookingFactory)
    vehicle = factory.SelfAttribute("booking.vehicle")
    driver = factory.SelfAttribute("booking.driver")
    starts_at = factory.SelfAttribute("booking.pickup_at")


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.Referral"

    resident = factory.SubFactory(ResidentFactory)
    team = factory.SubFactory(TeamFactory)
    resource = factory.SubFactory(ResourceFactory)
    help_request = None
    referred_by = factory.SubFactory(UserFactory)
    note = "Zoekt contact met anderen in de buurt."
    provider_organisation = factory.LazyAttribute(lambda o: o.resource.provider.organisation)


class FoodBankReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.FoodBankReferral"

    resident = factory.SubFactory(ResidentFactory)
    team = factory.SubFactory(TeamFactory)
    referred_by = factory.SubFactory(UserFactory)
    household_size = 3
    reason = "Geen inkomen sinds het ontslag; wachten op de uitkering."


class CityPassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "provisions.CityPass"

    resident = factory.SubFactory(ResidentFactory)
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=200))
    recorded_by = factory.SubFactory(UserFactory)
