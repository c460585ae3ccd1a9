"""The recipe of docs/architecture.md, followed for a test model (tests/recipe/: a home-visit note): what the
six places buy. The model declares its personal data once; the kernel does the rest."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.access.known import resident_visibility
from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.core.personal_data import registry
from wijkkracht.synthetic.reset import personal_data_models

from ..conftest import login
from ..factories import AccessGrantFactory, HomeVisitNoteFactory, TeamFactory
from .test_url_matrix import _outcome
from .world import url_samples

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.recipe.urls")]

# Step 5: what each role must get (written out, not derived from the permission).
EXPECTED = {
    Role.WORKER: "ok",  # of the team that owns the note
    Role.CENTRE_STAFF: "forbidden",  # another team serving the same neighbourhood
    Role.SPECIALIST: "forbidden",  # nothing shared with their organisation
    Role.POLICY_ANALYST: "forbidden",
    Role.VOLUNTEER: "forbidden",
}


@pytest.fixture
def note(make_user, city, resident_north):
    return HomeVisitNoteFactory(resident=resident_north, team=city["team_north"], written_by=make_user(Role.WORKER))


def _get(user, note):
    return login(Client(), user).get(reverse("recipe:note", args=[note.public_id]))


def test_step_1_the_declaration_registers_the_model():
    labels = [spec.label for spec in registry()]
    assert "recipe.HomeVisitNote" in labels


def test_every_role_gets_what_the_rule_says(make_user, city, note):
    centre = TeamFactory(name="Wijkcentrum Noord", kind="community_centre", neighbourhoods=[city["north"]])
    users = {
        Role.WORKER: make_user(Role.WORKER),
        Role.CENTRE_STAFF: make_user(Role.CENTRE_STAFF, teams=[centre]),
        Role.SPECIALIST: make_user(Role.SPECIALIST),
        Role.POLICY_ANALYST: make_user(Role.POLICY_ANALYST),
        Role.VOLUNTEER: make_user(Role.VOLUNTEER),
    }
    path = reverse("recipe:note", args=[note.public_id])
    got = {role: _outcome(_get(user, note), path) for role, user in users.items()}
    assert got == EXPECTED


def test_a_read_is_one_audit_entry_with_its_basis_and_a_refusal_none(make_user, city, note):
    response = _get(note.written_by, note)
    assert "de post ligt op tafel" in response.content.decode()
    (entry,) = AuditEvent.objects.all()
    assert (entry.subject_ref, entry.object_type, entry.fields) == (
        str(note.resident.public_id),
        "recipe.HomeVisitNote",
        ["note"],
    )
    assert (entry.basis, entry.relationship, entry.categories) == ("team", "handler", ["help_requests"])

    outsider = make_user(Role.WORKER, teams=[city["team_south"]])
    assert _get(outsider, note).status_code == 404
    assert AuditEvent.objects.count() == 1
    assert Refusal.objects.filter(actor_id=outsider.pk).exists()


def test_a_grant_for_its_category_opens_it_to_another_organisation(make_user, city, note):
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(resident=note.resident, organisation=city["sst"], category=AccessGrant.Category.HELP_REQUESTS)
    assert _get(specialist, note).status_code == 200
    entry = AuditEvent.objects.get(actor_id=specialist.pk)
    assert (entry.basis, entry.relationship) == ("grant:handover", "grant_holder")


def test_the_rest_follows_from_the_declaration(make_user, city, users_by_role, note):
    # the synthetic reset deletes it (children before parents), the URL matrix has a sample of it,
    # and the resident page says which team holds such records about the resident, on what ground
    assert note._meta.model in personal_data_models()
    samples = url_samples(city=city, users=users_by_role, resident=note.resident)
    assert "recipe.HomeVisitNote" in samples
    help_requests = next(row for row in resident_visibility(note.resident) if row["category"] == "help_requests")
    assert any(w["name"] == "Wijkteam Noord" for w in help_requests["who"])


@pytest.fixture
def users_by_role(make_user):
    return {role: make_user(role) for role in Role.values}
