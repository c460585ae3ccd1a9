"""Signals, pilot-light contacts and carers: the rules the services keep, whoever calls them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.care import services
from wijkkracht.care.ediz import ediz_score
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.care.selectors import carers_received_or_referred
from wijkkracht.cases.models import Contact, HelpRequest

from ..factories import CarerFactory, ResidentFactory, SignalFactory, WatchContactFactory

pytestmark = pytest.mark.django_db

NEE, JA = 1, 3


def messages_of(error) -> str:
    return " ".join(error.value.messages)


# --- EDIZ ------------------------------------------------------------------------------------------


def test_ediz_all_no_scores_zero_and_not_overloaded():
    assert ediz_score([NEE] * 9) == (0, False)
    assert ediz_score([0] * 9) == (0, False)


def test_ediz_min_of_meer_ja_and_ja_each_score_a_point_and_seven_means_overloaded():
    assert ediz_score([2, 3, 4, 0, 1, 0, 1, 0, 1]) == (3, False)
    assert ediz_score([JA] * 6 + [NEE] * 3) == (6, False)
    assert ediz_score([JA] * 7 + [NEE] * 2) == (7, True)
    assert ediz_score([4] * 9) == (9, True)


def test_recording_an_ediz_stores_score_and_overload(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    result = services.carer_strain_record(carer=carer, answers=[JA] * 7 + [NEE] * 2, by=worker)
    assert (result.score, result.overloaded, result.answers) == (7, True, [3] * 7 + [1] * 2)


@pytest.mark.parametrize("answers", [[1] * 8, [1] * 10, [5] + [1] * 8, [-1] + [1] * 8, ["ja"] + [1] * 8, None])
def test_bad_ediz_answers_are_refused_in_dutch_and_nothing_is_saved(make_user, resident_north, answers):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    with pytest.raises(ValidationError) as error:
        services.carer_strain_record(carer=carer, answers=answers, by=worker)
    assert "Beantwoord alle negen uitspraken" in messages_of(error)
    assert CarerStrainAssessment.objects.count() == 0


# --- carers ----------------------------------------------------------------------------------------


def test_a_carer_under_25_is_a_young_carer(make_user, city):
    today = timezone.localdate()
    young = ResidentFactory(household__neighbourhood=city["north"], birth_date=today.replace(year=today.year - 17))
    turned_25 = ResidentFactory(household__neighbourhood=city["north"], birth_date=today.replace(year=today.year - 25))
    assert CarerFactory(carer=young).is_young()
    assert not CarerFactory(carer=turned_25).is_young()


@pytest.mark.parametrize("hours", [-1, 169, None, "tien"])
def test_hours_per_week_must_be_0_to_168(make_user, resident_north, hours):
    worker = make_user(Role.WORKER)
    with pytest.raises(ValidationError) as error:
        services.carer_register(carer=resident_north, cared_for_description="moeder", hours_per_week=hours, by=worker)
    assert "uren per week" in messages_of(error)
    assert Carer.objects.count() == 0


@pytest.mark.parametrize("hours", [0, 168])
def test_the_hour_bounds_themselves_are_accepted(make_user, resident_north, hours):
    worker = make_user(Role.WORKER)
    carer = services.carer_register(
        carer=resident_north, cared_for_description="moeder", hours_per_week=hours, by=worker
    )
    assert carer.hours_per_week == hours


def test_a_carer_needs_someone_to_care_for_and_not_themselves(make_user, resident_north):
    worker = make_user(Role.WORKER)
    with pytest.raises(ValidationError) as error:
        services.carer_register(carer=resident_north, hours_per_week=10, by=worker)
    assert "Kies voor wie de mantelzorger zorgt" in messages_of(error)
    with pytest.raises(ValidationError) as error:
        services.carer_register(carer=resident_north, cared_for=resident_north, hours_per_week=10, by=worker)
    assert "niet voor zichzelf" in messages_of(error)
    assert Carer.objects.count() == 0


def test_referral_is_counted_once_per_carer_as_received_or_referred(make_user, city):
    worker = make_user(Role.WORKER)
    carer_resident = ResidentFactory(household__neighbourhood=city["north"])
    for_mother = CarerFactory(carer=carer_resident, registered_by=worker)
    for_father = CarerFactory(carer=carer_resident, registered_by=worker)
    other = CarerFactory(carer__household__neighbourhood=city["north"], registered_by=worker)
    CarerFactory(carer__household__neighbourhood=city["north"], registered_by=worker)  # never referred
    assert carers_received_or_referred(team=city["team_north"]) == 0

    services.carer_refer(carer=for_mother, by=worker)
    services.carer_refer(carer=for_father, by=worker)
    assert carers_received_or_referred(team=city["team_north"]) == 1  # one carer, two people cared for

    services.carer_mark_received(carer=for_mother, by=worker)
    services.carer_mark_received(carer=other, by=worker)  # came to the centre without a referral
    assert carers_received_or_referred(team=city["team_north"]) == 2
    assert carers_received_or_referred(team=city["team_south"]) == 0
    today = timezone.localdate()
    assert carers_received_or_referred(start=today, end=today) == 2
    assert carers_received_or_referred(end=today - datetime.timedelta(days=1)) == 0


def test_a_carer_is_not_referred_twice(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    services.carer_refer(carer=carer, by=worker)
    with pytest.raises(ValidationError) as error:
        services.carer_refer(carer=carer, by=worker)
    assert "al doorverwezen" in messages_of(error)


# --- signals ---------------------------------------------------------------------------------------


def test_a_signal_about_a_resident_goes_to_the_team_of_their_neighbourhood(make_user, city, resident_south):
    worker = make_user(Role.WORKER)
    signal = services.signal_create(
        source="gp", concern="Mevrouw vergeet haar medicijnen.", resident=resident_south, received_by=worker
    )
    assert signal.team == city["team_south"]


def test_a_signal_about_someone_unknown_goes_to_the_reporting_workers_team(make_user, city):
    worker = make_user(Role.WORKER)
    signal = services.signal_create(
        source="neighbour", concern="Post stapelt zich op.", about="Parisstraat 10", received_by=worker
    )
    assert signal.team == city["team_north"] and signal.status == Signal.Status.NEW


def test_a_worker_in_two_teams_must_choose_the_team(make_user, city):
    worker = make_user(Role.WORKER, teams=[city["team_north"], city["team_south"]])
    with pytest.raises(ValidationError) as error:
        services.signal_create(source="police", concern="Overlast.", about="Flat 3", received_by=worker)
    assert "Kies het team" in messages_of(error)
    signal = services.signal_create(
        source="police", concern="Overlast.", about="Flat 3", team=city["team_south"], received_by=worker
    )
    assert signal.team == city["team_south"]


def test_a_signal_needs_a_concern_and_someone_it_is_about(make_user):
    worker = make_user(Role.WORKER)
    with pytest.raises(ValidationError) as error:
        services.signal_create(source="school", concern=" ", received_by=worker)
    assert "Beschrijf de zorg." in messages_of(error)
    assert "beschrijf over wie" in messages_of(error)
    assert Signal.objects.count() == 0


def _signal(city, worker, **kwargs):
    return SignalFactory(team=city["team_north"], received_by=worker, **kwargs)


def test_triage_to_a_help_request(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    signal = _signal(city, worker, resident=resident_north)
    signal = services.signal_triage_to_request(signal=signal, by=worker, channel="outreach")
    request = HelpRequest.objects.get()
    assert signal.status == Signal.Status.TO_HELP_REQUEST and signal.help_request == request
    assert (request.resident, request.question, request.assigned_to) == (resident_north, signal.concern, worker)
    # The reporter's words, not the resident's: the request says whose they are.
    assert request.reported_by == "buurtbewoner (Buurvrouw op nummer 12)"


def test_a_request_from_a_signal_does_not_pass_the_reporters_words_off_as_the_residents(
    make_user, city, resident_north
):
    from django.test import Client
    from django.urls import reverse

    from ..conftest import login

    worker = make_user(Role.WORKER)
    signal = services.signal_triage_to_request(
        signal=_signal(city, worker, resident=resident_north), by=worker, channel="outreach"
    )
    body = login(Client(), worker).get(reverse("cases:request-detail", args=[signal.help_request.public_id]))
    html = body.content.decode()
    assert "Aanleiding, in de woorden van de melder" in html
    assert "Vraag in eigen woorden" not in html


def test_triage_to_a_request_for_an_unknown_person_needs_a_resident(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    signal = _signal(city, worker)
    with pytest.raises(ValidationError) as error:
        services.signal_triage_to_request(signal=signal, by=worker, channel="outreach")
    assert "Kies de inwoner" in messages_of(error)
    assert HelpRequest.objects.count() == 0
    signal = services.signal_triage_to_request(signal=signal, by=worker, channel="phone", resident=resident_north)
    assert signal.resident == resident_north


def test_triage_to_a_pilot_light_contact(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    signal = _signal(city, worker, resident=resident_north)
    signal = services.signal_triage_to_watch(signal=signal, by=worker, owner=worker, interval_weeks=2)
    watch = WatchContact.objects.get()
    assert signal.status == Signal.Status.TO_WATCH and signal.watch_contact == watch
    assert (watch.owner, watch.interval_weeks, watch.next_due) == (worker, 2, timezone.localdate())


def test_close_needs_a_reason(make_user, city):
    worker = make_user(Role.WORKER)
    signal = _signal(city, worker)
    with pytest.raises(ValidationError) as error:
        services.signal_close(signal=signal, by=worker, reason="  ")
    assert "Geef een reden" in messages_of(error)
    signal.refresh_from_db()
    assert signal.status == Signal.Status.NEW
    signal = services.signal_close(signal=signal, by=worker, reason="Al bekend bij de huisarts.")
    assert (signal.status, signal.triaged_by) == (Signal.Status.CLOSED, worker)


def test_a_triaged_signal_cannot_be_triaged_again(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    signal = _signal(city, worker, resident=resident_north)
    services.signal_close(signal=signal, by=worker, reason="Geen zorg.")
    for triage in (
        lambda: services.signal_triage_to_request(signal=signal, by=worker, channel="outreach"),
        lambda: services.signal_triage_to_watch(signal=signal, by=worker, owner=worker, interval_weeks=4),
        lambda: services.signal_close(signal=signal, by=worker, reason="Nog een keer."),
    ):
        with pytest.raises(ValidationError) as error:
            triage()
        assert "al afgehandeld" in messages_of(error)
    assert HelpRequest.objects.count() == 0 and WatchContact.objects.count() == 0
    signal.refresh_from_db()
    assert signal.closed_reason == "Geen zorg."


# --- pilot-light contacts --------------------------------------------------------------------------


def test_logging_a_contact_moves_the_next_date_by_the_interval(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    watch = services.watch_contact_start(resident=resident_north, owner=worker, interval_weeks=3)
    at = timezone.now() - datetime.timedelta(days=2)
    contact = services.watch_contact_log(watch=watch, by=worker, kind="visit", note="Thee gedronken.", at=at)
    watch.refresh_from_db()
    assert contact.context == Contact.Context.WATCH and contact.resident == resident_north
    assert watch.next_due == timezone.localtime(at).date() + datetime.timedelta(weeks=3)
    assert watch.last_contact_at == at


def test_a_contact_in_the_future_or_on_an_ended_watch_is_refused(make_user, resident_north):
    worker = make_user(Role.WORKER)
    watch = services.watch_contact_start(resident=resident_north, owner=worker, interval_weeks=3)
    with pytest.raises(ValidationError):
        services.watch_contact_log(watch=watch, by=worker, kind="call", at=timezone.now() + datetime.timedelta(days=1))
    services.watch_contact_end(watch=watch, by=worker)
    with pytest.raises(ValidationError) as error:
        services.watch_contact_log(watch=watch, by=worker, kind="call")
    assert "beëindigd" in messages_of(error)
    assert Contact.objects.count() == 0


def test_a_watch_contact_checks_interval_owner_and_one_active_per_resident(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    south_worker = make_user(Role.WORKER, teams=[city["team_south"]])
    volunteer = make_user(Role.VOLUNTEER)
    for owner, weeks in ((worker, 0), (worker, 53), (south_worker, 4), (volunteer, 4)):
        with pytest.raises(ValidationError):
            services.watch_contact_start(resident=resident_north, owner=owner, interval_weeks=weeks)
    services.watch_contact_start(resident=resident_north, owner=worker, interval_weeks=52)
    with pytest.raises(ValidationError) as error:
        services.watch_contact_start(resident=resident_north, owner=worker, interval_weeks=4)
    assert "al een actief waakvlamcontact" in messages_of(error)
    assert WatchContact.objects.count() == 1


def test_a_watch_contact_ends_once(make_user, resident_north):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(resident=resident_north, owner=worker)
    services.watch_contact_end(watch=watch, by=worker)
    assert watch.ended_at is not None
    with pytest.raises(ValidationError):
        services.watch_contact_end(watch=watch, by=worker)
