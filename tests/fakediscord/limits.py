"""Discord's documented limits, as checks over the JSON payloads a bot sends.

Each check returns a list of human-readable violations (empty when the payload is fine). The fake
server runs them on every request and records what they find; tests assert the list is empty.
This module must never raise on a malformed payload: a payload it cannot read is a violation.
"""

from __future__ import annotations

import re
from typing import Any

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
EMBED_TOTAL_MAX = 6000
CHOICES_MAX = 25
CHOICE_MAX = 100
BUTTON_LABEL_MAX = 80
CUSTOM_ID_MAX = 100
ROW_ITEMS_MAX = 5
ROWS_MAX = 5
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
COMMAND_DESCRIPTION_MAX = 100
COMMAND_OPTIONS_MAX = 25


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def check_embed(embed: Any, where: str) -> tuple[list[str], int]:
    """Check one embed; return its violations and its character count toward the 6,000 total."""
    problems: list[str] = []
    if not isinstance(embed, dict):
        return [f"{where}: embed is not an object"], 0
    total = 0

    def measure(name: str, value: Any, limit: int) -> None:
        nonlocal total
        text = _text(value)
        total += len(text)
        if len(text) > limit:
            problems.append(f"{where}: {name} has {len(text)} characters (limit {limit})")

    measure("title", embed.get("title"), EMBED_TITLE_MAX)
    measure("description", embed.get("description"), EMBED_DESCRIPTION_MAX)
    footer = embed.get("footer") or {}
    measure("footer.text", footer.get("text"), EMBED_FOOTER_MAX)
    author = embed.get("author") or {}
    measure("author.name", author.get("name"), EMBED_AUTHOR_MAX)
    fields = embed.get("fields") or []
    if len(fields) > EMBED_FIELDS_MAX:
        problems.append(f"{where}: {len(fields)} fields (limit {EMBED_FIELDS_MAX})")
    for n, field in enumerate(fields):
        name = _text(field.get("name"))
        value = _text(field.get("value"))
        if not name.strip() or not value.strip():
            problems.append(f"{where}: field {n} has an empty name or value")
        measure(f"field {n} name", name, EMBED_FIELD_NAME_MAX)
        measure(f"field {n} value", value, EMBED_FIELD_VALUE_MAX)
    return problems, total


def check_components(rows: Any, where: str) -> list[str]:
    """Check action rows and buttons: ≤ 5 rows, ≤ 5 buttons a row, labels and custom ids."""
    problems: list[str] = []
    if not isinstance(rows, list):
        return [f"{where}: components is not a list"]
    if len(rows) > ROWS_MAX:
        problems.append(f"{where}: {len(rows)} action rows (limit {ROWS_MAX})")
    seen: set[str] = set()
    for r, row in enumerate(rows):
        if row.get("type") != 1:
            problems.append(f"{where}: top-level component {r} is not an action row")
            continue
        items = row.get("components") or []
        if not items:
            problems.append(f"{where}: action row {r} is empty")
        if len(items) > ROW_ITEMS_MAX:
            problems.append(f"{where}: row {r} has {len(items)} items (limit {ROW_ITEMS_MAX})")
        for item in items:
            label = _text(item.get("label"))
            if len(label) > BUTTON_LABEL_MAX:
                problems.append(f"{where}: label has {len(label)} chars (limit {BUTTON_LABEL_MAX})")
            if item.get("type") == 2 and not label and not item.get("emoji"):
                problems.append(f"{where}: a button has neither label nor emoji")
            custom_id = item.get("custom_id")
            if item.get("style") == 5:
                if custom_id is not None or not item.get("url"):
                    problems.append(f"{where}: a link button needs a url and no custom_id")
                continue
            if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= CUSTOM_ID_MAX:
                problems.append(f"{where}: custom_id {custom_id!r} is not 1–{CUSTOM_ID_MAX} chars")
            elif custom_id in seen:
                problems.append(f"{where}: duplicate custom_id {custom_id!r}")
            else:
                seen.add(custom_id)
    return problems


def check_allowed_mentions(data: dict[str, Any], where: str) -> list[str]:
    """Every message must carry allowed_mentions that parse nothing and name nobody."""
    mentions = data.get("allowed_mentions")
    if not isinstance(mentions, dict):
        return [f"{where}: no allowed_mentions"]
    problems = []
    if mentions.get("parse") != []:
        problems.append(f"{where}: allowed_mentions.parse is {mentions.get('parse')!r}")
    if mentions.get("users") or mentions.get("roles") or mentions.get("replied_user"):
        problems.append(f"{where}: allowed_mentions names users, roles or the replied user")
    return problems


def check_message(data: Any, where: str, *, edit: bool = False) -> list[str]:
    """Check a message body (create, edit, followup or interaction response data)."""
    if not isinstance(data, dict):
        return [f"{where}: message body is not an object"]
    problems: list[str] = []
    content = data.get("content")
    if content is not None and (not isinstance(content, str) or len(content) > CONTENT_MAX):
        problems.append(f"{where}: content has {len(str(content))} chars (limit {CONTENT_MAX})")
    embeds = data.get("embeds") or []
    if len(embeds) > EMBEDS_MAX:
        problems.append(f"{where}: {len(embeds)} embeds (limit {EMBEDS_MAX})")
    total = 0
    for n, embed in enumerate(embeds):
        found, size = check_embed(embed, f"{where} embed {n}")
        problems.extend(found)
        total += size
    if total > EMBED_TOTAL_MAX:
        problems.append(f"{where}: embeds total {total} chars (limit {EMBED_TOTAL_MAX})")
    if "components" in data:
        problems.extend(check_components(data["components"], where))
    if not edit and not content and not embeds and not data.get("components"):
        problems.append(f"{where}: empty message")
    problems.extend(check_allowed_mentions(data, where))
    return problems


def check_choices(data: Any, where: str) -> list[str]:
    """Check an autocomplete result: ≤ 25 choices, names and values 1–100 characters."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return [f"{where}: autocomplete result has no choices list"]
    choices = data["choices"]
    problems = []
    if len(choices) > CHOICES_MAX:
        problems.append(f"{where}: {len(choices)} choices (limit {CHOICES_MAX})")
    for choice in choices:
        name = _text(choice.get("name"))
        if not 1 <= len(name) <= CHOICE_MAX:
            problems.append(f"{where}: choice name {name!r} is not 1–{CHOICE_MAX} chars")
        value = choice.get("value")
        if isinstance(value, str) and not 1 <= len(value) <= CHOICE_MAX:
            problems.append(f"{where}: choice value {value!r} is not 1–{CHOICE_MAX} chars")
    return problems


def check_commands(commands: Any, where: str) -> list[str]:
    """Check a command sync payload: names, descriptions and option counts."""
    if not isinstance(commands, list):
        return [f"{where}: command payload is not a list"]
    problems = []
    names: set[tuple[str, int]] = set()
    for command in commands:
        name = _text(command.get("name"))
        key = (name, int(command.get("type", 1)))
        if key in names:
            problems.append(f"{where}: duplicate command {name!r}")
        names.add(key)
        if not COMMAND_NAME.match(name) or (key[1] == 1 and name != name.lower()):
            problems.append(f"{where}: bad command name {name!r}")
        if key[1] == 1:
            description = _text(command.get("description"))
            if not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
                problems.append(f"{where}: /{name} description has {len(description)} chars")
        options = command.get("options") or []
        if len(options) > COMMAND_OPTIONS_MAX:
            problems.append(f"{where}: /{name} has {len(options)} options")
        for option in options:
            description = _text(option.get("description"))
            if not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
                problems.append(f"{where}: /{name} option description has {len(description)}")
    return problems
