"""Requests per second and latency of the finder page, the finder API and /healthz under
gunicorn with 2 workers, 8 concurrent clients, on loopback.

    .venv/bin/python bench/load_benchmark.py
    .venv/bin/python bench/load_benchmark.py --requests 3000 --seconds 30 --keep

Builds a throw-away data folder (a temporary BEONCOSUP_DATA_DIR, or --data-dir): migrate and
setup_demo (geography, taxonomy, self-check, navigator, hub and the demo directory), then
collectstatic in production mode. Serves it with production settings (DEBUG off, hashed
static files, the database task queue; only the HTTPS redirect is off, as behind a proxy) with
`gunicorn --workers 2` on 127.0.0.1 only, warms every address up, then drives each address in
turn with a bounded load: a fixed number of requests or a time limit, whichever comes first,
8 at a time, with Debian's `ab` (apache2-utils) when /usr/bin/ab exists, else a Python thread
pool of http.client connections. Prints a Markdown table of req/s and p50/p95 latency.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
AB = Path("/usr/bin/ab")
CLIENTS = 8
WORKERS = 2
FINDER = "/nl/hulpzoeker/"
# Typical finder searches: picked needs with a postcode, several needs with a situation,
# everyday words, and filters; then the JSON API and the health check for comparison.
TARGETS = [
    ("finder page: one need, postcode", f"{FINDER}?need=MED-PAIN&postcode=9000"),
    (
        "finder page: two needs, status, audience",
        f"{FINDER}?need=MED-FATIGUE&need=PSY-FEAR-RECURRENCE&postcode=2000"
        "&audience=patient&status=employee",
    ),
    ("finder page: everyday words", f"{FINDER}?q={quote('ik ben altijd moe')}&postcode=3000"),
    (
        "finder page: filters, page 2",
        f"{FINDER}?need=MED-PAIN&need=SOC-FINANCIAL&postcode=1000&max_km=30&free_only=on&page=2",
    ),
    ("finder page: empty form", FINDER),
    ("finder API", "/api/v1/finder?need=MED-PAIN&postcode=9000&lang=nl"),
    ("/healthz", "/healthz"),
]


def environment(data_dir: Path, *, production: bool) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("BEONCOSUP_") and key != "DATABASE_URL"
    }
    env.update(
        {
            "BEONCOSUP_DATA_DIR": str(data_dir),
            "BEONCOSUP_DEBUG": "false",
            "BEONCOSUP_PRODUCTION": "true" if production else "false",
            "BEONCOSUP_SECRET_KEY": "bench-" + secrets.token_urlsafe(48),
            "BEONCOSUP_ALLOWED_HOSTS": "127.0.0.1",
            "BEONCOSUP_SSL_REDIRECT": "false",
            "BEONCOSUP_LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def build(data_dir: Path) -> None:
    """The demo data (setup_demo refuses production mode) and the collected static files."""
    development = environment(data_dir, production=False)
    manage(["migrate", "--noinput"], development)
    manage(["setup_demo"], development)
    manage(["collectstatic", "--noinput"], environment(data_dir, production=True))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            status, _ = get(port, "/healthz")
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def get(port: int, path: str) -> tuple[int, float]:
    """One GET on a new connection (as ab does without -k); status and seconds."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        connection.close()


def load_average() -> str:
    """The 1-minute load average (Linux), or "?"."""
    try:
        return Path("/proc/loadavg").read_text(encoding="ascii").split()[0]
    except OSError:
        return "?"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def load_with_ab(port: int, path: str, requests: int, seconds: int) -> dict[str, float]:
    # -t before -n: the time limit, with -n still bounding the number of requests.
    done = subprocess.run(  # noqa: S603 - fixed program and arguments
        [
            str(AB),
            "-q",
            "-t",
            str(seconds),
            "-n",
            str(requests),
            "-c",
            str(CLIENTS),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout

    def number(pattern: str) -> float:
        found = re.search(pattern, out)
        if not found:
            raise SystemExit(f"unexpected ab output:\n{out}")
        return float(found.group(1))

    failed = number(r"Failed requests:\s+(\d+)")
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return {
        "requests": number(r"Complete requests:\s+(\d+)"),
        "errors": failed + (float(non_2xx.group(1)) if non_2xx else 0),
        "rps": number(r"Requests per second:\s+([\d.]+)"),
        "p50": number(r"\s50%\s+(\d+)"),
        "p95": number(r"\s95%\s+(\d+)"),
    }


def load_with_threads(port: int, path: str, requests: int, seconds: int) -> dict[str, float]:
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors = 0

    def client(count: int) -> tuple[list[float], int]:
        mine, bad = [], 0
        for _ in range(count):
            if time.monotonic() > deadline:
                break
            status, took = get(port, path)
            mine.append(took)
            bad += status != 200
        return mine, bad

    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        shares = [requests // CLIENTS + (i < requests % CLIENTS) for i in range(CLIENTS)]
        for mine, bad in pool.map(client, shares):
            latencies += mine
            errors += bad
    elapsed = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="per address (default 2000)")
    parser.add_argument("--seconds", type=int, default=30, help="time limit per address")
    parser.add_argument("--data-dir", type=Path, help="reuse or build this data folder")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    parser.add_argument("--threads", action="store_true", help="Python client even with ab")
    options = parser.parse_args()

    data_dir = options.data_dir or Path(tempfile.mkdtemp(prefix="beoncosup-load-"))
    if not (data_dir / "beoncosup.sqlite3").exists():
        print(f"Building the demo database in {data_dir} …", file=sys.stderr)  # noqa: T201
        build(data_dir)
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed program and arguments
        [GUNICORN, "beoncosup.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment(data_dir, production=True),
        stderr=subprocess.DEVNULL,
    )
    load = load_with_ab if AB.exists() and not options.threads else load_with_threads
    try:
        wait_until_up(port, server)
        for _name, path in TARGETS:  # warm up every worker on every address
            for _ in range(WORKERS * 10):
                status, _took = get(port, path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status} during warm-up")
        tool = "ab" if load is load_with_ab else "Python threads"
        print(f"gunicorn --workers {WORKERS}, {CLIENTS} clients ({tool}), ", end="")  # noqa: T201
        print(f"at most {options.requests} requests or {options.seconds} s per address")  # noqa: T201
        # Other work on the machine shares its cores: say how busy it was (figures measured
        # above a 1-minute load of ~1 on 2 cores are not comparable).
        print(f"1-minute load before the run: {load_average()}\n")  # noqa: T201
        print("| Address | Requests | Errors | req/s | p50 ms | p95 ms | load |")  # noqa: T201
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")  # noqa: T201
        for name, path in TARGETS:
            figures = load(port, path, options.requests, options.seconds)
            print(  # noqa: T201
                f"| {name} | {figures['requests']:.0f} | {figures['errors']:.0f} | "
                f"{figures['rps']:.0f} | {figures['p50']:.0f} | {figures['p95']:.0f} | "
                f"{load_average()} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not options.data_dir and not options.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        elif options.keep:
            print(f"\nData kept in {data_dir}", file=sys.stderr)  # noqa: T201


if __name__ == "__main__":
    main()
