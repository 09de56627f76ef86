"""Fail when any nl/fr/de/en catalogue has an untranslated or fuzzy message.

Also fails when a catalogue is missing or out of date with the source strings, by comparing
its message ids with those `makemessages` extracts now (see `make messages-check`).
Usage: python scripts/check_translations.py [LOCALE_DIR]
       python scripts/check_translations.py --fill-english [LOCALE_DIR]
English is the source language: --fill-english copies each new message id into the English
catalogue (run by `make messages`), so only nl, fr and de need translators.
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
            elif entry.previous_msgid or entry.previous_msgid_plural:
                # Stale "#|" lines from gettext's guess; a "#| msgid_plural" on a singular
                # entry even makes msgfmt (and so compilemessages) fail.
                problems.append(f"{where} keeps '#|' lines of an earlier message")
            elif not entry.translated():
                problems.append(f"{where} is untranslated")
    return problems


def fill_english(locale_dir: Path) -> int:
    path = locale_dir / "en" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    filled = 0
    for entry in catalogue:
        if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    catalogue.metadata["Language"] = "en"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.save(str(path))
    return filled


def main(argv: list[str]) -> int:
    args = argv[1:]
    if args and args[0] == "--fill-english":
        locale_dir = Path(args[1]) if len(args) > 1 else Path("beoncosup/locale")
        print(f"English: {fill_english(locale_dir)} message(s) filled from the source.")  # noqa: T201
        return 0
    locale_dir = Path(args[0]) if args else Path("beoncosup/locale")
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
