"""Reading HSDS service objects from files, one at a time (JSON streamed, or a CSV package)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from beoncosup.directory.hsds import tabular
from beoncosup.directory.hsds.problems import ImportRejected, ImportReport, Problem, file_problem

MAX_FILE_BYTES = 2 * 1024**3


def records(path: Path) -> Iterator[Any]:
    """The service objects of a JSON file, one at a time: an array (streamed, so a file of
    100,000 services never sits in memory whole), a page object, or one service object."""
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
        with path.open(encoding="utf-8") as handle:
            start = handle.read(1 << 16)
            if start.lstrip().startswith("["):
                yield from stream_json_array(handle, start, name)
                return
            document = json.loads(start + handle.read())
    except OSError as exc:
        raise file_problem(name, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise file_problem(name, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise file_problem(
            name, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        yield from document["contents"]
    elif isinstance(document, dict) and "id" in document:
        yield document
    else:
        raise file_problem(
            name, "expected an array of services, a page object with 'contents', or one service"
        )


def stream_json_array(handle: IO[str], buffer: str, name: str) -> Iterator[Any]:
    """Yield the items of a top-level JSON array read from ``handle`` in chunks."""
    decoder = json.JSONDecoder()
    consumed = 0  # characters dropped from the front of the buffer, for error positions
    pos = buffer.index("[") + 1
    expect_item = True
    while True:
        while True:
            pos = _skip_space(buffer, pos)
            if pos < len(buffer):
                break
            more = handle.read(1 << 20)
            if not more:
                raise file_problem(name, "is not valid JSON: the array is not closed")
            buffer, consumed, pos = buffer[pos:] + more, consumed + pos, 0
        char = buffer[pos]
        if char == "]" and (expect_item is False or _empty_so_far(consumed, pos, buffer)):
            return
        if not expect_item:
            if char != ",":
                raise file_problem(
                    name, f"is not valid JSON: expected ',' or ']' at character {consumed + pos}"
                )
            pos += 1
            expect_item = True
            continue
        while True:
            try:
                item, end = decoder.raw_decode(buffer, pos)
                break
            except json.JSONDecodeError as exc:
                more = handle.read(1 << 20)
                if not more:
                    raise file_problem(
                        name, f"is not valid JSON: {exc.msg} at character {consumed + exc.pos}"
                    ) from None
                buffer, consumed, pos = buffer[pos:] + more, consumed + pos, 0
        yield item
        pos, expect_item = end, False
        if pos > 1 << 20:
            buffer, consumed, pos = buffer[pos:], consumed + pos, 0


def _skip_space(buffer: str, pos: int) -> int:
    while pos < len(buffer) and buffer[pos] in " \t\r\n":
        pos += 1
    return pos


def _empty_so_far(consumed: int, pos: int, buffer: str) -> bool:
    """True for ``[]``: the closing bracket follows the opening one."""
    return consumed == 0 and buffer[:pos].strip() == "["
