"""The rules of a help request: its statuses, informal first, closing. Nothing is saved half."""

import pytest
from django.core.exceptions import ValidationError

from wijkkracht.cases.models import HelpRequest, InformalCheck, RequestSolution
from wijkkracht.cases.services.requests import (
    INFORMAL_FIRST_MESSAGE,
    TRANSITIONS,
    help_request_assign,
    help_request_close,
    help_request_move,
    help_request_reopen,
    help_request_start_clarification,
    help_request_start_support,
    informal_check_record,
)

from .conftest import all_informal_checks

pytestmark = pytest.mark.django_db
Status = HelpRequest.Status


def messages_of(excinfo) -> list[str]:
    return [str(m) for m in excinfo.value.messages]


def reload(obj):
    return HelpRequest.objects.get(pk=obj.pk)


# --- the state machine --------------------------------------------------------------------------


def test_a_request_moves_from_intake_to_clarification_to_support(help_request, worker):
    assert help_request.status == Status.INTAKE
    help_request_start_clarification(help_request=help_request, by=worker)
    assert reload(help_request).status == Status.CLARIFICATION
    help_request_start_support(help_request=help_request, by=worker)
    assert reload(help_request).status == Status.SUPPORT


def test_every_status_has_its_allowed_next_steps_declared():
    assert set(TRANSITIONS) == set(Status.values)
    assert Status.SUPPORT not in TRANSITIONS[Status.INTAKE]  # no skipping the clarification


def test_skipping_clarification_is_refused_in_dutch(help_request, worker):
    with pytest.raises(ValidationError) as e:
        help_request_start_support(help_request=help_request, by=worker)
    assert messages_of(e) == ["Een hulpvraag met status 'aanmelding' kan niet naar 'ondersteuning'."]
    assert reload(help_request).status == Status.INTAKE


def test_closing_is_not_a_plain_status_move(help_request, worker):
    with pytest.raises(ValidationError) as e:
        help_request_move(help_request=help_request, to=Status.CLOSED, by=worker)
    assert messages_of(e) == ["Sluit een hulpvraag af met het afsluitformulier."]


def test_a_closed_request_does_not_move_and_cannot_be_closed_again(help_request, worker):
    help_request_close(help_request=help_request, by=worker, paths=["advice_only"], outcome="solved")
    with pytest.raises(ValidationError) as e:
        help_request_start_clarification(help_request=help_request, by=worker)
    assert messages_of(e) == ["Deze hulpvraag is afgesloten. Heropen hem eerst."]
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=["volunteer"], outcome="solved")
    assert messages_of(e) == ["Deze hulpvraag is al afgesloten."]
    assert list(RequestSolution.objects.values_list("path", flat=True)) == ["advice_only"]


def test_reopening_takes_a_closed_request_back_to_support_and_clears_the_closing(help_request, worker):
    help_request_close(help_request=help_request, by=worker, paths=["volunteer"], outcome="solved", rating=8)
    help_request_reopen(help_request=help_request, by=worker)
    hr = reload(help_request)
    assert (hr.status, hr.outcome, hr.rating, hr.closed_at, hr.solved_informally) == (
        Status.SUPPORT,
        "",
        None,
        None,
        None,
    )
    assert not RequestSolution.objects.exists()
    with pytest.raises(ValidationError) as e:
        help_request_reopen(help_request=help_request, by=worker)
    assert messages_of(e) == ["Alleen een afgesloten hulpvraag kan worden heropend."]


# --- assigning ----------------------------------------------------------------------------------


def test_a_request_is_given_to_a_worker_of_its_own_team_only(help_request, make_user, city):
    colleague = make_user("team_lead")
    help_request_assign(help_request=help_request, worker=colleague)
    assert reload(help_request).assigned_to == colleague

    outsider = make_user("worker", teams=[city["team_south"]])
    with pytest.raises(ValidationError) as e:
        help_request_assign(help_request=help_request, worker=outsider)
    assert messages_of(e) == ["Kies een wijkwerker of teamleider van Wijkteam Noord."]
    assert reload(help_request).assigned_to == colleague


# --- informal first -----------------------------------------------------------------------------


def test_an_informal_option_that_does_not_fit_needs_a_reason(help_request, worker):
    with pytest.raises(ValidationError) as e:
        informal_check_record(help_request=help_request, option="own_network", fits=False, reason="  ", by=worker)
    assert e.value.message_dict == {"reason": ["Schrijf op waarom deze mogelijkheid niet past."]}
    assert not InformalCheck.objects.exists()


def test_only_the_four_informal_options_are_weighed(help_request, worker):
    with pytest.raises(ValidationError) as e:
        informal_check_record(help_request=help_request, option="wmo_provision", fits=True, by=worker)
    assert e.value.message_dict == {"option": ["Kies een van de informele mogelijkheden."]}


def test_weighing_an_option_again_replaces_the_earlier_answer(help_request, worker):
    informal_check_record(
        help_request=help_request, option="volunteer", fits=False, reason="Geen vrijwilliger", by=worker
    )
    informal_check_record(help_request=help_request, option="volunteer", fits=True, reason="vergeten", by=worker)
    check = InformalCheck.objects.get()
    assert (check.fits, check.reason) == (True, "")


def test_a_formal_path_is_refused_before_the_informal_first_step_and_nothing_is_saved(help_request, worker):
    informal_check_record(help_request=help_request, option="own_network", fits=False, reason="Geen familie", by=worker)
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=["wmo_provision"], outcome="solved", rating=7)
    assert e.value.message_dict == {"paths": [str(INFORMAL_FIRST_MESSAGE)]}
    assert str(INFORMAL_FIRST_MESSAGE).startswith("Doorloop eerst de stap 'informeel eerst'")
    hr = reload(help_request)
    assert (hr.status, hr.outcome, hr.rating, hr.closed_at) == (Status.INTAKE, "", None, None)
    assert not RequestSolution.objects.exists()


def test_a_formal_path_is_allowed_once_all_four_informal_options_are_weighed(help_request, worker):
    all_informal_checks(help_request, worker)
    help_request_close(help_request=help_request, by=worker, paths=["warm_handover"], outcome="partly_solved")
    hr = reload(help_request)
    assert hr.status == Status.CLOSED
    assert hr.closed_by == worker and hr.closed_at is not None
    assert hr.solved_informally is False


def test_closing_without_a_solution_path_is_refused(help_request, worker):
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=[], outcome="solved")
    assert e.value.message_dict == {"paths": ["Kies minstens één oplossingsroute."]}
    assert reload(help_request).status == Status.INTAKE


def test_closing_needs_an_outcome(help_request, worker):
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=["volunteer"], outcome="")
    assert e.value.message_dict == {"outcome": ["Kies de uitkomst."]}


@pytest.mark.parametrize("rating", [0, 11, -1, "acht", 7.5])
def test_a_rating_outside_1_to_10_is_refused(help_request, worker, rating):
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=["volunteer"], outcome="solved", rating=rating)
    assert e.value.message_dict == {"rating": ["Een rapportcijfer is een heel getal van 1 tot en met 10."]}
    assert reload(help_request).status == Status.INTAKE


@pytest.mark.parametrize("rating,stored", [(1, 1), (10, 10), ("6", 6), (None, None), ("", None)])
def test_a_rating_of_1_to_10_or_none_is_kept(help_request, worker, rating, stored):
    help_request_close(help_request=help_request, by=worker, paths=["volunteer"], outcome="solved", rating=rating)
    assert reload(help_request).rating == stored


@pytest.mark.parametrize(
    "paths,informal",
    [
        (["own_network"], True),
        (["volunteer", "neighbour_help"], True),
        (["social_map_referral"], True),
        (["advice_only"], False),
        (["volunteer", "wmo_provision"], False),
        (["warm_handover"], False),
    ],
)
def test_solved_informally_means_an_informal_path_and_no_formal_one(help_request, worker, paths, informal):
    all_informal_checks(help_request, worker)
    help_request_close(help_request=help_request, by=worker, paths=paths, outcome="solved")
    hr = reload(help_request)
    assert hr.solved_informally is informal
    assert sorted(hr.solutions.values_list("path", flat=True)) == sorted(paths)


def test_all_errors_of_a_closing_are_given_at_once(help_request, worker):
    with pytest.raises(ValidationError) as e:
        help_request_close(help_request=help_request, by=worker, paths=[], outcome="", rating=12)
    assert set(e.value.message_dict) == {"paths", "outcome", "rating"}


def test_a_closed_request_takes_no_more_informal_checks(help_request, worker):
    help_request_close(help_request=help_request, by=worker, paths=["advice_only"], outcome="solved")
    with pytest.raises(ValidationError) as e:
        informal_check_record(help_request=help_request, option="volunteer", fits=True, by=worker)
    assert messages_of(e) == ["Deze hulpvraag is afgesloten. Heropen hem eerst."]
    assert not InformalCheck.objects.exists()
