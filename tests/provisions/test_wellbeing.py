"""Welzijn op Recept: the GP writes, the centre's coach works it through, the GP sees the outcome of their own
prescriptions only."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.provisions.models import WellbeingPrescription
from wijkkracht.provisions.services.wellbeing import prescription_write

from ..conftest import login
from ..factories import ResourceFactory, WellbeingPrescriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gp(make_user):
    return make_user(Role.GP, first_name="Anouk", last_name="Brouwer")


def test_the_gp_writes_the_coach_works_and_the_gp_sees_the_outcome(gp, centre, make_user):
    coach = make_user(Role.CENTRE_STAFF, teams=[centre])
    activity = ResourceFactory(name="Koffieochtend Noord")
    gp_client = login(Client(), gp)
    gp_client.post(
        reverse("provisions:gp-create"),
        {
            "team": centre.pk,
            "patient_name": "Mevrouw Yilmaz",
            "reason": "loneliness",
            "reason_note": "Weinig contacten",
        },
    )
    prescription = WellbeingPrescription.objects.get()
    assert (prescription.gp, prescription.team, prescription.status) == (gp, centre, "received")

    coach_client = login(Client(), coach)
    step = reverse("provisions:prescription-step", args=[prescription.public_id])
    coach_client.post(step, {"step": "contact", "contact-wellbeing_before": "4"})
    coach_client.post(step, {"step": "agree", "agree-activities": [activity.pk], "agree-note": "Elke week"})
    coach_client.post(step, {"step": "close", "close-wellbeing_after": "7", "close-outcome": "fewer"})
    prescription.refresh_from_db()
    assert (prescription.status, prescription.wellbeing_before, prescription.wellbeing_after) == ("closed", 4, 7)

    page = gp_client.get(reverse("provisions:gp-detail", args=[prescription.public_id])).content.decode()
    assert "minder klachten" in page and "Koffieochtend Noord" in page
    entry = AuditEvent.objects.filter(actor_id=gp.pk).latest("id")
    assert (entry.basis, entry.relationship) == ("own", "own")


def test_a_gp_never_sees_another_gps_prescription_nor_the_centres_list(gp, centre):
    other = WellbeingPrescriptionFactory(team=centre)
    client = login(Client(), gp)
    assert client.get(reverse("provisions:gp-detail", args=[other.public_id])).status_code == 404
    assert client.get(reverse("provisions:prescription-list")).status_code == 403
    assert other.patient_name not in client.get(reverse("provisions:gp-list")).content.decode()


def test_a_prescription_without_a_gp_is_refused(centre, make_user):
    staff = make_user(Role.CENTRE_STAFF, teams=[centre])
    with pytest.raises(ValidationError) as error:
        prescription_write(gp=None, team=centre, patient_name="X", reason="gloom", by=staff)
    assert "heeft een huisarts nodig" in error.value.message_dict["gp"][0]
    body = (
        login(Client(), staff)
        .post(reverse("provisions:prescription-create"), {"team": centre.pk, "patient_name": "X", "reason": "gloom"})
        .content.decode()
    )
    assert "heeft een huisarts nodig" in body and WellbeingPrescription.objects.count() == 0


def test_closing_needs_the_measurement_after(gp, centre, make_user):
    coach = make_user(Role.CENTRE_STAFF, teams=[centre])
    prescription = WellbeingPrescriptionFactory(gp=gp, team=centre)
    client = login(Client(), coach)
    step = reverse("provisions:prescription-step", args=[prescription.public_id])
    client.post(step, {"step": "contact", "contact-wellbeing_before": "5"})
    body = client.post(step, {"step": "close", "close-outcome": "fewer"}).content.decode()
    assert "Er is nog 1 ding niet goed" in body
    prescription.refresh_from_db()
    assert prescription.status == "contacted"
