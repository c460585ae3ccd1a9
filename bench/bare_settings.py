"""Settings of the bare server of the page benchmark (bench/pages.py): the benchmark settings, with no
middleware but the one that names the user (``?u=``) and its own URLconf. Never used in production."""

from bench.settings import *  # noqa: F403

MIDDLEWARE = ["bench.bare_views.BareUserMiddleware"]
ROOT_URLCONF = "bench.bare_urls"
