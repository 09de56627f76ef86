"""Write the everyday word lists the needs matcher uses to tell real words from typos and to
split compounds: beoncosup/search/data/words-<language>.txt.gz, the most frequent words of
each language, most frequent first, one per line.

Derived from wordfreq (data CC BY-SA 4.0, see beoncosup/search/data/README.md). wordfreq is a
development dependency only: the running site reads the small files, not wordfreq's full
tables (about 120 MB resident for four languages). Run after upgrading wordfreq:

    .venv/bin/python scripts/build_wordlists.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import wordfreq

LANGUAGES = ("nl", "fr", "de", "en")
SIZE = 60_000
OUT = Path(__file__).resolve().parent.parent / "beoncosup" / "search" / "data"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        words = [w for w in wordfreq.top_n_list(language, SIZE * 2) if w.isalpha()][:SIZE]
        path = OUT / f"words-{language}.txt.gz"
        # mtime=0: the same words give the same bytes, so the file only changes with them.
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle,
        ):
            handle.write(("\n".join(words) + "\n").encode())
        sys.stdout.write(f"{path.name}: {len(words)} words\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
