"""Front matter: the YAML header of a Markdown post, read into `DocumentMeta`.

Only the keys that describe the article are read (title, subtitle, author(s), date, url,
publication, language, and tags as a hint for the author); everything else is ignored. A front
matter that does not parse, or parses to something odd (a 1,000-deep nesting), gives a warning
and no metadata: it never stops the article.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import yaml

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import DocumentMeta
from bot.core.model import IngestIssue

_TITLE_KEYS = ("title", "headline")
_SUBTITLE_KEYS = ("subtitle", "sub_title", "subheadline", "deck")
_AUTHOR_KEYS = ("authors", "author", "speaker", "speakers", "byline")
# a note-taking app's "created" dates a note that names no publication date (never "updated")
_DATE_KEYS = (
    "date",
    "published",
    "pubdate",
    "publish_date",
    "date_published",
    "created",
    "date_created",
    "created_at",
)
_URL_KEYS = ("url", "canonical_url", "canonical", "permalink", "link", "source_url")
_PUBLICATION_KEYS = ("publication", "publisher", "site", "source")
_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)


def split_toml_front_matter(text: str) -> tuple[str | None, str]:
    """A Hugo `+++` TOML block and the text with it blanked (line numbers kept)."""
    match = _TOML_FRONT.match(text)
    if not match:
        return None, text
    return match.group(1), "\n" * match.group(0).count("\n") + text[match.end() :]


_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in data and data[key] not in (None, "", []):
            return data[key]
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if text is None:
        return None
    match = _ISO.match(text)
    if match:
        return match.group(0)
    dates = [f for f in find_figures(text) if f.kind == "date"]  # "March 3, 2024"
    if not dates:
        return None
    return iso_date(dates[0])


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        text = " ".join(value.split())
        parts = [p for p in _NAME_SPLIT.split(text) if p]
        if len(parts) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() for p in parts):
            return tuple(parts)  # "Yara Haddad and Olumide Bankole" names two people
        return (text,) if text else ()
    if isinstance(value, dict):
        name = _text(value.get("name"))
        return (name,) if name else ()
    if isinstance(value, list):
        return tuple(n for item in value for n in _names(item))
    return ()


def tag_words(data: dict[str, Any]) -> tuple[str, ...]:
    """The front matter's tags (and categories), as strings."""
    out: list[str] = []
    for key in ("tags", "tag", "keywords"):
        value = data.get(key)
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        out.extend(str(item).strip() for item in items if isinstance(item, (str, int)))
    return tuple(t for t in out if t)


def parse_front_matter(
    raw: str,
    file: str,
    line: int = 1,
    *,
    toml: bool = False,
) -> tuple[DocumentMeta, tuple[str, ...], list[IngestIssue]]:
    """Read a front matter (YAML, or TOML for `+++`); return its metadata, tags and warnings."""
    try:
        data = tomllib.loads(raw) if toml else yaml.safe_load(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return DocumentMeta(), (), [IngestIssue(file, f"front matter ignored: {first}", line)]
    if not isinstance(data, dict):
        return DocumentMeta(), (), []
    data = {str(k).lower(): v for k, v in data.items()}
    meta = DocumentMeta(
        title=_text(_first(data, _TITLE_KEYS)),
        subtitle=_text(_first(data, _SUBTITLE_KEYS)),
        authors=_names(_first(data, _AUTHOR_KEYS)),
        date=_date(_first(data, _DATE_KEYS)),
        url=_text(_first(data, _URL_KEYS)),
        publication=_text(_first(data, _PUBLICATION_KEYS)),
        language=_text(_first(data, ("lang", "language"))),
    )
    return meta, tag_words(data), []
