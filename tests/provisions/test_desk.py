"""The administrative help desk and the information point: a question registered in seconds, without a case;
a name only with the visitor's consent; a visitor becomes a resident record only when they agree."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.provisions.models import DeskQuestion
from wijkkracht.provisions.services.desk import desk_question_link_resident, desk_question_log

from ..conftest import login
from ..factories import DeskQuestionFactory, DeskSessionFactory

pytestmark = pytest.mark.django_db


def post_question(client, desk, **data):
    values = {"provision": desk.pk, "channel": "walk_in", "topic": "letters", "outcome": "solved"} | data
    return client.post(reverse("provisions:question-log"), values)


def test_a_desk_volunteer_registers_an_anonymous_question_in_one_post(make_user, desk):
    volunteer = make_user(Role.VOLUNTEER)
    desk.volunteers.add(volunteer)
    session = DeskSessionFactory(provision=desk)
    client = login(Client(), volunteer)
    response = post_question(client, desk, session=session.pk, topic="allowances", outcome="budget_folder")
    assert response.status_code == 302 and f"voorziening={desk.pk}" in response["Location"]
    question = DeskQuestion.objects.get()
    assert (question.topic, question.outcome, question.session, question.anonymous) == (
        "allowances",
        "budget_folder",
        session,
        True,
    )
    assert question.consent_at is None and question.team == desk.team


def test_a_name_without_consent_is_refused_with_a_dutch_message_and_nothing_is_kept(worker, desk):
    client = login(Client(), worker)
    body = post_question(client, desk, visitor_name="Meneer Jansen").content.decode()
    assert "alleen vast als de bezoeker daar toestemming voor geeft" in body
    assert DeskQuestion.objects.count() == 0
    post_question(client, desk, visitor_name="Meneer Jansen", visitor_phone="0612345678", consent="on")
    assert DeskQuestion.objects.get().consent_at is not None


def test_passing_a_question_on_says_to_whom(worker, desk):
    with pytest.raises(ValidationError) as error:
        desk_question_log(provision=desk, topic="debts", outcome="referred", by=worker)
    assert error.value.message_dict == {"passed_to": ["Vul in naar wie de vraag is doorgezet."]}


def test_the_database_refuses_personal_data_without_consent_too(desk, worker, resident_north):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DeskQuestion.objects.create(
            provision=desk, team=desk.team, topic="forms", outcome="solved", registered_by=worker, visitor_name="X"
        )


def test_linking_to_a_resident_needs_consent(worker, desk, resident_north):
    question = desk_question_log(provision=desk, topic="forms", outcome="solved", by=worker)
    with pytest.raises(ValidationError, match="geen toestemming"):
        desk_question_link_resident(question=question, resident=resident_north, by=worker)
    desk_question_link_resident(question=question, resident=resident_north, consent=True, by=worker)
    question.refresh_from_db()
    assert question.resident == resident_north and question.consent_at is not None


def test_an_anonymous_question_is_logged_under_itself_and_a_linked_one_under_the_resident(worker, desk, resident_north):
    anonymous = DeskQuestionFactory(team=desk.team, provision=desk, registered_by=worker)
    linked = DeskQuestionFactory(team=desk.team, provision=desk, registered_by=worker, resident=resident_north)
    client = login(Client(), worker)
    for question in (anonymous, linked):
        assert client.get(reverse("provisions:question-detail", args=[question.public_id])).status_code == 200
    refs = list(AuditEvent.objects.order_by("id").values_list("subject_type", "subject_ref", "object_type"))
    assert refs == [
        ("deskquestion", str(anonymous.public_id), "provisions.DeskQuestion"),
        ("resident", str(resident_north.public_id), "provisions.DeskQuestion"),
    ]


def test_a_volunteer_sees_only_the_questions_they_registered(make_user, desk):
    volunteer, worker = make_user(Role.VOLUNTEER), make_user(Role.WORKER)
    desk.volunteers.add(volunteer)
    session = DeskSessionFactory(provision=desk)
    DeskQuestionFactory(team=desk.team, provision=desk, session=session, registered_by=volunteer, topic="taxes")
    DeskQuestionFactory(team=desk.team, provision=desk, session=session, registered_by=worker, topic="debts")
    page = login(Client(), volunteer).get(reverse("provisions:session-detail", args=[session.pk])).content.decode()
    assert "belastingen" in page and "schulden" not in page
    staff_page = login(Client(), worker).get(reverse("provisions:session-detail", args=[session.pk])).content.decode()
    assert "belastingen" in staff_page and "schulden" in staff_page


def test_another_team_cannot_open_the_question(make_user, city, desk):
    question = DeskQuestionFactory(team=desk.team, provision=desk)
    outsider = make_user(Role.WORKER, teams=[city["team_south"]])
    assert (
        login(Client(), outsider).get(reverse("provisions:question-detail", args=[question.public_id])).status_code
        == 404
    )


def test_the_session_page_takes_the_same_queries_for_two_or_twenty_questions(worker, desk):
    session = DeskSessionFactory(provision=desk)
    client = login(Client(), worker)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("provisions:session-detail", args=[session.pk])).status_code == 200
        return len(ctx)

    for _ in range(2):
        DeskQuestionFactory(team=desk.team, provision=desk, session=session, registered_by=worker)
    few = queries()
    for _ in range(18):
        DeskQuestionFactory(team=desk.team, provision=desk, session=session, registered_by=worker)
    assert queries() == few
    assert AuditEvent.objects.filter(view="provisions:session-detail").count() == 2 + 20
