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
