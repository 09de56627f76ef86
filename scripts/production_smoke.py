"""Production-mode smoke test: deploy as the README says, serve with gunicorn, fetch the main pages.

Run by CI (`.ci/run`) against PostgreSQL; by hand: `.venv/bin/python scripts/production_smoke.py`
(SQLite in a temporary folder unless DATABASE_URL is set). Steps, all in production mode:

1. `migrate`, `collectstatic` (hashed, compressed files), reference data (`load_geo`,
   `load_taxonomy`, `load_instruments`, `load_hub_content`, `load_navigator_measures`);
2. gunicorn with two workers on a free loopback port;
3. GET the home page, finder, self-check, hub, admin login, `/api/docs`, the FHIR
   CapabilityStatement, a person's unknown private link (404), a hashed static file and
   `/healthz` as a client behind the TLS proxy would (`X-Forwarded-Proto: https`), asserting 200
   and the security headers (CSP, HSTS, Permissions-Policy, …);
4. that demo content is refused: the demo editor, demo accounts and demo referrals cannot be
   created and no demo article is served;
5. signing in with MFA: `create_platform_admin` makes an account, which signs in with its password,
   is made to set up TOTP (the secret read from the page, codes computed here per RFC 6238),
   signs in again on a fresh session with password + code, and opens the admin.

Exits non-zero with the failures listed. The server is always stopped.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import os
import re
import secrets
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "beoncosup.example"

# Every public page carries these; the admin and the API docs are excluded from the CSP (the
# admin ships inline styles), so they are checked for the other headers only.
COMMON_HEADERS = {
    "Strict-Transport-Security": "max-age=",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=()",
}
CSP_HEADER = ("Content-Security-Policy", "default-src 'self'")


@dataclass(frozen=True)
class Check:
    path: str
    expect_text: str
    csp: bool = True


CHECKS = [
    Check("/nl/", "BeONCOsup"),
    Check("/fr/", "BeONCOsup"),
    Check("/nl/hulpzoeker/", "<form"),
    Check("/nl/hulpzoeker/?need=MED-FATIGUE&postcode=9000", "<form"),
    Check("/nl/zelftest/", "<form"),
    Check("/nl/info/", "<main"),
    Check("/nl/wat-geldt-voor-mij/", "<form"),
    Check("/en/accounts/login/", "<form"),
    Check("/api/docs", "swagger", csp=False),
    Check("/api/fhir/metadata", "CapabilityStatement", csp=False),
    Check("/healthz", '"ok"', csp=False),
]


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "GET",
            path,
            headers={"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Language": "nl"},
        )
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return response.status, dict(response.getheaders()), body
    finally:
        connection.close()


def totp(secret: str, step_offset: int = 0) -> str:
    """RFC 6238 (SHA-1, 6 digits, 30 s): what an authenticator app shows."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int(time.time()) // 30 + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Visitor:
    """A browser's cookie jar over plain HTTP behind the (pretend) TLS proxy."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "en",
            "Referer": f"https://{HOST}{path}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            text = response.read().decode("utf-8", "replace")
            return response.status, dict(response.getheaders()), text
        finally:
            connection.close()


def check_sign_in_with_mfa(port: int, email: str, password: str) -> list[str]:
    problems = []
    first = Visitor(port)
    first.request("GET", "/en/accounts/login/")
    status, headers, _ = first.request(
        "POST", "/en/accounts/login/", {"login": email, "password": password}
    )
    if status != 302:
        return [f"sign-in with the password: status {status}"]
    status, headers, _ = first.request("GET", "/admin/")
    if status != 302 or not header(headers, "Location").endswith("/accounts/2fa/totp/activate/"):
        problems.append(f"an admin without MFA was not sent to set it up: {status}")
    _, _, page = first.request("GET", "/en/accounts/2fa/totp/activate/")
    found = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page) or re.search(
        r'value="([A-Z2-7]{16,})"[^>]*id="authenticator_secret"', page
    )
    if not found:
        return [*problems, "the TOTP set-up page shows no secret"]
    secret = found.group(1)
    status, _, _ = first.request("POST", "/en/accounts/2fa/totp/activate/", {"code": totp(secret)})
    if status != 302:
        return [*problems, f"TOTP activation: status {status}"]

    second = Visitor(port)
    second.request("GET", "/en/accounts/login/")
    status, headers, _ = second.request(
        "POST", "/en/accounts/login/", {"login": email, "password": password}
    )
    if not header(headers, "Location").endswith("/accounts/2fa/authenticate/"):
        return [*problems, f"second sign-in did not ask for the code: {status}"]
    status, _, _ = second.request(
        "POST", "/en/accounts/2fa/authenticate/", {"code": totp(secret, 1)}
    )
    status, _, page = second.request("GET", "/admin/")
    if status != 200 or "wagtail" not in page.lower():
        problems.append(f"the admin after password + TOTP: status {status}")
    return problems


@contextmanager
def gunicorn(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(GUNICORN),
            "beoncosup.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                sys.exit("gunicorn stopped during start-up")
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            sys.exit("gunicorn did not answer /healthz within 60 s")
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def header(headers: dict[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def check_page(port: int, check: Check) -> list[str]:
    status, headers, body = get(port, check.path)
    problems = []
    if status != 200:
        problems.append(f"{check.path}: status {status}, expected 200")
    if check.expect_text.lower() not in body.lower():
        problems.append(f"{check.path}: {check.expect_text!r} not in the page")
    wanted = dict(COMMON_HEADERS)
    if check.csp:
        wanted[CSP_HEADER[0]] = CSP_HEADER[1]
    for name, fragment in wanted.items():
        if fragment not in header(headers, name):
            problems.append(f"{check.path}: header {name} is {header(headers, name)!r}")
    return problems


def check_static(port: int) -> list[str]:
    """The home page links hashed static files, and they are served compressed-capable."""
    _, _, body = get(port, "/nl/")
    links = re.findall(r'(?:href|src)="(/static/[^"]+)"', body)
    hashed = [link for link in links if re.search(r"\.[0-9a-f]{12}\.(?:css|js)$", link)]
    if not hashed:
        return ["/nl/: no hashed static file linked (collectstatic's manifest not used)"]
    problems = []
    for link in hashed:
        status, headers, _ = get(port, link)
        if status != 200:
            problems.append(f"{link}: status {status}")
        elif "max-age=315360000" not in header(headers, "Cache-Control"):
            problems.append(f"{link}: not cached far into the future")
    return problems


def main() -> int:
    data_dir = Path(tempfile.mkdtemp(prefix="beoncosup-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BEONCOSUP_")}
    env.update(
        {
            "BEONCOSUP_PRODUCTION": "true",
            "BEONCOSUP_SECRET_KEY": secrets.token_urlsafe(64),
            "BEONCOSUP_ALLOWED_HOSTS": HOST,
            "BEONCOSUP_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "BEONCOSUP_DATA_DIR": str(data_dir),
            "BEONCOSUP_LOG_LEVEL": "WARNING",
        }
    )
    try:
        say("deploy: migrate, collectstatic, reference data")
        manage("migrate", "--noinput", "-v0", env=env)
        manage("collectstatic", "--noinput", "-v0", env=env)
        for command in ("load_geo", "load_taxonomy", "load_instruments"):
            manage(command, env=env)
        hub = manage("load_hub_content", env=env)
        manage("load_navigator_measures", env=env)
        problems = []
        if "demo" not in hub.lower():
            problems.append(f"load_hub_content did not report refusing demo articles: {hub}")
        refused = subprocess.run(  # noqa: S603 - fixed arguments
            [str(PYTHON), "manage.py", "setup_demo"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if refused.returncode == 0:
            problems.append("setup_demo ran in production")
        for demo_command in ("load_demo_accounts", "load_demo_referrals"):
            refused = subprocess.run(  # noqa: S603 - fixed arguments
                [str(PYTHON), "manage.py", demo_command],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if refused.returncode == 0:
                problems.append(f"{demo_command} ran in production")
        admin_email = "smoke-admin@beoncosup.example"
        created = manage("create_platform_admin", admin_email, env=env)
        admin_password = created.rsplit(": ", 1)[-1].strip()

        port = free_port()
        say(f"serve: gunicorn, 2 workers, 127.0.0.1:{port}")
        with gunicorn(env, port):
            for check in CHECKS:
                found = check_page(port, check)
                problems += found
                say(f"  {'FAIL' if found else 'ok  '} {check.path}")
            problems += check_static(port)
            status, _, _ = get(port, "/nl/plan/%00/")
            if not 400 <= status < 500:
                problems.append(f"/nl/plan/%00/: status {status}, expected 4xx")
            # A private link that does not exist: a 404 page, never a 500 or a sign-in wall.
            status, _, _ = get(port, "/nl/r/no-such-link/")
            if status != 404:
                problems.append(f"/nl/r/no-such-link/: status {status}, expected 404")
            found = check_sign_in_with_mfa(port, admin_email, admin_password)
            problems += found
            say(f"  {'FAIL' if found else 'ok  '} sign-in with password and TOTP, then the admin")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if problems:
        say("\n  ".join(["Production smoke test FAILED:", *problems]))
        return 1
    say("Production smoke test passed: every page 200 with its security headers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
