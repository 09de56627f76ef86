#!/usr/bin/env bash
# One entry point for a newcomer and for CI. Every step is idempotent.
#   scripts/dev.sh run    set up (runtime dependencies), migrate, load demo data, serve on :8000
#   scripts/dev.sh test   set up (with dev tools, Chromium, axe-core), check translations, run all tests
#   scripts/dev.sh setup  set up only
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
export UV_PYTHON_DOWNLOADS=never   # use the machine's Python 3.11; never fetch one
export UV_PROJECT_ENVIRONMENT="$ROOT/.venv"
PY="$ROOT/.venv/bin/python"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      command -v "$candidate"; return 0
    fi
  done
  echo "Python 3.11 is required (python3.11 not found)." >&2
  return 1
}

ensure_uv() {
  if command -v uv >/dev/null 2>&1; then UV=$(command -v uv); return; fi
  if [ ! -x "$ROOT/.tools/uv/bin/uv" ]; then
    say "Installing uv into .tools/uv"
    "$PYTHON" -m venv "$ROOT/.tools/uv"
    "$ROOT/.tools/uv/bin/python" -m pip install --quiet "uv>=0.9,<1"
  fi
  UV="$ROOT/.tools/uv/bin/uv"
}

ensure_gettext() {
  command -v msgfmt >/dev/null 2>&1 && return
  say "Installing gettext (msgfmt) to compile translations"
  as_root apt-get update -qq && as_root apt-get install -y -qq gettext >/dev/null ||
    { echo "msgfmt is missing and could not be installed: apt-get install gettext" >&2; exit 1; }
}

sync_env() {  # $1 = runtime | dev
  say "Installing Python dependencies into .venv (uv.lock)"
  if [ "$1" = dev ]; then
    "$UV" sync --frozen --python "$PYTHON"
  else
    # --inexact keeps dev tools installed by an earlier `test` run.
    "$UV" sync --frozen --no-dev --inexact --python "$PYTHON"
  fi
}

prepare_app() {
  ensure_gettext
  say "Compiling translations"
  "$PY" manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=.tools -v0
  say "Migrating the database"
  "$PY" manage.py migrate --noinput -v0
}

ensure_browser_tools() {
  if [ ! -x /usr/bin/chromium ]; then
    say "Installing Debian's chromium for browser tests"
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq chromium >/dev/null; }; then
      echo "Could not install chromium (needs root or sudo). Browser tests will be skipped." >&2
    fi
  fi
  say "Installing axe-core (npm)"
  if command -v npm >/dev/null 2>&1; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    echo "npm not found: install Node.js to run the accessibility checks." >&2
  fi
}

check_translations() {
  say "Checking translations are complete and up to date"
  # Extract the messages into a throw-away copy, so a stale catalogue fails without touching
  # the working tree.
  local copy
  copy=$(mktemp -d)
  git ls-files -z --cached --others --exclude-standard |
    tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$copy"
  (cd "$copy" && BEONCOSUP_DATA_DIR="$copy/var" "$PY" manage.py makemessages \
      -l nl -l fr -l de -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var \
      --ignore=.tools -v0)
  "$PY" scripts/check_translations.py "$copy/beoncosup/locale"
  rm -rf "$copy"
}

PYTHON=$(find_python)
ensure_uv

case "${1:-}" in
  setup)
    sync_env dev
    prepare_app
    ;;
  run)
    sync_env runtime
    prepare_app
    say "Loading demo data"
    "$PY" manage.py setup_demo
    say "Serving BeONCOsup on http://127.0.0.1:8000/ (Ctrl+C to stop)"
    exec "$PY" manage.py runserver 127.0.0.1:8000
    ;;
  test)
    shift
    sync_env dev
    prepare_app
    ensure_browser_tools
    check_translations
    say "Running the test suite"
    # In parallel, one worker per core (pytest-xdist; each worker has its own test database).
    BEONCOSUP_REQUIRE_BROWSER="${BEONCOSUP_REQUIRE_BROWSER:-true}" exec "$PY" -m pytest \
      -n "${BEONCOSUP_TEST_WORKERS:-auto}" "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh run|test [pytest args]|setup" >&2
    exit 2
    ;;
esac
