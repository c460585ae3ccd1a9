"""Database hooks of the audit log.

SQLite refuses DELETE on the audit tables through a trigger (migration 0005) that asks
``wijkkracht_audit_delete_allowed()``. The app registers that function on each of its SQLite
connections, answering 0: refused. Only the test settings (``AUDIT_SQLITE_DELETE_ALLOWED = True``)
make it answer 1, so the suite can flush its database between tests. A connection that does not
have the function at all (the sqlite3 shell, another program) cannot delete either: the trigger then
fails with "no such function". PostgreSQL needs none of this: its trigger refuses every DELETE, and
the suite flushes with TRUNCATE (see docs/deploy.md for why production must not grant it).
"""

from django.conf import settings

SQLITE_DELETE_FUNCTION = "wijkkracht_audit_delete_allowed"


def _delete_allowed() -> int:
    # Read at every call (not cached): a test may switch it off to show the refusal.
    return 1 if getattr(settings, "AUDIT_SQLITE_DELETE_ALLOWED", False) else 0


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: give each SQLite connection the function its triggers ask."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_DELETE_FUNCTION, 0, _delete_allowed)
