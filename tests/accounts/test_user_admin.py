import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.models import User
from wijkkracht.accounts.roles import Role

from ..conftest import login

pytestmark = pytest.mark.django_db


def test_the_functional_admin_creates_a_user_in_an_organisation_and_team(make_user, city):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    response = client.post(
        reverse("accounts:user-create"),
        {
            "username": "nieuwe.collega",
            "first_name": "Noor",
            "last_name": "Yilmaz",
            "email": "noor@example.org",
            "organisation": city["amw"].pk,
            "role": Role.WORKER,
            "teams": [city["team_south"].pk],
            "is_active": "on",
            "password": "lang-en-sterk-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="nieuwe.collega")
    assert list(user.teams.all()) == [city["team_south"]]
    assert user.organisation == city["amw"]


def test_a_weak_password_or_missing_organisation_is_refused_in_dutch(make_user):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    response = client.post(reverse("accounts:user-create"), {"username": "x", "role": Role.WORKER, "password": "kort"})
    body = response.content.decode()
    assert "Kies de organisatie waar deze persoon in dienst is." in body
    assert "Dit wachtwoord is te kort" in body
    assert not User.objects.filter(username="x").exists()


def test_resetting_the_second_factor_asks_for_confirmation_first(make_user):
    admin = make_user(Role.FUNCTIONAL_ADMIN)
    worker = make_user(Role.WORKER)
    client = login(Client(), admin)
    url = reverse("accounts:user-reset-2fa", args=[worker.pk])
    assert "Weet u zeker" in client.get(url).content.decode()
    assert TOTPDevice.objects.filter(user=worker).exists()
    client.post(url)
    assert not TOTPDevice.objects.filter(user=worker).exists()
