"""`manage.py run_jobs`: the demo's scheduler runs CELERY_BEAT_SCHEDULE in-process and stops cleanly."""

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.management.commands.run_jobs import JobRunner
from wijkkracht.audit.models import AuditAnchor

from .conftest import visit

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_once_runs_every_scheduled_job_and_logs_one_line_each_without_data(make_user, capsys):
    visit(make_user(Role.WORKER, first_name="Jan", last_name="Jansen"), "a1")
    call_command("run_jobs", "--once")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" run_jobs: ")[1].split(" in ")[0] for line in lines] == [
        "wijkkracht.audit.tasks.seal_chains klaar",
        "wijkkracht.audit.tasks.verify_chain klaar",
        "wijkkracht.volunteers.tasks.vog_reminders klaar",
    ]
    assert AuditAnchor.objects.count() == 1
    assert not any("Jan" in line or "a1" in line for line in lines)


@pytest.mark.django_db
def test_a_job_runs_when_it_is_due_and_a_failing_job_does_not_stop_the_others():
    lines = []
    runner = JobRunner(
        {
            "seal": {"task": "wijkkracht.audit.tasks.seal_chains", "schedule": 60},
            "broken": {"task": "wijkkracht.bestaat.niet", "schedule": 60},
        },
        lines.append,
    )
    wait = runner.run_due()
    assert lines == [] and 0 < wait <= 60
    for entry in runner.entries:
        entry["last"] = timezone.now() - timedelta(seconds=61)
    wait = runner.run_due()
    assert [line.split(" run_jobs: ")[1].split(" in ")[0] for line in lines] == [
        "wijkkracht.audit.tasks.seal_chains klaar",
        "wijkkracht.bestaat.niet mislukt (NotRegistered)",
    ]
    assert 0 < wait <= 60


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_loop_stops_cleanly_on_sigterm_and_sigint(tmp_path, signum):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WIJKKRACHT_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "run_jobs"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().startswith("run_jobs: gestart (seal_chains, verify_chain, vog_reminders)")
        process.send_signal(signum)
        assert process.wait(timeout=15) == 0
        assert process.stdout.read().strip().endswith("run_jobs: gestopt")
    finally:
        process.kill()
