"""Reading the hub's content files (beoncosup/hub/data/*.yaml) into checked, plain values.

Nothing here touches the database: `services.hub_content_load` checks everything first and
writes nothing when a file is wrong. The schema is described in docs/hub.md.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import yaml

from beoncosup.hub.enums import Audience, EmploymentStatus, Region, Topic

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "fr", "de", "en")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BLOCK_TYPES = {
    "heading",
    "text",
    "steps",
    "callout",
    "questions",
    "contact",
    "applies_to",
    "checklist",
    "worksheet",
}
# Structured blocks whose listed keys hold text to be turned into rich text (paragraphs).
RICH_KEYS = {"steps": ("text",), "callout": ("text",), "questions": ("answer",)}
MARKUP = re.compile(r"\*\*(.+?)\*\*|\[([^\]]+)\]\((https?://[^)\s]+)\)")


class ContentError(ValueError):
    """The content files are wrong; the message lists every problem found."""


@dataclass
class TopicData:
    code: str
    title: dict[str, str]
    intro: dict[str, str]


@dataclass
class ArticleTranslation:
    title: str
    summary: str
    body: list[dict[str, Any]]


@dataclass
class ArticleData:
    slug: str
    topic: str
    audiences: list[str]
    employment_statuses: list[str]
    regions: list[str]
    needs: list[str]
    sources: list[dict[str, Any]]
    last_reviewed_on: datetime.date | None
    reviewed_by: str
    next_review_due: datetime.date | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    is_demo: bool
    translations: dict[str, ArticleTranslation] = field(default_factory=dict)

    def fingerprint(self, language: str) -> str:
        """Changes when anything the page in ``language`` shows changes (re-runs skip the rest)."""
        shared = {k: v for k, v in self.__dict__.items() if k != "translations"}
        data = {"shared": shared, "text": self.translations[language].__dict__}
        raw = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(raw).hexdigest()


@dataclass
class HubContent:
    home: dict[str, dict[str, str]]
    topics: list[TopicData]
    articles: list[ArticleData]


def inline(text: str) -> str:
    """Escaped text with **bold** and [links](https://…) as HTML."""
    out, last = [], 0
    for match in MARKUP.finditer(text):
        out.append(escape(text[last : match.start()]))
        if match.group(1) is not None:
            out.append(f"<b>{escape(match.group(1))}</b>")
        else:
            out.append(f'<a href="{escape(match.group(3))}">{escape(match.group(2))}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def rich_text(text: str) -> str:
    """Plain text to rich-text HTML: blank lines separate paragraphs, "- " lines make a list."""
    html = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{inline(line[2:])}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        elif lines:
            html.append(f"<p>{inline(' '.join(lines))}</p>")
    return "".join(html)


def _date(value: Any, where: str, problems: list[str]) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    problems.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
    return None


def _codes(value: Any, allowed: set[str] | None, where: str, problems: list[str]) -> list[str]:
    """A list of codes; ``allowed`` None accepts any code (checked elsewhere)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: must be a list of codes")
        return []
    unknown = sorted(set(value) - allowed) if allowed is not None else []
    if unknown:
        problems.append(f"{where}: unknown code(s) {', '.join(unknown)}")
    return list(value)


def _block(raw: Any, where: str, problems: list[str]) -> dict[str, Any] | None:
    """One body block from YAML ({type: value}) to Wagtail's raw stream format."""
    if not isinstance(raw, dict) or len(raw) != 1:
        problems.append(f"{where}: a block is a mapping with one key, the block type")
        return None
    kind, value = next(iter(raw.items()))
    problem = ""
    if kind not in BLOCK_TYPES:
        problem = f"unknown block type {kind!r}"
    elif kind in ("heading", "text"):
        if isinstance(value, str) and value.strip():
            html = value.strip() if kind == "heading" else rich_text(value)
            return {"type": kind, "value": html}
        problem = f"{kind} must be text"
    elif not isinstance(value, dict):
        problem = f"{kind} must be a mapping"
    if problem:
        problems.append(f"{where}: {problem}")
        return None
    return {"type": kind, "value": _structured(kind, dict(value), where, problems)}


def _structured(kind: str, value: dict[str, Any], where: str, problems: list[str]) -> Any:
    """A block made of fields: rich-text fields converted, required parts checked."""
    if kind == "steps":
        value["steps"] = [
            {"title": s.get("title", ""), "text": rich_text(s.get("text", ""))}
            for s in value.get("steps") or []
        ]
        if not value["steps"]:
            problems.append(f"{where}: steps need at least one step")
    elif kind == "questions":
        value["questions"] = [
            {"question": q.get("question", ""), "answer": rich_text(q.get("answer", ""))}
            for q in value.get("questions") or []
        ]
        if not value["questions"]:
            problems.append(f"{where}: questions need at least one question")
    elif kind in ("callout", "applies_to"):
        value["text"] = rich_text(str(value.get("text", "")))
        if kind == "applies_to":
            value["audiences"] = _codes(
                value.get("audiences"), set(Audience.values), where, problems
            )
            value["employment_statuses"] = _codes(
                value.get("employment_statuses"), set(EmploymentStatus.values), where, problems
            )
            value["regions"] = _codes(value.get("regions"), set(Region.values), where, problems)
    elif kind == "checklist":
        if not value.get("items"):
            problems.append(f"{where}: a checklist needs items")
    elif kind == "worksheet":
        value["fields"] = [
            {"label": f.get("label", ""), "hint": f.get("hint", ""), "lines": f.get("lines", 2)}
            for f in value.get("fields") or []
        ]
        if not value["fields"]:
            problems.append(f"{where}: a worksheet needs fields")
    elif kind == "contact" and not value.get("name"):
        problems.append(f"{where}: a contact needs a name")
    return value


def _translation(raw: Any, where: str, problems: list[str]) -> ArticleTranslation | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a mapping with title, summary and body")
        return None
    title, summary = raw.get("title"), raw.get("summary")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{where}: title is missing")
    if not isinstance(summary, str) or not summary.strip():
        problems.append(f"{where}: summary is missing")
    body = [
        _block(b, f"{where} block {i + 1}", problems) for i, b in enumerate(raw.get("body", []))
    ]
    return ArticleTranslation(
        title=str(title or "").strip(),
        summary=" ".join(str(summary or "").split()),
        body=[b for b in body if b is not None],
    )


def _article(raw: Any, topic: str, where: str, problems: list[str]) -> ArticleData | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: an article is a mapping")
        return None
    slug = raw.get("slug", "")
    if not isinstance(slug, str) or not SLUG.match(slug):
        problems.append(f"{where}: slug {slug!r} must be lowercase words joined by hyphens")
    sources = []
    for i, source in enumerate(raw.get("sources") or []):
        spot = f"{where} source {i + 1}"
        if not isinstance(source, dict) or not source.get("title"):
            problems.append(f"{spot}: needs a title")
            continue
        consulted = _date(source.get("consulted"), spot, problems)
        if consulted is None:
            problems.append(f"{spot}: needs the date it was consulted")
        sources.append(
            {"title": source["title"], "url": source.get("url", ""), "consulted_on": consulted}
        )
    if not sources:
        problems.append(f"{where}: every article needs at least one source")
    reviewed = raw.get("reviewed") or {}
    translations = {}
    for language, text in (raw.get("translations") or {}).items():
        if language not in LANGUAGES:
            problems.append(f"{where}: unknown language {language!r}")
            continue
        translation = _translation(text, f"{where} [{language}]", problems)
        if translation is not None:
            translations[language] = translation
    if not translations:
        problems.append(f"{where}: no translations")
    return ArticleData(
        slug=str(slug),
        topic=topic,
        audiences=_codes(raw.get("audiences"), set(Audience.values), where, problems),
        employment_statuses=_codes(
            raw.get("employment_statuses"), set(EmploymentStatus.values), where, problems
        ),
        regions=_codes(raw.get("regions"), set(Region.values), where, problems),
        # Need codes are checked against the database by the loader.
        needs=_codes(raw.get("needs"), None, where, problems),
        sources=sources,
        last_reviewed_on=_date(reviewed.get("on"), f"{where} reviewed.on", problems),
        reviewed_by=str(reviewed.get("by", "")),
        next_review_due=_date(raw.get("next_review"), f"{where} next_review", problems),
        valid_from=_date(raw.get("valid_from"), f"{where} valid_from", problems),
        valid_until=_date(raw.get("valid_until"), f"{where} valid_until", problems),
        is_demo=bool(raw.get("is_demo", False)),
        translations=translations,
    )


def parse_content(directory: Path = DATA_DIR) -> HubContent:
    """Read topics.yaml and every articles-*.yaml in ``directory``; raise ContentError listing
    every problem, so a wrong file is fixed in one go."""
    problems: list[str] = []
    try:
        topics_raw = yaml.safe_load((directory / "topics.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"topics.yaml: {error}") from error
    home = topics_raw.get("home") or {}
    topics = []
    for raw in topics_raw.get("topics") or []:
        code = raw.get("code")
        if code not in Topic.values:
            problems.append(f"topics.yaml: unknown topic {code!r}")
            continue
        missing = [lang for lang in LANGUAGES if not (raw.get("title") or {}).get(lang)]
        if missing:
            problems.append(f"topics.yaml {code}: title missing in {', '.join(missing)}")
        topics.append(TopicData(code=code, title=raw["title"], intro=raw.get("intro") or {}))
    articles = []
    seen: set[str] = set()
    for path in sorted(directory.glob("articles-*.yaml")):
        try:
            raw_file = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: {error}")
            continue
        topic = raw_file.get("topic")
        if topic not in {t.code for t in topics}:
            problems.append(f"{path.name}: unknown topic {topic!r}")
            continue
        for i, raw in enumerate(raw_file.get("articles") or []):
            article = _article(raw, topic, f"{path.name} article {i + 1}", problems)
            if article is None:
                continue
            if article.slug in seen:
                problems.append(f"{path.name}: slug {article.slug!r} is used twice")
            seen.add(article.slug)
            articles.append(article)
    if problems:
        raise ContentError("\n".join(problems))
    return HubContent(home=home, topics=topics, articles=articles)
