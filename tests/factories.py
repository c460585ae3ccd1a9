"""Test data. Every test builds what it needs through these factories."""

import datetime

import factory
from django.apps import apps as django_apps
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.models import TeamMembership, User
from wijkkracht.accounts.roles import Role
from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import (
    Contact,
    DomainScore,
    HelpRequest,
    InformalCheck,
    PlanAction,
    PlanGoal,
    RequestSolution,
    SelfRelianceAssessment,
    SupportPlan,
)
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Household, Relation, Resident
from wijkkracht.people.search import resident_search_name

PASSWORD = "een-lang-test-wachtwoord"


class CityPartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityPart
        django_get_or_create = ["name"]

    name = "Almere Stad"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    code = factory.Sequence(lambda n: f"WK0034{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")
    city_part = factory.SubFactory(CityPartFactory)


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    district = factory.SubFactory(DistrictFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"BU{o.district.code[2:]}{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Buurt {n}")


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeArea

    pc4 = factory.Sequence(lambda n: str(1300 + n % 60))
    letters_from = "AA"
    letters_to = "ZZ"
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    short_name = factory.Sequence(lambda n: f"ORG{n}")
    kind = Organisation.Kind.SOCIAL_WORK


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Cluster {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Wijkteam {n}")
    cluster = factory.SubFactory(ClusterFactory)

    @factory.post_generation
    def neighbourhoods(self, create, extracted, **kwargs):
        if create and extracted:
            self.neighbourhoods.set(extracted)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Sanne"
    last_name = "de Vries"
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.WORKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        self.save()
        for team in extracted or []:
            TeamMembership.objects.create(user=self, team=team)

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Every user whose role needs it gets a confirmed authenticator, unless totp=False."""
        if create and extracted is not False and self.needs_second_factor:
            TOTPDevice.objects.create(user=self, name="test", confirmed=True)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    street = "Parisstraat"
    house_number = factory.Sequence(lambda n: n + 1)
    postcode = "1315 AB"
    city = "Almere"
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident

    household = factory.SubFactory(HouseholdFactory)
    first_name = factory.Sequence(lambda n: f"Fatima{n}")
    last_name = "Bakker"
    birth_date = datetime.date(1950, 3, 14)
    phone = "0612345678"
    search_name = factory.LazyAttribute(
        lambda o: resident_search_name(first_name=o.first_name, surname_prefix=o.surname_prefix, last_name=o.last_name)
    )
    surname_prefix = ""


class AccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessGrant

    resident = factory.SubFactory(ResidentFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    purpose = "handover"
    ground = AccessGrant.Ground.CONSENT
    valid_until = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    resident = factory.SubFactory(ResidentFactory)
    related = factory.SubFactory(ResidentFactory, household=factory.SelfAttribute("..resident.household"))
    kind = Relation.Kind.PARTNER


# --- case work -----------------------------------------------------------------------------------


class HelpRequestFactory(factory.django.DjangoModelFactory):
    """A request of a resident, taken by a user of the resident's team (pass team= and taken_by=)."""

    class Meta:
        model = HelpRequest

    resident = factory.SubFactory(ResidentFactory)
    household = factory.SelfAttribute("resident.household")
    team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())
    channel = "walk_in"
    question = "Ik krijg brieven van de Belastingdienst die ik niet begrijp."
    taken_by = factory.SubFactory(UserFactory)
    assigned_to = factory.SelfAttribute("taken_by")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    help_request = factory.SubFactory(HelpRequestFactory)
    resident = factory.SelfAttribute("help_request.resident")
    kind = Contact.Kind.CALL
    note = "Gebeld, afspraak gemaakt voor huisbezoek."
    by = factory.SelfAttribute("help_request.taken_by")
    team = factory.SelfAttribute("help_request.team")


class SelfRelianceAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfRelianceAssessment

    resident = factory.SubFactory(ResidentFactory)
    household = factory.SelfAttribute("resident.household")
    assessed_by = factory.SubFactory(UserFactory)
    team = factory.LazyAttribute(lambda o: o.household.neighbourhood.teams.first() or TeamFactory())


class DomainScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DomainScore

    assessment = factory.SubFactory(SelfRelianceAssessmentFactory)
    domain = "finances"
    level = 2
    strength_source = "network"


class SupportPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportPlan

    household = factory.SubFactory(HouseholdFactory)
    coordinator = factory.SubFactory(UserFactory)
    updated_by = factory.SelfAttribute("coordinator")
    team = factory.LazyAttribute(lambda o: o.household.neighbourhood.teams.first() or TeamFactory())
    summary = "Rust in de financiën en meer contact met de buurt."


class PlanGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanGoal

    plan = factory.SubFactory(SupportPlanFactory)
    text = "Post is geordend en rekeningen worden betaald."
    domain = "finances"


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    plan = factory.SubFactory(SupportPlanFactory)
    text = "Samen naar het administratief spreekuur."
    owner_user = factory.SelfAttribute("plan.coordinator")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


# --- signals, pilot-light contacts, carers -------------------------------------------------------


class WatchContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchContact

    resident = factory.SubFactory(ResidentFactory)
    team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())
    owner = factory.SubFactory(UserFactory)
    interval_weeks = 4
    reason = "Woont alleen, weinig netwerk."
    next_due = factory.LazyFunction(timezone.localdate)


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal

    team = factory.SubFactory(TeamFactory)
    source = Signal.Source.NEIGHBOUR
    reporter = "Buurvrouw op nummer 12"
    about = "Oudere man, Parisstraat 10"
    concern = "De gordijnen blijven dicht en de post stapelt zich op."
    received_by = factory.SubFactory(UserFactory)


class CarerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Carer

    carer = factory.SubFactory(ResidentFactory)
    cared_for = factory.SubFactory(ResidentFactory, household=factory.SelfAttribute("..carer.household"))
    relationship = "partner"
    hours_per_week = 20
    registered_by = factory.SubFactory(UserFactory)
    team = factory.LazyAttribute(lambda o: o.carer.household.neighbourhood.teams.first() or TeamFactory())


class CarerStrainAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CarerStrainAssessment

    carer = factory.SubFactory(CarerFactory)
    assessed_by = factory.SelfAttribute("carer.registered_by")
    answers = [1, 1, 1, 1, 1, 1, 1, 1, 1]
    score = 0
    overloaded = False


class InformalCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformalCheck

    help_request = factory.SubFactory(HelpRequestFactory)
    option = "own_network"
    fits = False
    reason = "Geen familie in de buurt."
    checked_by = factory.SelfAttribute("help_request.taken_by")


class RequestSolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestSolution

    help_request = factory.SubFactory(HelpRequestFactory)
    path = "own_network"


# --- the recipe's test model (tests/recipe, docs/architecture.md; installed by the test settings only) -----

if django_apps.is_installed("tests.recipe"):

    class HomeVisitNoteFactory(factory.django.DjangoModelFactory):
        class Meta:
            model = "recipe.HomeVisitNote"

        resident = factory.SubFactory(ResidentFactory)
        team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())
        written_by = factory.SubFactory(UserFactory)
        note = "Huisbezoek: de post ligt op tafel, samen geordend."


# --- the social map and the collective provisions (issue 11) --------------------------------------


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
