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
    Notification,
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


class NotificationFactory(factory.django.DjangoModelFactory):
    """A request assigned to a worker (pass recipient=, and help_request= with its resident and team)."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = Notification.Kind.ASSIGNED
    resident = factory.SubFactory(ResidentFactory)
    team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())


# --- the recipe's test model (tests/recipe, docs/architecture.md; installed by the test settings only) -----

if django_apps.is_installed("tests.recipe"):

    class HomeVisitNoteFactory(factory.django.DjangoModelFactory):
        class Meta:
            model = "recipe.HomeVisitNote"

        resident = factory.SubFactory(ResidentFactory)
        team = factory.LazyAttribute(lambda o: o.resident.household.neighbourhood.teams.first() or TeamFactory())
        written_by = factory.SubFactory(UserFactory)
        note = "Huisbezoek: de post ligt op tafel, samen geordend."


# --- volunteering (tests/factories_volunteers.py) ------------------------------------------------

# --- the social map and the collective provisions (tests/factories_provisions.py) ----------------
from .factories_provisions import (  # noqa: E402, F401
    AttendanceFactory,
    CityPassFactory,
    CollectiveProvisionFactory,
    DeskQuestionFactory,
    DeskSessionFactory,
    DriverFactory,
    FoodBankReferralFactory,
    GroupFactory,
    GroupMeetingFactory,
    GroupMemberFactory,
    LanguageProgressFactory,
    LanguageTrackFactory,
    LocationFactory,
    ProviderFactory,
    ReferralFactory,
    ResourceFactory,
    RideBookingFactory,
    RideSlotFactory,
    VehicleFactory,
    WellbeingPrescriptionFactory,
)
from .factories_volunteers import (  # noqa: E402, F401
    ConcernFactory,
    HoursEntryFactory,
    MatchFactory,
    VolunteerFactory,
    VolunteerRequestFactory,
)
