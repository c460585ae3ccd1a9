"""Settings for the test suite: the real settings, with plain static storage and a fast hasher."""

from wijkkracht.settings import *  # noqa: F403
from wijkkracht.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A test app that follows the recipe of docs/architecture.md for a model with personal data
# (tests/recipe/, checked by tests/access/test_recipe.py). Its table is made by the test run itself.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.recipe"]  # noqa: F405
