"""Logging in through the real forms: password, then the code from the authenticator app, or enrolment."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role

from .conftest import assert_page_ok, code_for, code_from_secret, submit_code, submit_password, visit

pytestmark = pytest.mark.browser


def test_a_worker_logs_in_with_password_and_code_and_lands_on_the_start_page(page, make_user):
    worker = make_user(Role.WORKER, first_name="Sanne")
    submit_password(page, worker.username)
    assert page.url.endswith("/account/inloggen/tweede-stap/")
    assert_page_ok(page)

    submit_code(page, code_for(worker))

    assert page.url.endswith("/")
    assert page.get_by_role("heading", name="Welkom, Sanne").is_visible()
    assert page.get_by_role("heading", name="Mijn teams").is_visible()
    assert page.get_by_role("heading", name="Mijn organisatie").is_visible()
    assert page.get_by_text("Wijkteam Noord").is_visible()
    assert_page_ok(page)


def test_a_wrong_password_and_a_wrong_code_get_dutch_messages(page, make_user):
    worker = make_user(Role.WORKER)

    submit_password(page, worker.username, password="fout-wachtwoord")
    assert page.url.endswith("/account/inloggen/")
    assert page.get_by_role("alert").filter(has_text="De gebruikersnaam of het wachtwoord is onjuist.").is_visible()
    assert_page_ok(page)

    submit_password(page, worker.username)
    wrong = f"{(int(code_for(worker)) + 1) % 1_000_000:06d}"
    submit_code(page, wrong)
    assert page.url.endswith("/account/inloggen/tweede-stap/")
    # At the field, and in the error summary on top that links to it (with the focus there).
    assert page.locator("#id_token_error").get_by_text("Deze code is onjuist of verlopen.").is_visible()
    assert (
        page.locator("[data-wk-error-summary]").get_by_role("link", name="Code uit uw authenticator-app").is_visible()
    )
    code_field = page.get_by_label("Code uit uw authenticator-app")
    assert code_field.get_attribute("aria-invalid") == "true"
    assert_page_ok(page)

    # Still not logged in: the start page sends the worker back to the login page.
    visit(page, "/")
    assert "/account/inloggen/" in page.url


def test_first_login_enrols_an_authenticator_from_the_key_on_the_page(page, make_user):
    worker = make_user(Role.WORKER, totp=False)
    submit_password(page, worker.username)
    assert page.url.endswith("/account/inloggen/tweede-stap/instellen/")

    qr = page.locator("img.wk-qr")
    assert qr.is_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "the QR image did not render"
    secret = page.locator("code.wk-secret").inner_text().strip()
    assert len(secret) >= 16
    assert_page_ok(page)

    submit_code(page, code_from_secret(secret), button="Bevestigen en inloggen")

    assert page.url.endswith("/")
    assert page.get_by_text("Uw tweede stap is ingesteld.").is_visible()
    assert page.get_by_role("heading", name="Mijn teams").is_visible()
    assert TOTPDevice.objects.get(user=worker).confirmed
    assert_page_ok(page)
