"""Templates follow the import layers: a template may include, extend and load only templates
and tag libraries of its own app or of a lower layer, as import-linter checks for Python.

The layers are read from the import-linter "layers" contract in pyproject.toml (one source of
truth). Templates in beoncosup/templates/ (base.html, the header) belong to the site shell, the
lowest layer with core. Links by URL name ({% url %}) are not checked: a link is no dependency
on another app's code (docs/architecture.md, "Layers").
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "beoncosup"
SHELL = "core"  # the app whose layer beoncosup/templates/ belongs to

TEMPLATE_REFERENCE = re.compile(r"""{%\s*(include|extends)\s+(["'])([^"']+)\2""")
LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")


def layer_ranks(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, int]:
    """Each module of the layers contract with its height (0: the bottom layer); siblings
    written "a | b" (independent) or "a : b" share a height."""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(contract for contract in contracts if contract.get("id") == "layers")["layers"]
    ranks: dict[str, int] = {}
    for height, layer in enumerate(reversed(layers)):
        for name in re.split(r"[|:]", layer):
            ranks[name.strip()] = height
    return ranks


def tag_libraries(package: Path) -> dict[str, str]:
    """Tag library name -> the app that defines it (<app>/templatetags/<library>.py)."""
    return {
        path.stem: path.parent.parent.name
        for path in package.glob("*/templatetags/*.py")
        if path.stem != "__init__"
    }


def template_files(package: Path) -> list[tuple[str, Path]]:
    """Every template file with the app it belongs to."""
    found = [(SHELL, path) for path in sorted((package / "templates").rglob("*")) if path.is_file()]
    for templates in sorted(package.glob("*/templates")):
        app = templates.parent.name
        found += [(app, path) for path in sorted(templates.rglob("*")) if path.is_file()]
    return found


def template_owner(name: str, ranks: dict[str, int], package: Path) -> str | None:
    """The app a template name belongs to, or None for a third-party template (Django's,
    Wagtail's)."""
    first = name.split("/", 1)[0]
    if first in ranks:
        return first
    if (package / "templates" / name).is_file():
        return SHELL
    return None


def loaded_libraries(arguments: str) -> list[str]:
    words = arguments.split()
    return [words[-1]] if "from" in words else words  # {% load tag from library %}


def upward_references(
    package: Path = PACKAGE, pyproject: Path = ROOT / "pyproject.toml"
) -> list[str]:
    """One line per template reference to an app in a higher layer, or to a sibling."""
    ranks = layer_ranks(pyproject)
    libraries = tag_libraries(package)
    problems = []
    for app, path in template_files(package):
        text = path.read_text(encoding="utf-8")
        used: list[tuple[str, str, str | None]] = [
            (kind, name, template_owner(name, ranks, package))
            for kind, _quote, name in TEMPLATE_REFERENCE.findall(text)
        ]
        for arguments in LOAD.findall(text):
            used += [("load", lib, libraries.get(lib)) for lib in loaded_libraries(arguments)]
        for kind, name, owner in used:
            if owner is None or owner == app:
                continue
            if ranks[owner] >= ranks[app]:
                where = path.relative_to(package.parent)
                problems.append(f"{where}: {kind} {name!r} of {owner}, not below {app}")
    return problems


def test_templates_reach_only_their_own_app_or_lower_layers():
    assert upward_references() == []


def test_layers_are_read_from_the_import_linter_contract():
    ranks = layer_ranks()

    assert ranks["core"] == 0
    assert ranks["geo"] < ranks["situation"] < ranks["taxonomy"] < ranks["directory"]
    assert ranks["directory"] < ranks["search"] < ranks["finder"] < ranks["hub"]
    assert ranks["hub"] == ranks["navigator"] == ranks["screening"]


@pytest.mark.parametrize(
    ("app", "template", "expected"),
    [
        (
            "taxonomy",
            '{% extends "base.html" %}{% load i18n finder_things %}',
            "beoncosup/taxonomy/templates/taxonomy/page.html: load 'finder_things' of finder, "
            "not below taxonomy",
        ),
        (
            "screening",
            '{% include "hub/includes/card.html" with card=card %}',
            "beoncosup/screening/templates/screening/page.html: include 'hub/includes/card.html' "
            "of hub, not below screening",
        ),
        (
            "core",
            "{% load plan_tag from finder_things %}",
            "beoncosup/core/templates/core/page.html: load 'finder_things' of finder, "
            "not below core",
        ),
    ],
)
def test_a_reference_upwards_or_to_a_sibling_is_named(tmp_path, app, template, expected):
    package = tmp_path / "beoncosup"
    (package / "templates").mkdir(parents=True)
    (package / "templates" / "base.html").write_text("<html></html>", encoding="utf-8")
    (package / "finder" / "templatetags").mkdir(parents=True)
    (package / "finder" / "templatetags" / "finder_things.py").write_text("", encoding="utf-8")
    page = package / app / "templates" / app / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(template, encoding="utf-8")

    assert upward_references(package) == [expected]


def test_the_shell_and_lower_apps_may_be_used_from_above(tmp_path):
    package = tmp_path / "beoncosup"
    (package / "templates").mkdir(parents=True)
    (package / "templates" / "base.html").write_text("<html></html>", encoding="utf-8")
    (package / "core" / "templatetags").mkdir(parents=True)
    (package / "core" / "templatetags" / "i18n_text.py").write_text("", encoding="utf-8")
    page = package / "finder" / "templates" / "finder" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '{% extends "base.html" %}{% load i18n i18n_text %}'
        '{% include "core/includes/picked_text.html" %}{% include "finder/includes/x.html" %}'
        '{% include "wagtailadmin/shared/header.html" %}',
        encoding="utf-8",
    )

    assert upward_references(package) == []
