"""The servers and the load generator of the page benchmark (bench/pages.py).

Two gunicorn servers run side by side, each with the same number of sync workers: the app (bench/settings.py:
the production middleware, policy and audit) and the bare views (bench/bare_settings.py). wrk drives both
with the same settings; a Lua script rotates through a file of requests (path and session cookie, one per
line) and counts every answer other than 200, so a redirect to the login page cannot pass for a fast page.
"""

import json
import os
import shutil
import signal
import subprocess  # noqa: S404 -- starts gunicorn and wrk, nothing from outside
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRK_SCRIPT = r"""
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t?(.*)$")
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    table.insert(requests, wrk.format("GET", path, headers))
  end
  counter = (id * 7919) % #requests + 1
  bad = 0
end

function request()
  local r = requests[counter]
  counter = counter % #requests + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do not_ok = not_ok + thread:get("bad") end
  local e = summary.errors
  local out = io.open(os.getenv("WRK_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "mean": %f, "not_ok": %d, ' ..
    '"socket_errors": %d}',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.mean / 1e3, not_ok,
    e.connect + e.read + e.write + e.timeout))
  out:close()
end
"""


_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used, from /proc; None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def database_backends() -> list[int]:
    """The PostgreSQL backends serving the benchmark database, but this process's own."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )
        return [row[0] for row in cursor.fetchall()]


def cpu_snapshot(server: "Server") -> dict:
    """CPU seconds so far of the server's workers and of the database backends."""
    snapshot = {}
    for kind, pids in (("app", _children(server.process.pid)), ("db", database_backends())):
        snapshot[kind] = {pid: cpu for pid in pids if (cpu := _proc_cpu(pid)) is not None}
    return snapshot


def cpu_used(before: dict, after: dict) -> dict:
    """CPU seconds used between two snapshots, per kind (a process that is new counts from zero)."""
    return {kind: sum(cpu - before[kind].get(pid, 0.0) for pid, cpu in after[kind].items()) for kind in after}


def ensure_wrk() -> str:
    """The wrk binary; installed from Debian's packages when missing and running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (apt-get install wrk)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, env=env)  # noqa: S607
        found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is needed: sudo apt-get install wrk")
    return found


@dataclass
class Server:
    """One gunicorn server (``settings`` module, ``workers`` sync workers) on ``port``."""

    name: str
    settings: str
    port: int
    database_url: str
    workers: int = 4
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log = Path(tempfile.gettempdir()) / f"wk-bench-{self.name}-{self.port}.log"
        env = {**os.environ, "DATABASE_URL": self.database_url, "DJANGO_SETTINGS_MODULE": self.settings}
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "wijkkracht.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            "120",
            "--error-logfile",
            str(self.log),
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/gezondheid/", timeout=5) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        sys.exit(f"gunicorn ({self.name}) did not answer within 60 s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def check(server: Server, lines: list[str], sample: int = 16) -> None:
    """The first ``sample`` requests of a run answer 200 before it is measured (a broken session would
    redirect); wrk counts every other answer than 200 during the run as well."""
    for line in list(dict.fromkeys(lines))[:sample]:
        path, _, cookie = line.partition("\t")
        request = urllib.request.Request(server.base + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
            if answer.status != 200 or answer.url != server.base + path:
                sys.exit(f"{server.name}: {path} answered {answer.status} at {answer.url}")


def wrk(server: Server, lines: list[str], *, connections: int, seconds: float, threads: int = 2) -> dict:
    """One wrk run over the requests in ``lines``; requests/s, latency percentiles (ms), answers other than 200."""
    binary = ensure_wrk()
    with tempfile.TemporaryDirectory() as tmp:
        script, requests, out = Path(tmp, "rotate.lua"), Path(tmp, "requests.txt"), Path(tmp, "out.json")
        script.write_text(WRK_SCRIPT)
        requests.write_text("\n".join(lines) + "\n")
        command = [
            binary,
            f"-t{min(threads, connections)}",
            f"-c{connections}",
            f"-d{seconds:.0f}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            server.base + "/",
            "--",
            str(requests),
        ]
        load = os.getloadavg()[0]
        before = cpu_snapshot(server)
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "WRK_OUT": str(out)})  # noqa: S603
        used = cpu_used(before, cpu_snapshot(server))
        result = json.loads(out.read_text())
    result["rps"] = result["requests"] / result["seconds"] if result["seconds"] else 0
    result["load"] = load
    # CPU per request, in ms: the gunicorn workers (Python) and the PostgreSQL backends serving them.
    for kind, seconds in used.items():
        result[f"cpu_{kind}"] = 1000 * seconds / result["requests"] if result["requests"] else 0
    return result
