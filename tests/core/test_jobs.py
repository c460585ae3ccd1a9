"""Background jobs run in-process by default, and on a real Celery worker with Redis when configured."""

import os

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.tasks import verify_chain
from wijkkracht.celery import app

from ..conftest import login

BROKER = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def some_reads(make_user, resident_north):
    login(Client(), make_user(Role.WORKER)).get(reverse("people:resident-detail", args=[resident_north.public_id]))


@pytest.mark.django_db
def test_by_default_a_job_runs_in_process(some_reads, settings):
    assert app.conf.task_always_eager
    result = verify_chain.delay()
    assert result.get() == {"ok": True, "checked": 1, "problems": 0}


@pytest.fixture
def redis_broker():
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis answers not at {BROKER}: install and start redis-server (make test does this as root)")
    saved = {k: app.conf[k] for k in ("task_always_eager", "broker_url", "result_backend", "broker_transport_options")}
    # Keys of this process only: test runs side by side (pytest-xdist workers, SQLite and PostgreSQL, other
    # checkouts) share the Redis database, and a worker must not take another run's job.
    prefix = {"global_keyprefix": f"wijkkracht-test-{os.getpid()}:"}
    app.conf.update(task_always_eager=False, broker_url=BROKER, result_backend=BROKER, broker_transport_options=prefix)
    _forget_connections()
    yield
    app.conf.update(saved)
    _forget_connections()


def _forget_connections():
    """Celery caches its broker connections; drop them so the new broker URL takes effect."""
    app._pool = None
    app.amqp._producer_pool = None
    app._local.__dict__.pop("backend", None)


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_with_a_broker_the_job_runs_on_a_celery_worker(redis_broker, some_reads):
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        result = verify_chain.delay()
        assert result.get(timeout=30) == {"ok": True, "checked": 1, "problems": 0}
        assert result.state == "SUCCESS"
