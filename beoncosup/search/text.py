"""Text normalisation shared by every search: the same Python pipeline on SQLite and
PostgreSQL, so both give the same results.

lowercase → words → drop stop words → stem (Snowball, per language) → fold accents.
Stemming comes before folding because the French and German stemmers read accents.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer

LANGUAGES = ("nl", "fr", "de", "en")
# dutch_porter, not dutch: Snowball 3's "dutch" over-stems (begeleiding -> beleid).
STEMMERS = {"nl": "dutch_porter", "fr": "french", "de": "german", "en": "english"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Everyday words people type around what they mean ("ik ben altijd moe").
_STOP_WORDS = {
    "nl": """ik je jij u hij zij ze we wij het de een en of van voor met mijn mij me ben bent is
        zijn was heb heeft hebben altijd nog niet geen wel zo erg heel veel te om op in aan
        dat die dit er over bij als maar ook wat hoe wil kan moet naar door na tijdens sinds
        zonder tegen al nu dan toen omdat want wanneer elke elk iets alles echt gewoon""",
    "fr": """je j tu il elle on nous vous ils elles le la les l un une des du de d et ou que qu
        qui ça ca ce c est suis es sommes être ai as avons a au aux en dans pour par avec
        mon ma mes me m ne n pas plus très tout toujours se s y sur pendant depuis sans
        après avant chez mais donc car quand comme tous toute toutes chaque vraiment""",
    "de": """ich du er sie es wir ihr der die das den dem des ein eine einen einem einer und
        oder von zu mit mein meine mir mich bin bist ist sind war habe hat haben immer noch
        nicht kein keine sehr so viel für auf in im an am bei dass wie will kann muss nach
        durch seit während ohne gegen zum zur beim vom sich vor auch aber nur schon dann weil
        wenn jede jeden jeder alles etwas wirklich""",
    "en": """i me my you he she it we they the a an and or of to for with am is are was be
        been have has had always still not no very so much too in on at by that this what how
        want can must after before during since without from while but when because all every
        just really get got""",
}
STOP_WORDS = {language: set(text.split()) for language, text in _STOP_WORDS.items()}


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS[language])


def fold(text: str) -> str:
    """Lowercase without accents: "Chimiothérapie" -> "chimiotherapie", "Größe" -> "grosse"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def content_words(text: str, language: str) -> list[str]:
    """The words that carry meaning, elisions split off (l'hôpital -> hôpital)."""
    result = []
    for token in words(text):
        word = token.split("'")[-1]
        if word and word not in STOP_WORDS[language] and fold(word) not in STOP_WORDS[language]:
            result.append(word)
    return result


def stems(text: str, language: str) -> list[str]:
    return [fold(stem) for stem in _stemmer(language).stemWords(content_words(text, language))]


def stem_word(word: str, language: str) -> str:
    return fold(_stemmer(language).stemWord(word))
