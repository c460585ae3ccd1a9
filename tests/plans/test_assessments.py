"""The ZRM: a worker scores all 13 life domains, and later moments show the change."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import DomainScore, SelfRelianceAssessment
from wijkkracht.cases.selectors.plans import assessment_history
from wijkkracht.cases.services.assessments import assessment_create

from ..conftest import login
from ..factories import AccessGrantFactory, HelpRequestFactory
from .helpers import all_scores, make_assessment, post_data, reads, refusals, verified

pytestmark = pytest.mark.django_db


def _create(resident, worker, scores, **kwargs):
    return assessment_create(household=resident.household, resident=resident, by=worker, scores=scores, **kwargs)


# --- the service ---------------------------------------------------------------------------------


def test_a_complete_assessment_is_saved_with_thirteen_scores(make_user, resident_north):
    worker = make_user(Role.WORKER)
    assessment = _create(resident_north, worker, all_scores(level=4, housing=(2, "professional")), note="Eerste meting")
    assert assessment.scores.count() == 13
    assert assessment.scores.get(domain="housing").level == 2
    assert assessment.scores.get(domain="housing").strength_source == "professional"


def test_a_missing_domain_is_refused_in_dutch_and_nothing_is_saved(make_user, resident_north):
    scores = all_scores()
    del scores["finances"]
    with pytest.raises(ValidationError) as error:
        _create(resident_north, make_user(Role.WORKER), scores)
    assert "Vul voor financiën een niveau en de bron van kracht in." in error.value.message_dict["finances"]
    assert SelfRelianceAssessment.objects.count() == 0
    assert DomainScore.objects.count() == 0


def test_level_six_is_refused(make_user, resident_north):
    with pytest.raises(ValidationError) as error:
        _create(resident_north, make_user(Role.WORKER), all_scores(justice=(6, "network")))
    assert error.value.message_dict["justice"] == ["Kies voor justitie een niveau van 1 tot en met 5."]
    assert SelfRelianceAssessment.objects.count() == 0


def test_the_strength_source_is_required(make_user, resident_north):
    with pytest.raises(ValidationError) as error:
        _create(resident_north, make_user(Role.WORKER), all_scores(housing=(3, "")))
    assert error.value.message_dict["housing"] == ["Kies voor huisvesting waar de kracht vandaan komt."]


def test_a_help_request_of_someone_else_is_refused(make_user, resident_north, city):
    worker = make_user(Role.WORKER)
    other_request = HelpRequestFactory(resident__household__neighbourhood=city["north"], taken_by=worker)
    with pytest.raises(ValidationError) as error:
        _create(resident_north, worker, all_scores(), help_request=other_request)
    assert "Deze hulpvraag hoort niet bij deze inwoner." in error.value.messages


# --- the history -----------------------------------------------------------------------------------


def test_history_shows_the_change_between_two_moments(make_user, resident_north):
    worker = make_user(Role.WORKER)
    make_assessment(resident_north, by=worker, days_ago=30, level=3, finances=(1, "professional"))
    make_assessment(
        resident_north, by=worker, days_ago=1, level=3, finances=(3, "network"), housing=(2, "own_strength")
    )

    history = assessment_history(user=verified(worker), resident_public_id=resident_north.public_id, view="test")

    assert len(history.moments) == 2
    assert history.moments[0].assessed_at < history.moments[1].assessed_at  # oldest left
    rows = {row.domain: row for row in history.rows}
    assert [row.domain for row in history.rows][:2] == ["finances", "work_education"]
    assert [c.level for c in rows["finances"].cells] == [1, 3]
    assert [c.change for c in rows["finances"].cells] == ["", "up"]
    assert rows["finances"].latest.source_label == "netwerk"
    assert [c.change for c in rows["housing"].cells] == ["", "down"]
    assert [c.change for c in rows["justice"].cells] == ["", "same"]
    # Where the strength comes from in the latest moment: 12 own strength + 1 network = 13 informal.
    assert history.informal_count == 13


def test_history_page_shows_arrows_and_where_the_strength_comes_from(make_user, resident_north):
    worker = make_user(Role.WORKER)
    make_assessment(resident_north, by=worker, days_ago=30, level=2, source="professional")
    make_assessment(resident_north, by=worker, days_ago=1, level=4, source="network")
    response = login(Client(), worker).get(reverse("cases:assessment-history", args=[resident_north.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "↑" in html
    assert "professionele hulp" in html and "netwerk" in html
    assert "komt de kracht in 13 leefgebieden uit eigen kracht of het netwerk" in html
    assert reads(subject_ref=str(resident_north.public_id), view="cases:assessment-history").count() == 1


def test_history_of_a_resident_of_another_team_is_not_found_and_not_logged_as_read(make_user, resident_south):
    worker = make_user(Role.WORKER)
    make_assessment(resident_south, by=worker)
    response = login(Client(), worker).get(reverse("cases:assessment-history", args=[resident_south.public_id]))
    assert response.status_code == 404
    assert not reads(subject_ref=str(resident_south.public_id)).exists()
    assert refusals(subject_ref=str(resident_south.public_id)).count() == 1


def test_a_specialist_sees_the_zrm_only_with_a_support_plan_grant(make_user, resident_north, city):
    specialist = make_user(Role.SPECIALIST)
    make_assessment(resident_north, by=make_user(Role.WORKER))
    url = reverse("cases:assessment-history", args=[resident_north.public_id])
    client = login(Client(), specialist)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")
    assert client.get(url).status_code == 404
    assert not reads(subject_ref=str(resident_north.public_id)).exists()

    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="support_plan")
    assert client.get(url).status_code == 200
    entry = reads(subject_ref=str(resident_north.public_id)).get()
    assert entry.purpose == "handover"
    assert entry.object_type == "people.Resident,cases.SelfRelianceAssessment"  # one entry for the call
    assert (
        entry.categories == ["support_plan"]
        and entry.basis == "grant:handover"
        and entry.relationship == "grant_holder"
    )


# --- the form --------------------------------------------------------------------------------------


def test_a_worker_fills_in_the_zrm_on_the_form(make_user, resident_north):
    worker = make_user(Role.WORKER)
    help_request = HelpRequestFactory(resident=resident_north, taken_by=worker)
    client = login(Client(), worker)
    url = reverse("cases:assessment-create", args=[resident_north.public_id]) + f"?hulpvraag={help_request.public_id}"
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('type="radio"') == 13 * 5
    assert "acute problematiek" in page.content.decode()

    response = client.post(url, {**post_data(level=4, finances=(2, "network")), "note": "Na huisbezoek"})
    assert response.status_code == 302  # back to the request it was opened from, at the ZRM
    assert response["Location"].startswith(reverse("cases:request-detail", args=[help_request.public_id]))
    assert response["Location"].endswith("#zrm")
    assessment = SelfRelianceAssessment.objects.get()
    assert assessment.help_request == help_request
    assert assessment.assessed_by == worker
    assert assessment.scores.get(domain="finances").level == 2


def test_the_form_with_a_missing_domain_shows_a_dutch_error_and_saves_nothing(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    data = post_data()
    del data["level_housing"]
    data["source_justice"] = ""
    response = client.post(reverse("cases:assessment-create", args=[resident_north.public_id]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een niveau." in html
    assert "Kies waar de kracht vandaan komt." in html
    assert "Er is nog niets opgeslagen." in html
    assert SelfRelianceAssessment.objects.count() == 0


def test_the_form_is_filled_in_with_the_previous_moment(make_user, resident_north):
    worker = make_user(Role.WORKER)
    make_assessment(resident_north, by=worker, level=2, source="professional", finances=(4, "network"))
    client = login(Client(), worker)
    url = reverse("cases:assessment-create", args=[resident_north.public_id])
    html = client.get(url).content.decode()
    assert "vorige keer: 2, professionele hulp" in html
    form = client.get(url).context["form"]
    assert form["level_finances"].value() == "4" and form["source_finances"].value() == "network"
    assert form["level_housing"].value() == "2" and form["source_housing"].value() == "professional"
    assert html.count("checked") == 13  # every domain already has its level

    # Only what changed is touched: the rest is sent as it was filled in.
    data = {**post_data(level=2, source="professional", finances=(4, "network")), "level_housing": "3"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:assessment-history", args=[resident_north.public_id])
    latest = SelfRelianceAssessment.objects.order_by("-assessed_at", "-id").first()
    assert latest.scores.get(domain="housing").level == 3
    assert latest.scores.get(domain="finances").level == 4


def test_centre_staff_may_not_fill_in_a_zrm(make_user, resident_north):
    client = login(Client(), make_user(Role.CENTRE_STAFF))
    response = client.post(reverse("cases:assessment-create", args=[resident_north.public_id]), post_data())
    assert response.status_code == 403
    assert SelfRelianceAssessment.objects.count() == 0


def test_the_zrm_form_for_a_resident_of_another_team_is_not_found(make_user, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(reverse("cases:assessment-create", args=[resident_south.public_id]), post_data())
    assert response.status_code == 404
    assert SelfRelianceAssessment.objects.count() == 0
    assert not reads(subject_ref=str(resident_south.public_id)).exists()
