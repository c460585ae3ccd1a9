"""Users on different chains never wait for each other; the checks run in parallel on PostgreSQL.

These tests use real, separate database connections (one per thread), so their data is committed
(``transaction=True``). On SQLite (the demo's database) one write lock serves the whole database:
there the same scenario shows a second writer held back, which is what the chains do not change.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.chain import chain_for
from wijkkracht.audit.models import AuditEvent
from wijkkracht.audit.services import audit_reads_record
from wijkkracht.audit.verify import audit_verify

from .conftest import resident_read, tamper, visit

pytestmark = pytest.mark.django_db(transaction=True)


class Writer(threading.Thread):
    """Appends one entry for ``user`` in its own connection; records when it got through."""

    def __init__(self, user, ref):
        super().__init__(daemon=True)
        self.user, self.ref = user, ref
        self.done_at = None
        self.error = None

    def run(self):
        try:
            visit(self.user, self.ref)
            self.done_at = time.monotonic()
        except Exception as error:  # noqa: BLE001 (reported by the test)
            self.error = error
        finally:
            connection.close()


def test_appends_on_other_chains_do_not_wait_for_a_chain_held_open(make_user, settings):
    settings.AUDIT_CHAINS = 4
    users = [make_user(Role.WORKER) for _ in range(8)]
    exporter = users[0]
    same_chain = next(u for u in users[1:] if chain_for(u.pk) == chain_for(exporter.pk))
    other_chain = next(u for u in users[1:] if chain_for(u.pk) != chain_for(exporter.pk))
    holding, release = threading.Event(), threading.Event()

    def long_export():
        try:
            with transaction.atomic():  # takes the exporter's chain lock and keeps it until commit
                audit_reads_record(actor=exporter, view="people:resident-export", reads=[resident_read("export-1")])
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    holder = threading.Thread(target=long_export, daemon=True)
    holder.start()
    assert holding.wait(10)
    other, same = Writer(other_chain, "other-1"), Writer(same_chain, "same-1")
    other.start()
    same.start()
    other.join(timeout=3)
    same.join(timeout=0.5)
    released_at = time.monotonic()
    release.set()
    holder.join(timeout=10)
    same.join(timeout=10)
    other.join(timeout=10)
    if connection.vendor == "postgresql":
        assert other.error is None and other.done_at is not None and other.done_at < released_at
        assert same.error is None and same.done_at is not None and same.done_at > released_at
        assert AuditEvent.objects.count() == 3
        assert audit_verify().ok
    else:
        # SQLite: one write lock for the whole database, whatever the chain.
        assert other.done_at is None or other.done_at > released_at


def test_the_chains_are_checked_in_parallel_on_postgresql_and_find_the_bad_entry(make_user, settings):
    settings.AUDIT_CHAINS = 8
    users = [make_user(Role.WORKER) for _ in range(8)]
    for user in users:
        visit(user, f"{user.pk}-1", f"{user.pk}-2")
    report = audit_verify(workers=4)
    assert report.ok and report.checked == 16
    assert report.parallel == (connection.vendor == "postgresql")
    victim = AuditEvent.objects.get(actor_id=users[3].pk, seq=2)
    with transaction.atomic():
        tamper(("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["x", victim.id]))
    (broken,) = audit_verify(workers=4).broken
    assert (broken.chain, broken.bad_seq, broken.bad_id) == (chain_for(users[3].pk), 2, victim.id)
