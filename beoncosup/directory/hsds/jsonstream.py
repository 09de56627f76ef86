"""An incremental reader for the JSON files the HSDS import accepts, using only the standard
library (``json.JSONDecoder.raw_decode`` over a buffered text stream).

A top-level array and a page object's ``contents`` array are read one item at a time, so a
file of 100,000 services never sits in memory whole whatever its shape; every other value
(one service, the page envelope's other keys) is decoded as usual. Syntax errors, truncated
files and trailing data raise ``JsonStreamError`` with the line and column; a file of another
shape raises it with ``SHAPE``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

CHUNK = 1 << 20  # characters read at a time
# An error this close to the end of the buffer may be a value cut by the chunk boundary
# (the decoder stops at most a few characters into an unfinished literal, number or escape).
LOOKAHEAD = 16
WHITESPACE = " \t\r\n"  # JSON's whitespace: nothing else may separate tokens
SHAPE = "expected an array of services, a page object with 'contents', or one service"


class JsonStreamError(Exception):
    """The file is not the JSON we accept; the message says where."""


class _Buffer:
    """A sliding window over the stream: ``text[pos]`` is the next character to read; the
    lines and column of the text already dropped from the front give positions."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.lines = 0  # newlines in the dropped text
        self.column = 0  # characters after the last dropped newline
        self.eof = False
        self.decoder = json.JSONDecoder()

    def more(self) -> bool:
        """Read the next chunk, dropping what was consumed; False at the end of the file."""
        if self.eof:
            return False
        # At least as much as is buffered, so a value spanning many chunks is read in
        # doubling steps rather than re-copied a megabyte at a time.
        chunk = self.handle.read(max(CHUNK, len(self.text) - self.pos))
        if not chunk:
            self.eof = True
            return False
        consumed = self.text[: self.pos]
        newlines = consumed.count("\n")
        self.lines += newlines
        self.column = (
            len(consumed) - consumed.rfind("\n") - 1 if newlines else self.column + len(consumed)
        )
        self.text, self.pos = self.text[self.pos :] + chunk, 0
        return True

    def where(self, index: int) -> str:
        """Line and column (from 1) of ``text[index]``."""
        before = self.text[:index]
        newlines = before.count("\n")
        column = index - before.rfind("\n") if newlines else self.column + index + 1
        return f"line {self.lines + newlines + 1}, column {column}"

    def error(self, message: str, index: int | None = None) -> JsonStreamError:
        where = self.where(self.pos if index is None else index)
        return JsonStreamError(f"is not valid JSON: {message} at {where}")

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in WHITESPACE:
                self.pos += 1
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, allowed: str, what: str, *, unclosed: str) -> str:
        char = self.peek()
        if not char:
            raise self.error(unclosed)
        if char not in allowed:
            raise self.error(f"expected {what}, found {char!r}")
        self.pos += 1
        return char

    def value(self) -> Any:
        """Decode one complete JSON value, reading more of the file as needed."""
        if not self.peek():
            raise self.error("the file ends where a value should be")
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                # An error at the end of the buffer (or in a string still open there) may just
                # be the value going on in the next chunk: read on. One well before the end is
                # real, and is reported without reading the rest of the file.
                starved = exc.pos >= len(self.text) - LOOKAHEAD or exc.msg.startswith(
                    "Unterminated string"
                )
                if starved and self.more():
                    continue
                if exc.pos >= len(self.text):  # the decoder ran out of file
                    raise self.error("the file ends in the middle of a value", exc.pos) from None
                raise self.error(exc.msg.removesuffix(" at"), exc.pos) from None
            # A number that ends the buffer may go on in the next chunk (12|34): read on.
            if end == len(self.text) and self.more():
                continue
            self.pos = end
            return value

    def items(self) -> Iterator[Any]:
        """The items of the array whose "[" was just read."""
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",]", "',' or ']'", unclosed="the array is not closed") == "]":
                return


def _object(buffer: _Buffer) -> Iterator[Any]:
    """A top-level object whose "{" was just read: a page object's ``contents`` are streamed;
    otherwise the whole object is yielded once read (one service, or an error)."""
    fields: dict[str, Any] = {}
    page = False
    if buffer.peek() == "}":
        buffer.pos += 1
    else:
        while True:
            if buffer.peek() != '"':
                raise buffer.error("expected a property name in double quotes")
            key = buffer.value()
            buffer.expect(":", "':'", unclosed="the object is not closed")
            if key == "contents" and buffer.peek() == "[":
                if page:
                    raise buffer.error("'contents' appears twice")
                buffer.pos += 1
                page, fields = True, {}
                yield from buffer.items()
            else:
                # The envelope of a page is dropped; only a single service needs its fields.
                value = buffer.value()
                if not page:
                    fields[key] = value
            if buffer.expect(",}", "',' or '}'", unclosed="the object is not closed") == "}":
                break
    if page:
        return
    if "id" not in fields:
        raise JsonStreamError(SHAPE)
    yield fields


def records(handle: IO[str]) -> Iterator[Any]:
    """The records of a JSON file: an array's items, a page object's ``contents`` or one
    object. Each is yielded as soon as it is read; errors later in the file still raise."""
    buffer = _Buffer(handle)
    start = buffer.peek()
    if start == "[":
        buffer.pos += 1
        yield from buffer.items()
    elif start == "{":
        buffer.pos += 1
        yield from _object(buffer)
    elif not start:
        raise JsonStreamError("is empty")
    else:
        buffer.value()  # a syntax error is reported as such, before the shape
        raise JsonStreamError(SHAPE)
    if buffer.peek():
        raise buffer.error("unexpected data after the JSON value")
