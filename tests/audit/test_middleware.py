"""AuditCallMiddleware: one web request is one audit call."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.middleware import AuditCallMiddleware
from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.audit.services import audit_reads_record, audit_refusal_record, current_call

from .conftest import resident_read

pytestmark = pytest.mark.django_db


def _request(view, user):
    return AuditCallMiddleware(lambda request: view(request, user))(RequestFactory().get("/"))


def test_a_request_reading_a_resident_in_three_sections_writes_one_entry(make_user):
    def page(request, user):
        assert current_call() is not None
        for fields in (("name",), ("question",), ("goals",)):
            audit_reads_record(actor=user, view="people:resident-detail", reads=[resident_read("r1", fields=fields)])
        assert AuditEvent.objects.count() == 0  # appended when the request ends
        return HttpResponse("ok")

    assert _request(page, make_user(Role.WORKER)).status_code == 200
    entry = AuditEvent.objects.get()
    assert entry.fields == ["name", "question", "goals"]
    assert current_call() is None


def test_an_error_answer_logs_nothing(make_user):
    def failing(request, user):
        audit_reads_record(actor=user, view="people:resident-detail", reads=[resident_read("r1")])
        return HttpResponse("kapot", status=500)

    assert _request(failing, make_user(Role.WORKER)).status_code == 500
    assert AuditEvent.objects.count() == 0


def test_a_refused_request_logs_its_refusal_and_no_read(make_user):
    def refused(request, user):
        audit_reads_record(actor=user, view="people:resident-merge-confirm", reads=[resident_read("own")])
        audit_refusal_record(
            actor=user, subject_type="resident", subject_ref="foreign", view="people:resident-merge-confirm"
        )
        return HttpResponse("niet gevonden", status=404)

    assert _request(refused, make_user(Role.WORKER)).status_code == 404
    assert AuditEvent.objects.count() == 0
    assert Refusal.objects.get().subject_ref == "foreign"
