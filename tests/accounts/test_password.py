"""Accounts: changing one's own password, the admin's first password changed at the first login, and plain
Dutch help on the user form."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.admin_services import user_create
from wijkkracht.accounts.roles import Role

from ..conftest import login
from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW = "drie losse woorden samen"


def test_a_user_changes_their_own_password(make_user):
    user = make_user(Role.WORKER)
    client = login(Client(), user)
    url = reverse("accounts:password-change")
    wrong = client.post(url, {"old_password": "fout", "new_password1": NEW, "new_password2": NEW})
    assert "Dit is niet uw huidige wachtwoord." in wrong.content.decode()
    response = client.post(url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("core:home")).status_code == 200  # still logged in


def test_the_first_password_set_by_the_admin_must_be_changed_at_the_first_login(make_user, city):
    user = user_create(
        username="nieuw",
        first_name="Nina",
        last_name="Nieuw",
        email="",
        organisation=city["amw"],
        role=Role.POLICY_ANALYST,  # no second factor, so the password is the whole login here
        teams=[],
        password="eerste-wachtwoord-van-beheer",
    )
    assert user.must_change_password
    client = login(Client(), user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password-change")
    page = client.get(reverse("accounts:password-change")).content.decode()
    assert "Uw eerste wachtwoord is door de beheerder gekozen." in page
    assert client.get("/api/v1/ik").status_code == 403
    client.post(
        reverse("accounts:password-change"),
        {"old_password": "eerste-wachtwoord-van-beheer", "new_password1": NEW, "new_password2": NEW},
    )
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get(reverse("core:home")).status_code == 200


def test_the_user_form_speaks_plain_dutch(make_user):
    admin = make_user(Role.FUNCTIONAL_ADMIN)
    body = login(Client(), admin).get(reverse("accounts:user-create")).content.decode()
    assert "Vereist. 150 tekens of minder" not in body and "Required." not in body
    assert "---------" not in body
    assert "Hiermee logt de persoon in" in body and "Kies een organisatie" in body
    page = login(Client(), admin).get(reverse("accounts:password-change")).content.decode()
    assert "Minstens 12 tekens." in page and "Je wachtwoord" not in page
