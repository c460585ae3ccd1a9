"""The demo users: one per role, the shared password, a TOTP device (not for beleid), demo_otp."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role
from wijkkracht.synthetic.demo import DEMO_PASSWORD, DEMO_USERS, demo_totp_secret_base32

EXPECTED = {
    "wijkwerker": Role.WORKER,
    "teamleider": Role.TEAM_LEAD,
    "coordinator": Role.VOLUNTEER_COORDINATOR,
    "vrijwilliger": Role.VOLUNTEER,
    "wijkcentrum": Role.CENTRE_STAFF,
    "specialist": Role.SPECIALIST,
    "brandpunt": Role.ESCALATION_OFFICER,
    "beleid": Role.POLICY_ANALYST,
    "privacy": Role.PRIVACY_OFFICER,
    "beheer": Role.FUNCTIONAL_ADMIN,
    "huisarts": Role.GP,
    "aanbieder": Role.PROVIDER,
}


def run(command: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_one_demo_user_per_role_with_the_demo_password(small_city, django_user_model):
    assert {u.username: u.role for u in DEMO_USERS} == EXPECTED
    assert set(EXPECTED.values()) == set(Role.values)
    for username, role in EXPECTED.items():
        user = django_user_model.objects.get(username=username)
        assert user.role == role
        assert user.organisation is not None
        assert user.check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_demo_worker_works_in_stedenwijk(small_city, django_user_model):
    worker = django_user_model.objects.get(username="wijkwerker")

    assert list(worker.teams.values_list("name", flat=True)) == ["Wijkteam Stedenwijk"]


@pytest.mark.django_db
def test_demo_users_have_a_confirmed_totp_device_except_beleid(small_city):
    with_device = set(TOTPDevice.objects.filter(confirmed=True).values_list("user__username", flat=True))

    assert with_device == set(EXPECTED) - {"beleid"}


@pytest.mark.django_db
def test_demo_otp_prints_a_code_that_the_device_accepts(small_city):
    out, err = run("demo_otp")

    code = out.strip()
    assert re.fullmatch(r"\d{6}", code)
    assert re.search(r"seconden? geldig", err)
    device = TOTPDevice.objects.get(user__username="wijkwerker")
    assert device.verify_token(code)


@pytest.mark.django_db
def test_demo_otp_refuses_without_demo_users():
    with pytest.raises(CommandError, match="De demogebruikers bestaan nog niet"):
        run("demo_otp")


@pytest.mark.django_db
def test_demo_logins_prints_roles_usernames_password_and_the_secret(small_city):
    out, _ = run("demo_logins")

    for user in DEMO_USERS:
        assert re.search(rf"{re.escape(user.role_label)}\s+{user.username}\s+{DEMO_PASSWORD}", out)
    assert demo_totp_secret_base32() in out
    assert "make otp" in out
    assert "manage.py demo_otp" in out


@pytest.mark.django_db
def test_demo_logins_refuses_without_demo_users():
    with pytest.raises(CommandError, match="De demogebruikers bestaan nog niet"):
        run("demo_logins")
