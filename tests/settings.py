"""Settings for the test suite: the real settings, with plain static storage and a fast hasher."""

import tempfile
from pathlib import Path

from wijkkracht.settings import *  # noqa: F403
from wijkkracht.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A test app that follows the recipe of docs/architecture.md for a model with personal data
# (tests/recipe/, checked by tests/access/test_recipe.py). Its table is made by the test run itself.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.recipe"]  # noqa: F405
# The suite flushes its SQLite database between transactional tests: let the audit tables' DELETE
# trigger pass (wijkkracht/audit/db.py). Production and the demo never set this.
AUDIT_SQLITE_DELETE_ALLOWED = True
# Anchors go to a file of this test process, never to var/ (tests/audit use one file per test).
AUDIT_ANCHOR_PATH = Path(tempfile.mkdtemp(prefix="wk-anchors-")) / "audit-anchors.jsonl"
