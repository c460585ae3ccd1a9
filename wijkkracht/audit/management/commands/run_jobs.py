"""Run the scheduled jobs (CELERY_BEAT_SCHEDULE) in this process, each on its schedule: the demo's beat.

The Celery app is the project's (``wijkkracht/__init__.py`` makes it the current one).

`make demo` starts it beside gunicorn and stops it with gunicorn. In production Celery beat and a
worker do this (docs/deploy.md); run only one of the two, or every job runs twice.
"""

import signal
import threading
import time

from celery import current_app as app
from celery.schedules import maybe_schedule
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone

# Never sleep longer than this, so a changed clock or a missed signal is noticed soon.
_MAX_SLEEP = 30.0


class JobRunner:
    """Which job is due and running it; one line per run (job name, outcome, duration: no data)."""

    def __init__(self, schedule: dict, write):
        self.write = write
        app.loader.import_default_modules()  # the apps' tasks modules, as a worker loads them
        now = timezone.now()
        self.entries = [
            {
                "name": name,
                "task": entry["task"],
                "schedule": maybe_schedule(entry["schedule"], app=app),
                "args": entry.get("args", ()),
                "kwargs": entry.get("kwargs", {}),
                "last": now,
            }
            for name, entry in schedule.items()
        ]

    @staticmethod
    def _fresh_connections():
        """As between two requests: drop connections that broke or are too old (not inside a
        transaction, which is a caller's, e.g. a test's)."""
        if not connection.in_atomic_block:
            close_old_connections()

    def run(self, entry: dict) -> bool:
        started = time.monotonic()
        self._fresh_connections()
        try:
            app.tasks[entry["task"]].apply(args=entry["args"], kwargs=entry["kwargs"], throw=True)
            outcome = "klaar"
        except Exception as error:  # noqa: BLE001 (one failing job must not stop the others)
            outcome = f"mislukt ({type(error).__name__})"
        finally:
            self._fresh_connections()
            entry["last"] = timezone.now()
        ms = (time.monotonic() - started) * 1000
        self.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} run_jobs: {entry['task']} {outcome} in {ms:.0f} ms")
        return outcome == "klaar"

    def run_due(self) -> float:
        """Run every job that is due; return the seconds until the next one is."""
        wait = _MAX_SLEEP
        for entry in self.entries:
            due, next_in = entry["schedule"].is_due(entry["last"])
            if due:
                self.run(entry)
                due, next_in = entry["schedule"].is_due(entry["last"])
            wait = min(wait, max(0.1, next_in))
        return wait


class Command(BaseCommand):
    help = (
        "Voert de geplande taken (CELERY_BEAT_SCHEDULE) in dit proces uit, elk op zijn schema; stopt op SIGTERM/SIGINT."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Voer elke taak één keer uit en stop.")

    def handle(self, *args, once=False, **options):
        def write(line):
            self.stdout.write(line)
            self.stdout.flush()

        runner = JobRunner(settings.CELERY_BEAT_SCHEDULE, write)
        if once:
            results = [runner.run(entry) for entry in runner.entries]
            if not all(results):
                raise SystemExit(1)
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(entry["task"].rpartition(".")[2] for entry in runner.entries)
        write(f"run_jobs: gestart ({names})")
        while not stop.is_set():
            stop.wait(runner.run_due())
        write("run_jobs: gestopt")
