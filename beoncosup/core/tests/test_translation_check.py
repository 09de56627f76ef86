from __future__ import annotations

import importlib.util
from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location(
    "check_translations", ROOT / "scripts" / "check_translations.py"
)
assert _spec is not None and _spec.loader is not None
check_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_translations)


def write_catalogue(locale_dir: Path, language: str, entries: list[polib.POEntry]) -> None:
    path = locale_dir / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        catalogue.append(entry)
    catalogue.save(str(path))


def test_project_catalogues_are_complete():
    assert check_translations.catalogue_problems(ROOT / "beoncosup" / "locale") == []


def test_check_reports_untranslated_fuzzy_and_missing_catalogues(tmp_path: Path):
    write_catalogue(tmp_path, "nl", [polib.POEntry(msgid="Home", msgstr="")])
    write_catalogue(
        tmp_path, "fr", [polib.POEntry(msgid="Home", msgstr="Accueil", flags=["fuzzy"])]
    )
    write_catalogue(tmp_path, "de", [polib.POEntry(msgid="Home", msgstr="Startseite")])

    problems = check_translations.catalogue_problems(tmp_path)

    assert len(problems) == 3
    assert problems[0].endswith("'Home' is untranslated")
    assert problems[1].endswith("'Home' is fuzzy")
    assert problems[2].endswith("missing catalogue")


def test_fill_english_copies_source_strings_including_plurals(tmp_path: Path):
    write_catalogue(
        tmp_path,
        "en",
        [
            polib.POEntry(msgid="Home", msgstr=""),
            polib.POEntry(
                msgid="%(n)s need", msgid_plural="%(n)s needs", msgstr_plural={0: "", 1: ""}
            ),
        ],
    )

    filled = check_translations.fill_english(tmp_path)

    catalogue = polib.pofile(str(tmp_path / "en" / "LC_MESSAGES" / "django.po"))
    assert filled == 2
    assert catalogue.find("Home").msgstr == "Home"
    assert catalogue.find("%(n)s need").msgstr_plural == {0: "%(n)s need", 1: "%(n)s needs"}
