"""Ten years of case work in the demo city: the seeds' informal-share trend, complete closings, a lively demo caseload.

The demo city (2,000 residents, fixed seed) is generated once for this module, inside a transaction that is
rolled back at the end; each test runs in its own savepoint on top of it.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from stdnum.nl import bsn as stdnum_bsn

from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import (
    FORMAL_PATHS,
    INFORMAL_OPTIONS,
    INFORMAL_PATHS,
    Channel,
    Contact,
    DomainScore,
    HelpRequest,
    InformalCheck,
    LifeDomain,
    PlanAction,
    RequestSolution,
    SelfRelianceAssessment,
    SupportPlan,
)
from wijkkracht.people.bsn import bsn_decrypt, bsn_hash
from wijkkracht.people.models import Resident
from wijkkracht.people.search import resident_search_name
from wijkkracht.synthetic.data.casework import QUESTIONS
from wijkkracht.synthetic.reset import personal_data_models

from ..worlds import shared_world
from .conftest import generate, snapshot

DEMO_SEED = 11


@shared_world
def demo_city():
    """The demo-scale city, generated once for the module (tests/worlds.py); the generator's output."""
    return generate("--scale", "demo", "--seed", str(DEMO_SEED))


@pytest.fixture
def worker(demo_city, db):
    return get_user_model().objects.get(username="wijkwerker")


def casework_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in personal_data_models()}


def informal_share_by_year() -> dict[int, float]:
    """The voorveld figure as the teams report it: of the requests closed in a year, the share solved informally."""
    rows = (
        HelpRequest.objects.filter(status=HelpRequest.Status.CLOSED)
        .annotate(year=ExtractYear("closed_at"))
        .values("year")
        .annotate(closed=Count("id"), informal=Count("id", filter=Q(solved_informally=True)))
    )
    return {r["year"]: 100 * r["informal"] / r["closed"] for r in rows}


def test_the_generator_reports_what_it_made(demo_city, db):
    assert "Hulpvragen sinds 2015 (" in demo_city
    assert "mantelzorgers" in demo_city
    assert HelpRequest.objects.count() > 1_000


def test_the_informal_share_follows_the_seeds_trend(demo_city, db):
    share = informal_share_by_year()

    assert 13 <= share[2015] <= 21
    for year in range(2016, 2026):
        assert 30 <= share[year] <= 38, (year, share[year])


def test_solved_informally_means_an_informal_path_and_no_formal_one(demo_city, db):
    informal = set(RequestSolution.objects.filter(path__in=INFORMAL_PATHS).values_list("help_request", flat=True))
    formal = set(RequestSolution.objects.filter(path__in=FORMAL_PATHS).values_list("help_request", flat=True))
    flagged = set(HelpRequest.objects.filter(solved_informally=True).values_list("pk", flat=True))

    assert flagged == informal - formal
    assert not HelpRequest.objects.exclude(status=HelpRequest.Status.CLOSED).filter(solved_informally__isnull=False)


def test_volume_grows_over_the_years_at_demo_scale(demo_city, db):
    per_year = dict(
        HelpRequest.objects.annotate(year=ExtractYear("received_at")).values_list("year").annotate(n=Count("id"))
    )

    assert set(range(2015, timezone.localdate().year + 1)) <= set(per_year)
    assert all(100 <= per_year[year] <= 220 for year in range(2015, 2026))
    assert per_year[2025] > per_year[2015]


def test_every_closed_request_has_a_path_an_outcome_and_a_closing_date(demo_city, db):
    closed = HelpRequest.objects.filter(status=HelpRequest.Status.CLOSED)

    assert closed.count() > 1_000
    assert not closed.filter(solutions__isnull=True).exists()
    assert not closed.filter(Q(outcome="") | Q(closed_at__isnull=True) | Q(closed_by__isnull=True)).exists()
    assert not closed.filter(closed_at__lt=F("received_at")).exists()


def test_formal_paths_come_only_after_four_informal_options_were_weighed_in_dutch(demo_city, db):
    formal = HelpRequest.objects.filter(solutions__path__in=FORMAL_PATHS).distinct()
    checks = Counter(InformalCheck.objects.values_list("help_request", flat=True))

    assert formal.count() > 100
    assert all(checks[pk] == 4 for pk in formal.values_list("pk", flat=True))
    assert set(InformalCheck.objects.values_list("option", flat=True)) == set(INFORMAL_OPTIONS)
    assert not InformalCheck.objects.filter(Q(reason="") | Q(fits=True)).exists()
    assert InformalCheck.objects.filter(reason__contains="vrijwilliger").exists()
    assert set(checks) == set(formal.values_list("pk", flat=True))  # no checks without a formal path


def test_nothing_older_than_six_months_is_still_open(demo_city, db):
    half_year_ago = timezone.now() - timedelta(days=184)
    open_requests = HelpRequest.objects.exclude(status=HelpRequest.Status.CLOSED)

    assert not open_requests.filter(received_at__lt=half_year_ago).exists()
    assert set(open_requests.values_list("status", flat=True)) == {"intake", "clarification", "support"}
    assert not HelpRequest.objects.filter(received_at__gt=timezone.now()).exists()


def test_every_channel_is_used_and_the_lockdown_moved_walk_in_to_phone(demo_city, db):
    channels = Counter(HelpRequest.objects.values_list("channel", flat=True))
    lockdown = Counter(
        HelpRequest.objects.filter(received_at__date__range=("2020-04-01", "2021-03-31")).values_list(
            "channel", flat=True
        )
    )
    before = Counter(HelpRequest.objects.filter(received_at__year=2019).values_list("channel", flat=True))

    assert set(channels) == set(Channel.values)
    assert channels.most_common(2)[0][0] in ("walk_in", "phone")
    assert lockdown["walk_in"] / lockdown.total() < 0.1 < before["walk_in"] / before.total()
    assert lockdown["phone"] / lockdown.total() > before["phone"] / before.total()


def test_the_lockdown_brought_more_money_questions(demo_city, db):
    money = set(QUESTIONS["finances"])

    def money_share(requests) -> float:
        questions = list(requests.values_list("question", flat=True))
        return sum(q in money for q in questions) / len(questions)

    lockdown = HelpRequest.objects.filter(received_at__date__range=("2020-03-16", "2021-05-31"))
    other = HelpRequest.objects.exclude(received_at__date__range=("2020-03-16", "2021-05-31"))
    assert money_share(lockdown) > money_share(other) > 0.2


def test_questions_are_in_residents_own_words_and_finances_come_first(demo_city, db):
    questions = Counter(HelpRequest.objects.values_list("question", flat=True))

    assert len(questions) > 50
    assert any("brieven" in q or "schulden" in q or "huur" in q for q, _ in questions.most_common(10))


def test_ratings_average_a_nine_minus_for_about_sixty_percent(demo_city, db):
    closed = HelpRequest.objects.filter(status=HelpRequest.Status.CLOSED)
    rated = closed.filter(rating__isnull=False)

    assert 0.5 <= rated.count() / closed.count() <= 0.7
    assert 8.2 <= rated.aggregate(avg=Avg("rating"))["avg"] <= 8.8
    assert not closed.filter(outcome="withdrawn", rating__isnull=False).exists()


def test_contacts_follow_the_request_from_intake(demo_city, db):
    per_request = Counter(
        Contact.objects.filter(context=Contact.Context.HELP_REQUEST).values_list("help_request", flat=True)
    )

    assert len(per_request) == HelpRequest.objects.count()
    assert set(per_request.values()) <= {1, 2, 3, 4, 5}
    first_phone = HelpRequest.objects.filter(channel="phone").first()
    assert first_phone.contacts.order_by("at").first().kind == "call"
    assert not Contact.objects.filter(at__gt=timezone.now()).exists()


def test_assessments_have_thirteen_scores_and_a_second_measurement_shows_change(demo_city, db):
    assessed = SelfRelianceAssessment.objects.values("help_request").distinct().count()
    score_counts = set(
        SelfRelianceAssessment.objects.annotate(n=Count("scores")).values_list("n", flat=True).distinct()
    )
    twice = (SelfRelianceAssessment.objects.values("help_request").annotate(n=Count("id")).filter(n=2)).values_list(
        "help_request", flat=True
    )

    assert score_counts == {len(LifeDomain.values)} == {13}
    assert 0.35 <= assessed / HelpRequest.objects.count() <= 0.6
    assert len(twice) > 50
    changed = 0
    for request_id in list(twice)[:40]:
        first, second = SelfRelianceAssessment.objects.filter(help_request=request_id).order_by("assessed_at")
        levels = lambda a: dict(a.scores.values_list("domain", "level"))  # noqa: E731
        changed += levels(first) != levels(second)
    assert changed >= 30
    assert set(DomainScore.objects.values_list("level", flat=True)) == {1, 2, 3, 4, 5}
    assert set(DomainScore.objects.values_list("strength_source", flat=True)) == {
        "own_strength",
        "network",
        "professional",
    }


def test_households_in_support_have_one_plan_with_actions(demo_city, db):
    in_support = set(HelpRequest.objects.filter(status=HelpRequest.Status.SUPPORT).values_list("household", flat=True))
    plans = SupportPlan.objects.all()

    assert set(plans.values_list("household", flat=True)) == in_support
    assert not plans.filter(goals__isnull=True).exists()
    assert not plans.filter(actions__isnull=True).exists()
    assert PlanAction.objects.filter(owner_user__isnull=True).exclude(owner_name="").exists()


def test_the_demo_worker_has_a_lively_caseload(worker):
    today = timezone.localdate()
    open_statuses = Counter(
        HelpRequest.objects.filter(assigned_to=worker)
        .exclude(status=HelpRequest.Status.CLOSED)
        .values_list("status", flat=True)
    )
    actions = PlanAction.objects.filter(owner_user=worker, done_at__isnull=True)
    watches = WatchContact.objects.filter(owner=worker, ended_at__isnull=True)

    assert open_statuses["intake"] >= 2
    assert open_statuses["clarification"] >= 2
    assert open_statuses["support"] >= 3
    assert actions.filter(due_date__lt=today).exists()  # overdue
    assert actions.filter(due_date__range=(today, today + timedelta(days=7))).exists()  # due this week
    assert watches.filter(next_due__lt=today).count() >= 2  # overdue pilot lights
    assert watches.filter(next_due=today).exists()  # due today
    assert watches.filter(next_due__gt=today).exists()
    assert Signal.objects.filter(team__memberships__user=worker, status=Signal.Status.NEW).exists()


def test_signals_are_triaged_each_way_and_linked(demo_city, db):
    statuses = Counter(Signal.objects.values_list("status", flat=True))

    assert set(statuses) == set(Signal.Status.values)
    assert not Signal.objects.filter(status="to_help_request", help_request__isnull=True).exists()
    assert not Signal.objects.filter(status="to_watch", watch_contact__isnull=True).exists()
    assert not Signal.objects.filter(status="closed", closed_reason="").exists()
    assert not Signal.objects.exclude(status="new").filter(triaged_at__isnull=True).exists()


def test_carers_include_young_carers_and_a_realistic_share_is_overloaded(demo_city, db):
    carers = Carer.objects.select_related("carer")
    strain = CarerStrainAssessment.objects.all()
    today = timezone.localdate()

    assert carers.count() > 200
    assert any(c.is_young(on=c.registered_at.date()) for c in carers)
    assert set(carers.values_list("referral", flat=True)) == set(Carer.Referral.values)
    assert 0.12 <= strain.filter(overloaded=True).count() / strain.count() <= 0.23
    assert all(len(s.answers) == 9 and s.score == sum(a >= 2 for a in s.answers) for s in strain)
    assert carers.filter(ended_at__isnull=False, ended_at__lte=today).exists()


def test_pilot_lights_watch_the_oldest_residents_of_every_team(demo_city, db):
    per_team = Counter(WatchContact.objects.values_list("team", flat=True))
    ages = [
        (timezone.localdate() - born).days / 365.25
        for born in WatchContact.objects.values_list("resident__birth_date", flat=True)
    ]

    assert len(per_team) == 16
    assert min(per_team.values()) >= 4
    assert sum(age >= 65 for age in ages) / len(ages) > 0.9


def test_a_share_of_residents_has_a_valid_encrypted_bsn_and_everyone_a_search_name(demo_city, db):
    with_bsn = Resident.objects.exclude(bsn_hash="")

    assert 0.3 <= with_bsn.count() / Resident.objects.count() <= 0.5
    for resident in with_bsn[:50]:
        digits = bsn_decrypt(resident.bsn_encrypted)
        assert stdnum_bsn.is_valid(digits)
        assert resident.bsn_hash == bsn_hash(digits)
        assert resident.bsn_last_digits == digits[-3:]
        assert digits not in resident.bsn_encrypted
    assert len(set(with_bsn.values_list("bsn_hash", flat=True))) == with_bsn.count()
    for r in Resident.objects.all()[:200]:
        assert r.search_name == resident_search_name(
            first_name=r.first_name, surname_prefix=r.surname_prefix, last_name=r.last_name
        )


def test_running_again_without_reset_changes_nothing(demo_city, db):
    before = snapshot()

    output = generate("--scale", "demo", "--seed", str(DEMO_SEED))

    assert "bestaat al" in output
    assert snapshot() == before


def test_the_same_seed_gives_the_same_case_work_after_a_reset(demo_city, db):
    before = casework_counts()
    questions = list(HelpRequest.objects.order_by("received_at", "id").values_list("question", "channel")[:50])

    generate("--scale", "demo", "--seed", str(DEMO_SEED), "--reset")

    assert casework_counts() == before
    assert list(HelpRequest.objects.order_by("received_at", "id").values_list("question", "channel")[:50]) == questions


def test_reset_deletes_the_case_work_too(demo_city, db):
    generate("--residents", "40", "--seed", "3", "--reset")

    assert Resident.objects.count() == 40
    assert HelpRequest.objects.count() < 200
    assert not HelpRequest.objects.exclude(resident__in=Resident.objects.all()).exists()
    assert not Carer.objects.exclude(carer__in=Resident.objects.all()).exists()
