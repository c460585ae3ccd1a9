"""Suite-wide rule: under CI=true a skipped test is a failure (a skipped database or browser test proves nothing)."""

import os


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; under CI every test must run.", red=True)
        session.exitstatus = 1
