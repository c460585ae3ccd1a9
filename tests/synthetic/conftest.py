"""Fixtures for the synthetic-city tests: a small city (300 residents) and a snapshot of the database."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.audit.models import AuditEvent
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Resident
from wijkkracht.synthetic.reset import personal_data_models

from ..worlds import shared_world

SMALL = 300
SEED = 7
MODELS = (
    CityPart, District, Neighbourhood, PostcodeArea, Organisation, Cluster, Team,
    TOTPDevice, AuditEvent, *personal_data_models(),
)  # fmt: skip


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_city", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Row counts and the generated people, to prove that a command changed nothing."""
    User = get_user_model()
    counts = {model.__name__: model.objects.count() for model in (*MODELS, User)}
    people = list(Resident.objects.order_by("pk").values_list("pk", "first_name", "last_name", "household__postcode"))
    users = list(User.objects.order_by("pk").values_list("pk", "username", "password"))
    return {"counts": counts, "people": people, "users": users}


@shared_world
def small_city():
    """The small city, generated once for the tests of a module that read it (tests/worlds.py: each test's own
    writes are rolled back, so a test that runs a command which must leave the city alone may use it too)."""
    generate("--residents", str(SMALL), "--seed", str(SEED))


@pytest.fixture
def own_small_city(db):
    """The small city, generated for one test: for the tests that change it (a reset, a new superuser)."""
    generate("--residents", str(SMALL), "--seed", str(SEED))
