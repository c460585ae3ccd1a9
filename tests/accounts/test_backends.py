"""What a user may do comes from the access policy (access/rules.py) alone, never from Django's
permission tables; a page asks for permissions without a query."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
