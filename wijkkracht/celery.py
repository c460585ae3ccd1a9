"""Celery application.

Jobs run in-process by default (``task_always_eager``). Set ``CELERY_BROKER_URL`` (for example
``redis://127.0.0.1:6379/0``) to send them to Celery workers instead; see docs/deploy.md.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkracht.settings")

app = Celery("wijkkracht")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
