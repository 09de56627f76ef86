"""The incremental JSON reader of the HSDS import: every accepted shape, read in chunks as small
as one character, and clear errors (nothing written) for truncated or malformed files."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from beoncosup.directory.hsds import jsonstream
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.problems import ImportRejected
from beoncosup.directory.hsds.reading import records as file_records
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record

ITEMS: list[dict[str, Any]] = [
    {
        "id": str(number),
        "name": 'Ça va \u00e9\u00e8 \u2603 \U0001f600 "quoted" back\\slash\nnew line',
        "big": 12345678901234567890,
        "numbers": [0, -1.5e-3, 2e10, 3.25],
        "flags": [True, False, None],
        "nested": {"empty": {}, "list": [], "text": ""},
    }
    for number in range(12)
]


def read(text: str) -> list[Any]:
    return list(jsonstream.records(io.StringIO(text)))


def error_of(text: str) -> str:
    with pytest.raises(jsonstream.JsonStreamError) as error:
        read(text)
    return str(error.value)


@pytest.fixture(params=[1, 2, 7, 1 << 20], ids=lambda size: f"chunk{size}")
def chunk(request, monkeypatch):
    """Values cut at every possible place: the reader must read on, never misread."""
    monkeypatch.setattr(jsonstream, "CHUNK", request.param)
    return request.param


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("ascii_only", [False, True])  # \u escapes, surrogate pairs included
def test_arrays_page_objects_and_single_objects(chunk, indent, ascii_only):
    def dump(value: Any) -> str:
        return json.dumps(value, indent=indent, ensure_ascii=ascii_only)

    page = {"total_items": 12, "page_number": 1, "contents": ITEMS, "empty": False}

    assert read(dump(ITEMS)) == ITEMS
    assert read(dump(page)) == ITEMS
    assert read(" \n\t" + dump(ITEMS[0]) + "\r\n") == [ITEMS[0]]
    assert read("[]") == []
    assert read('{"contents": []}') == []


def test_a_page_object_with_contents_after_its_other_keys_or_no_list(chunk):
    assert read('{"page_number": 1, "links": {"a": [1]}, "contents": [{"id": "x"}]}') == [
        {"id": "x"}
    ]
    # "contents" that is not a list makes it an ordinary object, as before.
    assert read('{"id": "x", "contents": null}') == [{"id": "x", "contents": None}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("  \n", "is empty"),
        ("[", "is not valid JSON: the file ends where a value should be at line 1, column 2"),
        ('[{"id": 1}', "is not valid JSON: the array is not closed at line 1, column 11"),
        ('[{"id": 1},', "the file ends where a value should be"),
        ('[{"id": 1},]', "is not valid JSON: Expecting value at line 1, column 12"),
        ('[{"id": 1} {"id": 2}]', "expected ',' or ']', found '{' at line 1, column 12"),
        ('[{"id": "a\nb"}]', "Invalid control character at line 1, column 11"),
        ('[{"id": tru', "Expecting value at line 1, column 9"),
        ('[{"id": ', "the file ends in the middle of a value at line 1, column 9"),
        ('[{"id": 1}]\n\n  x', "unexpected data after the JSON value at line 3, column 3"),
        ('{"contents": [{"id": 1}]', "the object is not closed at line 1, column 25"),
        ('{"contents": [{"id": 1}', "the array is not closed"),
        ('{"contents": [], "contents": []}', "'contents' appears twice"),
        ('{"id": 1, "name": "x"', "the object is not closed"),
        ("{'id': 1}", "expected a property name in double quotes at line 1, column 2"),
        ('{"id" 1}', "expected ':', found '1'"),
        ('{"name": "no id"}', "expected an array of services, a page object with 'contents'"),
        ('"just text"', "expected an array of services"),
        ("nul", "is not valid JSON: Expecting value at line 1, column 1"),
    ],
)
def test_truncated_and_malformed_files_say_what_and_where(chunk, text, expected):
    assert expected in error_of(text)


def test_items_before_an_error_are_read_then_the_error_is_raised(chunk):
    stream = jsonstream.records(io.StringIO('{"contents": [{"id": 1}, {"id": 2}, {"id": '))

    assert next(stream) == {"id": 1}
    assert next(stream) == {"id": 2}
    with pytest.raises(jsonstream.JsonStreamError, match="ends in the middle of a value"):
        next(stream)


def test_an_early_error_is_reported_without_reading_the_whole_file(monkeypatch):
    class Handle(io.StringIO):
        reads = 0

        def read(self, size: int | None = -1) -> str:
            Handle.reads += 1
            return super().read(size)

    monkeypatch.setattr(jsonstream, "CHUNK", 1000)
    text = '[{"id": 1}, {"id": x}, ' + ", ".join(['{"id": 2}'] * 100_000) + "]"

    with pytest.raises(jsonstream.JsonStreamError, match="Expecting value at line 1, column 20"):
        list(jsonstream.records(Handle(text)))
    assert Handle.reads <= 3


# ------------------------------------------------------------------ through the importer


@pytest.fixture
def reference_data(db):
    make_geo()
    make_needs()


def test_a_page_object_is_streamed_not_loaded_whole(tmp_path, chunk):
    # A page object cut off after its first service: its first service is read before the
    # end of the file is reached (loading the file whole would fail first).
    path = tmp_path / "page.json"
    first = service_record("a")
    path.write_text(json.dumps({"contents": [first, service_record("b")]})[:-40], encoding="utf-8")

    stream = file_records(path)

    assert next(stream) == first
    with pytest.raises(ImportRejected) as rejected:
        next(stream)
    assert "is not valid JSON" in str(rejected.value.report.problems[0])


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize(
    "shape",
    ["array", "page", "single", "byte order mark"],
)
def test_every_shape_imports(tmp_path, shape):
    records = [service_record("a"), service_record("b")]
    content = {
        "array": json.dumps(records),
        "page": json.dumps({"total_items": 2, "contents": records, "empty": False}),
        "single": json.dumps(records[0]),
        "byte order mark": "\ufeff" + json.dumps(records),
    }[shape]
    path = tmp_path / "services.json"
    path.write_text(content, encoding="utf-8")

    report = hsds_import(sources=[(path, "nl")])

    assert report.created == (1 if shape == "single" else 2)


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("cut", [1, 40, 400])
def test_a_truncated_page_object_writes_nothing(tmp_path, cut):
    page = json.dumps({"contents": [service_record(seed) for seed in "abc"], "empty": False})
    path = tmp_path / "services.json"
    path.write_text(page[:-cut], encoding="utf-8")

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(path, "nl")])

    assert "is not valid JSON" in str(rejected.value.report.problems[-1])
    assert not Service.objects.exists()
    assert not Organization.objects.exists()


@pytest.mark.usefixtures("reference_data")
def test_data_after_the_array_rejects_the_file(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([service_record("a")]) + "\n{}", encoding="utf-8")

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(path, "nl")])

    assert "unexpected data after the JSON value at line 2, column 1" in str(
        rejected.value.report.problems[0]
    )
    assert not Service.objects.exists()
