"""The test of the tests: the page checks do notice a CSP violation, a foreign request and an axe violation."""

import pytest

from .conftest import axe_violations, watch_of

pytestmark = pytest.mark.browser

PROBE = "/__browser-check-probe__/"
BAD_PAGE = """<!DOCTYPE html><html><head><title>probe</title>
<script>document.title = "inline";</script></head>
<body><main><img src="https://cdn.example.invalid/logo.png"><input type="text"></main></body></html>"""


def test_the_page_checks_notice_what_they_are_meant_to(page, live_server):
    # A page on the app's own origin that breaks every rule once. Its CSP forbids inline script but,
    # unlike the app's, allows images from anywhere, so the foreign request is actually attempted.
    page.route(
        f"{live_server.url}{PROBE}",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"Content-Security-Policy": "default-src 'self'; script-src 'self'; img-src *"},
            body=BAD_PAGE,
        ),
    )
    page.route("https://cdn.example.invalid/**", lambda route: route.abort())  # never leave the machine

    page.goto(PROBE, wait_until="load")

    watch = watch_of(page)
    assert any("inline script" in m for m in watch.csp_violations), watch.console
    assert watch.foreign_requests == ["https://cdn.example.invalid/logo.png"]
    rules = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= rules, rules
