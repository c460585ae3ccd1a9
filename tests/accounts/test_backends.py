"""What a user may do comes from the access policy (access/rules.py) alone, never from Django's
permission tables; a page asks for permissions without a query, and reads the user with their second
factor in one query, with every check of the session and the device kept."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role

from ..conftest import login

pytestmark = pytest.mark.django_db


def test_a_permission_row_in_djangos_tables_does_not_widen_the_policy(make_user):
    volunteer = make_user(Role.VOLUNTEER)
    permission = Permission.objects.filter(codename="view_resident", content_type__app_label="people").first()
    assert permission is not None
    volunteer.user_permissions.add(permission)
    group = Group.objects.create(name="alle inwoners")
    group.permissions.add(permission)
    volunteer.groups.add(group)
    volunteer = type(volunteer).objects.get(pk=volunteer.pk)
    assert not volunteer.has_perm("people.view_resident")
    client = login(Client(), volunteer)
    assert client.get(reverse("people:resident-list")).status_code == 403


def test_the_rules_still_decide(make_user):
    client = login(Client(), make_user(Role.WORKER))
    assert client.get(reverse("people:resident-list")).status_code == 200
    assert client.get(reverse("audit:log")).status_code == 403


def test_a_page_loads_the_user_with_their_organisation_and_asks_no_permission_tables(make_user):
    client = login(Client(), make_user(Role.WORKER))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("workspace:caseload")).status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert not [s for s in sql if "auth_permission" in s]
    assert not [s for s in sql if s.startswith('SELECT "organisations_organisation"')]


def _session_device(client, device) -> None:
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_the_user_is_read_with_the_second_factor_device_in_one_query(make_user):
    client = login(Client(), make_user(Role.WORKER))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("workspace:caseload")).status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert len([s for s in sql if '"otp_totp_totpdevice"' in s and '"accounts_user"' in s]) == 1
    assert not [s for s in sql if s.startswith('SELECT "accounts_user"')]


def test_another_users_device_in_the_session_does_not_pass_the_second_factor(make_user):
    worker, other = make_user(Role.WORKER), make_user(Role.WORKER)
    client = login(Client(), worker)
    _session_device(client, TOTPDevice.objects.create(user=other, name="ander", confirmed=True))
    response = client.get(reverse("workspace:caseload"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert DEVICE_ID_SESSION_KEY not in client.session  # dropped, as django_otp does


def test_an_unconfirmed_device_does_not_pass_the_second_factor(make_user):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    _session_device(client, TOTPDevice.objects.create(user=worker, name="nieuw", confirmed=False))
    assert client.get(reverse("workspace:caseload")).status_code == 302


def test_a_deactivated_user_with_a_valid_device_is_logged_out(make_user):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    type(worker).objects.filter(pk=worker.pk).update(is_active=False)
    response = client.get(reverse("workspace:caseload"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
