"""Suite-wide rule: under CI=true a skipped test is a failure (a skipped database or browser test proves nothing)."""

import os


def pytest_sessionfinish(session, exitstatus):
    # Under pytest-xdist the controller sees every worker's reports; the workers leave the verdict to it.
    if os.environ.get("CI") != "true" or hasattr(session.config, "workerinput"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write("\n")  # after the progress line, which pytest ends only when the summary starts
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; under CI every test must run.", red=True)
        session.exitstatus = 1


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres_only`` (parallel transactions) or ``production_database`` (a browser sweep of
    every page for every role, whose outcome does not depend on the database, run once on the production
    database to keep ``make test`` short) are deselected, not skipped, on SQLite: the PostgreSQL run of the
    same suite runs them, and under CI=true a skip would fail the SQLite run."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    kept, dropped = [], []
    for item in items:
        once = item.get_closest_marker("postgres_only") or item.get_closest_marker("production_database")
        (dropped if once else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
