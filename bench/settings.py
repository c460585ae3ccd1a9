"""Settings for the page benchmarks: the real settings (DEBUG off), served static files without a manifest
(no collectstatic needed) and the test client's host name allowed."""

from wijkkracht.settings import *  # noqa: F403
from wijkkracht.settings import ALLOWED_HOSTS, STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
