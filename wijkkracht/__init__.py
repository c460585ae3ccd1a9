"""wijkkracht: software for Dutch neighbourhood teams and their partner organisations."""

from .celery import app as celery_app

__all__ = ["celery_app"]
