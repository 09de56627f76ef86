"""Reading HSDS service objects from files, one at a time (JSON streamed, or a CSV package)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from beoncosup.directory.hsds import jsonstream, tabular
from beoncosup.directory.hsds.problems import ImportRejected, ImportReport, Problem, file_problem

MAX_FILE_BYTES = 2 * 1024**3


def records(path: Path) -> Iterator[Any]:
    """The service objects of a JSON file, one at a time: an array or a page object's
    ``contents`` (both streamed, so a file of 100,000 services never sits in memory whole), or
    one service object; or of a CSV data package folder."""
    name = str(path)
    if path.is_dir():
        try:
            yield from tabular.read_package(path)
        except tabular.TabularError as exc:
            raise ImportRejected(
                ImportReport(
                    rejected=1,
                    problems=[Problem(f"{path}/{exc.file}", exc.record, exc.field, exc.message)],
                )
            ) from None
        return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise file_problem(name, "the file is larger than 2 GB")
        # utf-8-sig: a byte order mark, as some Windows tools write, is not an error.
        with path.open(encoding="utf-8-sig") as handle:
            yield from jsonstream.records(handle)
    except OSError as exc:
        raise file_problem(name, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise file_problem(name, "is not UTF-8 text") from None
    except jsonstream.JsonStreamError as exc:
        raise file_problem(name, str(exc)) from None
