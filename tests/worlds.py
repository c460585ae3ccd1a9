"""Worlds shared by the tests of a module: built once, every test in a savepoint on top of it.

A fixture made with ``@shared_world`` builds its rows once per test module (once per pytest-xdist worker
that runs tests of the module), inside a transaction that is rolled back when the module is done. Every test
that uses it runs in its own savepoint on top of it (pytest-django's ``db``, added here), so whatever a test
writes is gone before the next test starts, as with a world of its own. What stays shared are the Python
objects the fixture returns: treat them as read-only (``refresh_from_db()`` where a test needs the row as the
database has it now).

Use it for the expensive worlds that many tests of a module read: the URL matrix's users and samples, the
generated cities. A test that needs an empty database may sit in the same module: within a module the tests
that use no shared world run first, before the world is built (``order_by_world``). Browser tests cannot use
one: the live server answers from its own connection and sees only committed rows.
"""

import pytest
from django.db import connection, transaction

_MARK = "_wijkkracht_shared_world"


def shared_world(build):
    """Turn ``build()`` (no arguments) into a module-scoped fixture of the same name; see the module docstring."""

    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            world = build()
            # PostgreSQL checks deferred foreign keys at commit and when a test's savepoint ends (Django's
            # TestCase does SET CONSTRAINTS ALL IMMEDIATE). Check the world's once, here: otherwise every test
            # of the module checks them all again, since a rolled-back savepoint puts them back in the queue.
            connection.check_constraints()
            yield world
            transaction.set_rollback(True)

    fixture.__name__ = build.__name__
    fixture.__qualname__ = build.__qualname__
    fixture.__doc__ = build.__doc__
    fixture.__module__ = build.__module__
    setattr(fixture, _MARK, True)
    return pytest.fixture(scope="module", name=build.__name__)(fixture)


def uses_shared_world(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(defs and getattr(defs[-1].func, _MARK, False) for defs in info.name2fixturedefs.values())


def order_by_world(items) -> None:
    """A test on a shared world is a database test; within each module, the tests without one run first."""
    # Each run of consecutive tests of one module keeps its place; only the order within the run changes.
    run_of, run, previous = {}, 0, None
    for item in items:
        if item.path != previous:
            run, previous = run + 1, item.path
        run_of[id(item)] = run
    with_world = {item.nodeid for item in items if uses_shared_world(item)}
    for item in items:
        if item.nodeid not in with_world:
            continue
        marker = item.get_closest_marker("django_db")
        if marker is None:
            item.add_marker(pytest.mark.django_db)
        elif marker.kwargs.get("transaction"):
            raise pytest.UsageError(f"{item.nodeid}: a shared world cannot be used by a transactional test")
    items.sort(key=lambda item: (run_of[id(item)], item.nodeid in with_world))
