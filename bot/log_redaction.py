"""Keep secrets and users' words out of the logs, at every level including DEBUG.

discord.py logs every gateway event and every HTTP request at DEBUG: interaction tokens sit in
the callback and webhook URLs and in the events, and what users typed sits in the option
values. `Redactor` is a logging filter for handlers: it rewrites each record's message with
tokens and the values of text fields (`value`, `query`, `content`, `description`, `text`,
`token`) replaced by placeholders, and the parameters of logged SQL statements too.
`install_redaction` puts it on every handler of the root logger.

This module must never drop a record (only rewrite it) and never import discord.
"""

from __future__ import annotations

import logging
import re

_URL_TOKEN = re.compile(r"/(interactions|webhooks)/(\d+)/[\w.\-]+")
_FIELDS = "value|query|content|description|text|token"
_FIELD = re.compile(
    rf"""(?P<key>(['"])(?:{_FIELDS})\2\s*:\s*)(?P<text>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
)
_HINTS = ("/interactions/", "/webhooks/", *_FIELDS.split("|"))
_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
SQL_LOGGERS = ("aiosqlite",)  # they log each statement's parameters: users' words among them


def redact_parameters(text: str) -> str:
    """`text` (a logged SQL call) with every string literal after the statement replaced."""
    literals = list(_LITERAL.finditer(text))
    if len(literals) < 2:
        return text
    head = text[: literals[1].start()]
    tail = _LITERAL.sub(lambda m: f"'<redacted {len(m.group(0)) - 2} chars>'", text[len(head) :])
    return head + tail


def redact(text: str) -> str:
    """`text` with URL tokens and the text fields' values replaced by placeholders."""
    if not any(hint in text for hint in _HINTS):
        return text
    text = _URL_TOKEN.sub(r"/\1/\2/<token>", text)
    return _FIELD.sub(lambda m: f"{m['key']}'<redacted {len(m['text']) - 2} chars>'", text)


class Redactor(logging.Filter):
    """A handler filter that rewrites every record's message through `redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place (formatted once) when it holds anything to hide."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's problem to report, not ours
            return True
        cleaned = redact(message)
        if record.name.startswith(SQL_LOGGERS):
            cleaned = redact_parameters(cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_redaction(logger: logging.Logger | None = None) -> Redactor:
    """Add one `Redactor` to every handler of `logger` (the root logger by default)."""
    target = logger or logging.getLogger()
    redactor = Redactor()
    for handler in target.handlers:
        if not any(isinstance(f, Redactor) for f in handler.filters):
            handler.addFilter(redactor)
    return redactor
