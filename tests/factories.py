"""Test data. Every test builds what it needs through these factories."""

import datetime

import factory
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.models import TeamMembership, User
from wijkkracht.accounts.roles import Role
from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Household, Resident

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


class AccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessGrant

    resident = factory.SubFactory(ResidentFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    purpose = "handover"
    ground = AccessGrant.Ground.CONSENT
    valid_until = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
