"""The privacy officer reads the log in Dutch: who (by name), which resident, what, on what basis, why."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Basis, Flag, Purpose, Relationship

from ..conftest import login
from .conftest import visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return login(Client(), make_user(Role.PRIVACY_OFFICER))


@pytest.fixture
def logged_reads(make_user, resident_north, resident_south):
    worker = make_user(Role.WORKER, username="jan", first_name="Jan", last_name="Jansen")
    lead = make_user(Role.TEAM_LEAD, username="petra", first_name="Petra", last_name="de Boer")
    login(Client(), worker).get(reverse("people:resident-detail", args=[resident_north.public_id]))
    login(Client(), lead).get(reverse("people:resident-detail", args=[resident_north.public_id]))
    return worker, lead


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_privacy_officer_searches_the_log_by_resident_and_by_user(officer, logged_reads, resident_north):
    by_resident = officer.get(reverse("audit:log"), {"subject_ref": str(resident_north.public_id)[:8].upper()})
    assert "2 regels" in by_resident.content.decode()
    body = _text(officer.get(reverse("audit:log"), {"username": "PETRA"}))
    assert "1 regel" in body and "Petra de Boer" in body
    # The log shows references, never the resident's name.
    assert resident_north.last_name not in body


def test_one_visit_is_one_line_in_dutch_with_the_nen_7513_fields(officer, logged_reads):
    body = _text(officer.get(reverse("audit:log"), {"username": "jan"}))
    assert "1 regel" in body
    assert "Jan Jansen" in body
    assert "inzage persoonsgegevens: inwonerpagina" in body
    for code in ("people:resident-detail", "bsn_masked", "birth_date", "personal_details", "team_member"):
        assert code not in body
    assert "geboortedatum" in body
    assert "relatie:" in body and "toestemming: nee" in body and "noodgeval: nee" in body


def test_a_read_under_a_grant_and_an_emergency_show_their_basis(officer, make_user):
    specialist = make_user(Role.SPECIALIST, username="sst", first_name="Sam", last_name="Stad")
    visit(
        specialist,
        "3f2a9c1b-0000-0000-0000-000000000001",
        view="api:resident-detail",
        fields=("name", "bsn_masked"),
        basis=f"{Basis.GRANT}:{Purpose.HANDOVER}",
        relationship=Relationship.GRANT_HOLDER,
        consent=True,
    )
    body = _text(officer.get(reverse("audit:log"), {"subject_ref": "3F2A9C1B"}))
    assert "API: inwonerpagina" in body
    assert "BSN (gemaskeerd)" in body
    assert "gedeeld met de organisatie (doel: overdracht)" in body
    assert "ontvanger van gedeelde gegevens" in body and "toestemming: ja" in body


def test_the_log_is_searched_by_period_and_rejects_a_reversed_period(officer, logged_reads):
    none = officer.get(reverse("audit:log"), {"date_from": "2001-01-01", "date_to": "2001-12-31"})
    assert "0 regels" in none.content.decode()
    today = AuditEvent.objects.first().at.date().isoformat()
    assert "2 regels" in officer.get(reverse("audit:log"), {"date_from": today, "date_to": today}).content.decode()
    bad = officer.get(reverse("audit:log"), {"date_from": "2020-02-01", "date_to": "2020-01-01"})
    assert "De begindatum ligt na de einddatum." in bad.content.decode()


def test_a_break_glass_flag_links_to_its_log_line(officer, make_user, resident_south):
    worker = make_user(Role.WORKER, first_name="Jan", last_name="Jansen")
    url = reverse("people:resident-break-glass", args=[resident_south.public_id])
    login(Client(), worker).post(url, {"reason": "Acute zorgen van de huisarts, collega ziek"})
    flag = Flag.objects.get(kind=Flag.Kind.BREAK_GLASS)
    flags_page = officer.get(reverse("audit:flags")).content.decode()
    assert f"{reverse('audit:log')}?melding={flag.pk}" in flags_page
    lines = _text(officer.get(reverse("audit:log"), {"melding": flag.pk}))
    assert "Regels bij de melding “noodtoegang gebruikt”" in lines
    assert "1 regel" in lines and "inzage met noodtoegang" in lines and "noodgeval: ja" in lines
    assert "Acute zorgen van de huisarts" in lines


def test_a_repeated_refusals_flag_says_its_window_in_words_and_lists_the_refusals(officer, make_user, city, settings):
    from ..factories import ResidentFactory

    settings.AUDIT_REFUSAL_FLAG_THRESHOLD = 2
    worker = make_user(Role.WORKER, first_name="Jan", last_name="Jansen")
    client = login(Client(), worker)
    for resident in ResidentFactory.create_batch(2, household__neighbourhood=city["south"]):
        client.get(reverse("people:resident-detail", args=[resident.public_id]))
    flag = Flag.objects.get(kind=Flag.Kind.REPEATED_REFUSALS)
    assert flag.detail == "2 geweigerde verzoeken binnen 10 minuten"
    assert flag.actor_name == "Jan Jansen"
    lines = _text(officer.get(reverse("audit:log"), {"melding": flag.pk}))
    assert "2 geweigerde verzoeken" in lines and "inwonerpagina" in lines and "Jan Jansen" in lines
    assert "0:10:00" not in _text(officer.get(reverse("audit:flags")))


def test_reviewing_a_flag_takes_a_note_that_is_kept_and_shown(officer, make_user):
    flag = Flag.objects.create(kind=Flag.Kind.BREAK_GLASS, actor_username="jan", detail="spoed")
    page = officer.get(reverse("audit:flag-review", args=[flag.pk]))
    assert page.status_code == 200 and "spoed" in page.content.decode()
    without_note = officer.post(reverse("audit:flag-review", args=[flag.pk]), {"note": "  "})
    assert "Schrijf op wat u heeft bekeken en wat u besloot." in without_note.content.decode()
    flag.refresh_from_db()
    assert flag.reviewed_at is None
    officer.post(reverse("audit:flag-review", args=[flag.pk]), {"note": "Gebeld met de teamleider: terecht."})
    flag.refresh_from_db()
    assert flag.reviewed_by and flag.review_note == "Gebeld met de teamleider: terecht."
    assert "spoed" not in officer.get(reverse("audit:flags")).content.decode()
    all_flags = officer.get(reverse("audit:flags"), {"alle": "1"}).content.decode()
    assert "Gebeld met de teamleider: terecht." in all_flags


def test_an_unknown_flag_is_not_found(officer):
    assert officer.get(reverse("audit:log"), {"melding": "999999"}).status_code == 404
    assert officer.get(reverse("audit:log"), {"melding": "abc"}).status_code == 404
