"""Browser tests: real pages in a headless Chromium against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, storage) and page per test. Every page a
test visits can be checked with ``assert_page_ok``: no Content-Security-Policy violations, no request
to any other origin, no failing static file, no uncaught script error, and no serious or critical
axe-core accessibility violation.
"""

import base64
import os
import weakref
from pathlib import Path
from urllib.parse import urlsplit

# Playwright's sync API keeps an asyncio event loop registered as running in the main thread for as
# long as the browser lives (the whole session), so Django would refuse ORM calls from test bodies,
# fixtures and later test modules alike. The tests are synchronous, so the check is safely lifted.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp.oath import totp  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from ..conftest import login  # noqa: E402
from ..factories import PASSWORD  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Impacts that fail a test. "minor" and "moderate" findings are left to review, not to the suite,
# except on the pages of the worker's flow (test_workday.py), which must have none at all.
FAILING_IMPACTS = ("serious", "critical")
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
CSP_MARKERS = ("Content Security Policy", "Refused to")
TIMEOUT_MS = 20_000  # generous: CI machines are often busy

_watches: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_axe = None


# --------------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium); it is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    """A fresh browser profile (no cookies) with a Dutch browser, as most users have."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, live_server):
    page = context.new_page()
    _watches[page] = PageWatch(page, live_server.url)
    return page


class PageWatch:
    """What a page does besides rendering: console messages, requests, failed resources, script errors."""

    def __init__(self, page, origin: str):
        self.origin = _origin(origin)
        self.console: list[str] = []
        self.foreign_requests: list[str] = []
        self.failed_resources: list[str] = []
        self.script_errors: list[str] = []
        page.on("console", lambda message: self.console.append(f"[{message.type}] {message.text}"))
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfailed", lambda request: self.failed_resources.append(f"{request.url} ({request.failure})"))
        page.on("pageerror", lambda error: self.script_errors.append(str(error)))

    def _on_request(self, request):
        scheme = urlsplit(request.url).scheme
        if scheme != "data" and _origin(request.url) != self.origin:
            self.foreign_requests.append(request.url)

    def _on_response(self, response):
        # The document itself may answer 403 or 404 on purpose; its style sheets and scripts may not.
        if response.request.resource_type != "document" and response.status >= 400:
            self.failed_resources.append(f"{response.url} (status {response.status})")

    @property
    def csp_violations(self) -> list[str]:
        return [m for m in self.console if any(marker in m for marker in CSP_MARKERS)]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def watch_of(page) -> PageWatch:
    return _watches[page]


# --------------------------------------------------------------------------------- the checks


def assert_no_csp_violations(page):
    violations = watch_of(page).csp_violations
    assert not violations, f"Content-Security-Policy violations on {page.url}:\n" + "\n".join(violations)


def assert_only_own_origin(page):
    """Offline-proof: the page loads only from the app itself (data: images allowed by the CSP aside)."""
    watch = watch_of(page)
    assert not watch.foreign_requests, f"{page.url} made requests outside {watch.origin}:\n" + "\n".join(
        watch.foreign_requests
    )
    assert not watch.failed_resources, f"{page.url} has resources that failed to load:\n" + "\n".join(
        watch.failed_resources
    )
    assert not watch.script_errors, f"uncaught script errors on {page.url}:\n" + "\n".join(watch.script_errors)


def axe_violations(page, impacts=FAILING_IMPACTS) -> list[dict]:
    """axe-core's violations of these impacts (serious or critical unless told) on the page as it is now."""
    global _axe
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    results = _axe.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def format_violations(violations: list[dict], limit: int = 3) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, node.get("target", []))) for node in v.get("nodes", [])]
        shown = ", ".join(targets[:limit]) + (f" (+{len(targets) - limit} more)" if len(targets) > limit else "")
        lines.append(f"- {v['id']} [{v['impact']}]: {v.get('help', '')} -> {shown}")
    return "\n".join(lines)


def assert_accessible(page, impacts=FAILING_IMPACTS):
    violations = axe_violations(page, impacts)
    assert not violations, f"axe-core finds {'/'.join(impacts)} violations on {page.url}:\n" + format_violations(
        violations
    )


def assert_page_ok(page, impacts=FAILING_IMPACTS):
    """The page is built from its own files only, within the CSP, and passes axe (at these impacts)."""
    assert_no_csp_violations(page)
    assert_only_own_origin(page)
    assert_accessible(page, impacts)


def follow(page, locator):
    """Click a link or submit button and wait until the page it leads to has loaded."""
    with page.expect_navigation(wait_until="load"):
        locator.click()


def visit(page, path: str, status: int = 200):
    """Open a path and wait until it has loaded (style sheets included)."""
    response = page.goto(path, wait_until="load")
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path}: expected status {status}, got {response.status}"
    return response


# --------------------------------------------------------------------------------- logging in


def totp_code(key: bytes, *, step=30, t0=0, digits=6) -> str:
    return f"{totp(key, step=step, t0=t0, digits=digits):0{digits}d}"


def code_for(user) -> str:
    """The code the user's authenticator app shows now."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return totp_code(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)


def code_from_secret(secret: str) -> str:
    """The code an authenticator app shows for a key typed over from the setup page."""
    secret = secret.replace(" ", "").upper()
    return totp_code(base64.b32decode(secret + "=" * (-len(secret) % 8)))


def submit_password(page, username: str, password: str = PASSWORD):
    visit(page, "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    follow(page, page.get_by_role("button", name="Volgende"))


def submit_code(page, code: str, button: str = "Inloggen"):
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    follow(page, page.get_by_role("button", name=button))


def login_with_cookie(context, user, live_server):
    """Log in without the forms (where the login itself is not what a test checks)."""
    client = login(Client(), user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
