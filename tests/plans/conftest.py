# The browser fixtures (headless Chromium against the live server) for test_browser.py.
from ..browser.conftest import browser, context, page  # noqa: F401
