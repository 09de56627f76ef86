"""Time and peak memory of importing a generated directory into an empty SQLite database.

    .venv/bin/python bench/import_benchmark.py --services 100000

Generates the directory (bench/generate_directory.py), creates a fresh database in a temporary
folder, migrates it, loads geography and the taxonomy, then runs `import_hsds` in a child
process and reports its wall-clock time and peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True)  # noqa: S603 - fixed arguments
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the generated files here")
    parser.add_argument("--language", help="generate every service in this one language")
    parser.add_argument(
        "--shuffled", action="store_true", help="services in random id order (not as exported)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.keep or Path(tmp) / "data"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "BEONCOSUP_DATA_DIR": tmp,
        }
        if not any(data.glob("services.*.json")):
            generated = run(
                [
                    PYTHON,
                    "bench/generate_directory.py",
                    "--services",
                    str(args.services),
                    "--out",
                    str(data),
                    *(["--language", args.language] if args.language else []),
                    *(["--shuffled"] if args.shuffled else []),
                ],
                env,
            )
            print(f"generated in {generated:.1f} s")  # noqa: T201
        sizes = {p.name: p.stat().st_size for p in sorted(data.glob("services.*.json"))}
        print(f"files: {sizes}")  # noqa: T201
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        run([PYTHON, "manage.py", "load_geo"], env)
        run([PYTHON, "manage.py", "load_taxonomy"], env)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = run([PYTHON, "manage.py", "import_hsds", str(data)], env)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(  # noqa: T201
            f"import_hsds of {args.services} services: {seconds:.1f} s, peak memory "
            f"{peak / 1024:.0f} MiB" + ("" if peak > before else " (an earlier step peaked higher)")
        )


if __name__ == "__main__":
    main()
