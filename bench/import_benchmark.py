"""Time and peak memory of importing a generated directory into an empty SQLite database.

    .venv/bin/python bench/import_benchmark.py --services 100000
    .venv/bin/python bench/import_benchmark.py --services 100000 --shape array --shape page

Without ``--shape``, generates the realistic directory (bench/generate_directory.py). With
``--shape`` (array, page, export; repeatable), generates the lean files of issue #10 in that
shape (bench/import_shapes.py) and imports each in turn. Every import starts from a fresh
database in a temporary folder (migrated, with geography and the taxonomy; prepared once and
copied) and runs `import_hsds` in a child process; the wall-clock time and the peak resident
memory of that child alone (``os.wait4``) are reported, with its CPU time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run a child to completion; returns its wall-clock seconds, its CPU seconds (user +
    system: less sensitive than wall time to other work on the machine) and its peak RSS in
    KiB."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env=env)  # noqa: S603 - fixed arguments
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with exit code {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def generate(args: argparse.Namespace, shape: str | None, data: Path, env: dict[str, str]) -> None:
    if shape is None:
        if any(data.glob("services.*.json")):
            return
        command = [
            "bench/generate_directory.py",
            *(["--language", args.language] if args.language else []),
            *(["--shuffled"] if args.shuffled else []),
        ]
    else:
        if any(data.glob("*.json")):
            return
        command = ["bench/import_shapes.py", "--shape", shape]
    seconds, _cpu, _peak = run(
        [PYTHON, *command, "--services", str(args.services), "--out", str(data)], env
    )
    print(f"generated in {seconds:.1f} s")  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the generated files here")
    parser.add_argument("--language", help="generate every service in this one language")
    parser.add_argument(
        "--shuffled", action="store_true", help="services in random id order (not as exported)"
    )
    parser.add_argument(
        "--shape",
        action="append",
        choices=["array", "page", "export"],
        help="a lean file of this shape (bench/import_shapes.py); repeatable",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.sqlite3"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{template}",
            "BEONCOSUP_DATA_DIR": tmp,
        }
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        run([PYTHON, "manage.py", "load_geo"], env)
        run([PYTHON, "manage.py", "load_taxonomy"], env)
        for shape in args.shape or [None]:
            data = (args.keep or Path(tmp) / "data") / (shape or "")
            generate(args, shape, data, env)
            target = data if shape in (None, "export") else data / "services.json"
            files = sorted(data.glob("services*.json")) if target.is_dir() else [target]
            megabytes = sum(f.stat().st_size for f in files) / 1e6
            database = Path(tmp) / "import.sqlite3"
            shutil.copyfile(template, database)
            seconds, cpu, peak = run(
                [
                    PYTHON,
                    "manage.py",
                    "import_hsds",
                    str(target),
                    *([] if target.is_dir() else ["--language", "nl"]),
                ],
                {**env, "DATABASE_URL": f"sqlite:///{database}"},
            )
            print(  # noqa: T201
                f"import_hsds, {shape or 'generated directory'}, {args.services} services, "
                f"{megabytes:.0f} MB in {len(files)} file(s): {seconds:.1f} s "
                f"({cpu:.1f} s CPU), peak memory {peak / 1024:.0f} MiB"
            )
            database.unlink()


if __name__ == "__main__":
    main()
