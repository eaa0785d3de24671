"""Site generators' admonition blocks, rewritten as the callouts the Markdown reader reads.

MkDocs and Python-Markdown write an aside as a marker line over an indented body
(`!!! note`, `!!! tip "Trial periods"`, a collapsible `??? warning` or `???+ info`); Docusaurus,
VitePress, Pandoc and Quarto fence it with colons (`:::tip Title`, `:::note[Title]`,
`::: {.callout-warning title="…"}` … `:::`). The marker says what kind of box it is, no text:
each block becomes a callout ("> [!tip] Trial periods" over its body, quoted), which the
reader already takes apart (a short title is the box's label, a quoting box that person's
words). Every line keeps its number; fenced code is left as it is.
"""

from __future__ import annotations

import re

# "!!! tip "Trial periods"", "??? note", "???+ danger highlight "Title"", "!!! note """
_INDENTED = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[A-Za-z][\w-]{0,20})(?:[ \t]+[\w-]+)*"
    r"(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
# ":::tip Title", ":::note[Title]", "::: warning", "::: {.callout-note title="Title"}"
_FENCED = re.compile(
    r"^(?P<fence>:{3,})[ \t]*(?:(?P<kind>[A-Za-z][\w-]{0,20})(?:\[(?P<bracket>[^\]]*)\])?"
    r"(?:[ \t]+(?P<title>\S.*?))?|\{(?P<attrs>[^}]*)\})[ \t]*$"
)
_CLASS = re.compile(r"(?:^|\s)\.(?:callout-)?([A-Za-z][\w-]{0,20})")
_TITLE_ATTR = re.compile(r"""\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INDENT = 4


def as_callouts(text: str) -> str:
    """The text with every admonition block written as a quoted callout, line for line."""
    if "!!!" not in text and "???" not in text and ":::" not in text:
        return text
    return "\n".join(_rewrite(text.split("\n")))


def _callout(kind: str, title: str | None) -> str:
    return f"[!{kind}] {title.strip()}".rstrip() if title else f"[!{kind}]"


def _rewrite(lines: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    fence: str | None = None
    while k < len(lines):
        line = lines[k]
        code = _CODE_FENCE.match(line)
        if fence is not None:
            fence = (
                None
                if code and code.group(1)[0] == fence[0] and len(code.group(1)) >= len(fence)
                else fence
            )
            out.append(line)
            k += 1
            continue
        if code:
            fence = code.group(1)
            out.append(line)
            k += 1
            continue
        indented = _INDENTED.match(line)
        if indented:
            k = _indented(lines, k, indented, out)
            continue
        fenced = _FENCED.match(line)
        if fenced and (fenced.group("kind") or fenced.group("attrs")):
            end = _closer(lines, k, fenced.group("fence"))
            if end is not None:
                k = _fenced(lines, k, end, fenced, out)
                continue
        out.append(line)
        k += 1
    return out


def _indented(lines: list[str], k: int, marker: re.Match[str], out: list[str]) -> int:
    """A `!!!` block: the marker line and the lines indented under it, as a callout."""
    indent = marker.group("indent")
    depth = len(indent.expandtabs(_INDENT)) + _INDENT
    end = k + 1
    last = k  # the last line of the body with text
    while end < len(lines):
        line = lines[end]
        if (
            line.strip()
            and len(line.expandtabs(_INDENT)) - len(line.expandtabs(_INDENT).lstrip()) < depth
        ):
            break
        if line.strip():
            last = end
        end += 1
    if last == k:  # a marker over no indented body is a line of its own
        out.append(lines[k])
        return k + 1
    body = [line.expandtabs(_INDENT)[depth:] for line in lines[k + 1 : last + 1]]
    out.append(f"{indent}> {_callout(marker.group('kind'), marker.group('title'))}")
    out.extend(f"{indent}> {line}".rstrip() for line in _rewrite(body))
    return last + 1


def _closer(lines: list[str], k: int, fence: str) -> int | None:
    """The line closing a colon fence opened at line k (as long a run of colons or longer)."""
    for end in range(k + 1, len(lines)):
        stripped = lines[end].strip()
        if stripped.startswith(fence) and not stripped.strip(":"):
            return end
    return None


def _fenced(lines: list[str], k: int, end: int, marker: re.Match[str], out: list[str]) -> int:
    """A `:::` block: the opener, the body and the closing fence, as a callout and a blank."""
    kind, title = marker.group("kind"), marker.group("bracket") or marker.group("title")
    attrs = marker.group("attrs")
    if attrs is not None:
        found = _CLASS.search(attrs)
        kind = found.group(1) if found else "note"
        named = _TITLE_ATTR.search(attrs)
        title = (named.group(1) or named.group(2)) if named else None
    out.append(f"> {_callout(kind, title)}")
    out.extend(f"> {line}".rstrip() for line in _rewrite(lines[k + 1 : end]))
    out.append("")
    return end + 1
