"""generate_city: deterministic, idempotent, resettable, and strict about its options."""

import pytest
from django.core.management.base import CommandError
from django.db import transaction

from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.audit.services import Read, audit_reads_record, audit_refusal_record
from wijkkracht.people.models import Household, Resident

from .conftest import SEED, SMALL, generate, snapshot


def first_residents(n: int = 20) -> list[tuple]:
    return list(
        Resident.objects.order_by("pk").values_list(
            "first_name", "surname_prefix", "last_name", "birth_date", "household__street", "household__postcode"
        )[:n]
    )


@pytest.mark.django_db
def test_generates_the_requested_number_of_residents_with_progress():
    output = generate("--residents", str(SMALL), "--seed", str(SEED))

    assert Resident.objects.count() == SMALL
    assert 100 <= Household.objects.count() <= 150
    assert f"Inwoners: {SMALL}/{SMALL}" in output
    assert "Klaar in" in output


@pytest.mark.django_db
def test_same_seed_after_reset_gives_the_same_city():
    generate("--residents", str(SMALL), "--seed", str(SEED))
    before = first_residents()

    generate("--residents", str(SMALL), "--seed", str(SEED), "--reset")

    assert first_residents() == before
    assert Resident.objects.count() == SMALL


@pytest.mark.django_db
def test_another_seed_gives_other_people():
    generate("--residents", str(SMALL), "--seed", str(SEED))
    before = first_residents()

    generate("--residents", str(SMALL), "--seed", str(SEED + 1), "--reset")

    assert first_residents() != before


@pytest.mark.django_db
def test_second_run_without_reset_changes_nothing(small_city):
    before = snapshot()

    output = generate("--residents", "5000", "--seed", "99")

    assert "bestaat al" in output
    assert output.count("\n") == 1
    assert snapshot() == before


@pytest.mark.django_db
def test_reset_keeps_superusers(own_small_city, django_user_model):
    admin = django_user_model.objects.create_superuser("operator", password="een-lang-wachtwoord")

    generate("--residents", str(SMALL), "--seed", str(SEED), "--reset")

    assert django_user_model.objects.filter(pk=admin.pk).exists()
    assert Resident.objects.count() == SMALL


BAD_FLAGS = [
    (["--scale", "groot"], "Onbekende schaal"),
    (["--residents", "0"], "--residents moet tussen 1 en"),
    (["--residents", "-5"], "--residents moet tussen 1 en"),
    (["--residents", "500001"], "--residents moet tussen 1 en"),
    (["--residents", "veel"], "moet een geheel getal zijn"),
    (["--seed", "-1"], "--seed moet tussen 0 en"),
    (["--seed", "abc"], "moet een geheel getal zijn"),
    (["--seed", "99999999999"], "--seed moet tussen 0 en"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("flags", "message"), BAD_FLAGS)
def test_bad_flags_are_refused_in_dutch_on_an_empty_database(flags, message):
    with pytest.raises(CommandError, match=message):
        generate(*flags)

    assert all(count == 0 for count in snapshot()["counts"].values())


@pytest.mark.django_db
@pytest.mark.parametrize(("flags", "message"), BAD_FLAGS)
def test_bad_flags_with_reset_leave_the_existing_city_alone(small_city, flags, message):
    before = snapshot()

    with pytest.raises(CommandError, match=message):
        generate(*flags, "--reset")

    assert snapshot() == before


@pytest.mark.django_db
def test_scale_names_are_accepted_case_insensitively():
    # Only checks the option; --residents keeps the run small.
    output = generate("--scale", "CITY", "--residents", "50")

    assert "schaal city" in output
    assert Resident.objects.count() == 50


@pytest.mark.django_db
def test_reset_never_touches_the_audit_tables(own_small_city, django_user_model):
    worker = django_user_model.objects.get(username="wijkwerker")
    resident = Resident.objects.order_by("pk").first()
    with transaction.atomic():
        audit_reads_record(
            actor=worker,
            view="test",
            reads=[
                Read(
                    subject_ref=resident.reference,
                    object_type="people.Resident",
                    category="personal_details",
                    fields=("first_name",),
                    purpose="case_work",
                    basis="neighbourhood",
                )
            ],
        )
    audit_refusal_record(actor=worker, subject_type="resident", subject_ref=resident.reference, view="test")
    before = list(AuditEvent.objects.values_list("pk", "hash")), list(Refusal.objects.values_list("pk", "subject_ref"))

    generate("--residents", str(SMALL), "--seed", str(SEED), "--reset")

    after = list(AuditEvent.objects.values_list("pk", "hash")), list(Refusal.objects.values_list("pk", "subject_ref"))
    assert after == before
    assert len(before[0]) == 1


@pytest.mark.django_db
def test_a_kept_superuser_with_a_demo_username_is_refused_in_dutch(own_small_city, django_user_model):
    django_user_model.objects.filter(username="beheer").update(is_superuser=True)
    before = snapshot()

    with pytest.raises(CommandError, match="beheer is al in gebruik"):
        generate("--residents", str(SMALL), "--reset")

    assert snapshot() == before
