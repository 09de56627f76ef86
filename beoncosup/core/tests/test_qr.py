from __future__ import annotations

import re

import pytest
import segno

from beoncosup.core.qr import BORDER, qr_svg

URL = "https://beoncosup.be/nl/plan/Q2xvc2VkLWxvb3AgcmVm/"


def dark_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules (column, row, quiet zone included) that the SVG's black path draws:
    segno writes one stroked horizontal line per run ('M x y.5', 'h n', relative 'm dx dy')."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg)
    assert path, svg
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            dark.update((int(x) + step, int(y)) for step in range(int(a)))
            x += float(a)
    return dark


def matrix_modules(url: str) -> set[tuple[int, int]]:
    matrix = segno.make(url, error="m").matrix
    return {
        (column + BORDER, row + BORDER)
        for row, line in enumerate(matrix)
        for column, value in enumerate(line)
        if value
    }


@pytest.mark.parametrize("url", [URL, "https://example.org/", URL + "print/?x=1&y=2"])
def test_the_svg_draws_the_qr_code_of_the_url(url):
    assert dark_modules(qr_svg(url, title="QR")) == matrix_modules(url)


def test_a_different_url_draws_a_different_code():
    assert dark_modules(qr_svg(URL, title="QR")) != matrix_modules(URL + "x")


def test_the_svg_is_an_image_with_a_name_for_screen_readers():
    svg = str(qr_svg(URL, title='Opens "your" plan <online>'))

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'role="img"' in svg.split(">", 1)[0]
    assert "<title>Opens &quot;your&quot; plan &lt;online&gt;</title>" in svg
    assert svg.endswith("</svg>")


def test_the_svg_fetches_nothing():
    svg = str(qr_svg(URL, title="QR"))

    assert "href" not in svg
    assert "<image" not in svg
    assert "url(" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


@pytest.mark.parametrize("url", ["https://a.be/", URL, URL * 3])
def test_the_code_prints_at_least_two_and_a_half_centimetres_wide(url):
    svg = str(qr_svg(url, title="QR"))
    size = re.search(r'width="([\d.]+)mm" height="([\d.]+)mm"', svg)
    view = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert size and view
    modules = int(view.group(1))
    width_mm = float(size.group(1))

    assert size.group(1) == size.group(2)
    assert width_mm * (modules - 2 * BORDER) / modules >= 25  # the code without its quiet zone
    assert width_mm <= 60  # and not a poster


def test_the_quiet_zone_is_light():
    svg = str(qr_svg(URL, title="QR"))
    modules = int(re.search(r'viewBox="0 0 (\d+)', svg).group(1))  # type: ignore[union-attr]

    assert f'<path fill="#fff" d="M0 0h{modules}v{modules}h-{modules}z"/>' in svg
    assert all(BORDER <= x < modules - BORDER for x, _y in dark_modules(svg))
