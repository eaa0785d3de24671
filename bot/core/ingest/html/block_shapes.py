"""What a page element is, for the walker.

A picture's caption, a quotation set apart and who it is pointed back to, a timed turn, a
verbatim report's turn, a signed letter, a panel's heading, a paragraph number, a lone link, a
bold lead-in, a short heading-like line.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from bot.core.ingest.html.link_boxes import chars
from bot.core.ingest.html.main_text import SENTENCE_END, furniture_names, is_prose
from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import is_person, named_people

HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LABEL = re.compile(r"^[^\W\d][\w.'’ -]{0,40}:\s")
_PSEUDO_HEADING_WORDS = 15


# the time into a recording after a speaker's name: "[03:05]", "(1:02:14)", "12:04 —"
_TURN_STAMP = re.compile(
    r"^\s*:?\s*(?:\[\s*|\(\s*)?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*\]|\s*\))?\s*[:—–-]?\s+"
)
_LINK_WORDS = 5  # a lone link this short is a call to follow it, not a heading or a sentence
_PICTURE_CAPTION_WORDS = 40


def is_picture_row(row: lxml_html.HtmlElement, table: lxml_html.HtmlElement) -> bool:
    """Whether a table's row is one cell holding an image and a few words (its caption)."""
    if next(row.iterancestors("table"), None) is not table:
        return False
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) != 1 or next(cells[0].iter("img"), None) is None:
        return False
    return 0 < len(cells[0].text_content().split()) <= _PICTURE_CAPTION_WORDS


# the next paragraph points back at a quotation set apart above it and names its source:
# "That line, from the mayor's deputy, Jo Bell, …", "Those words were Jo Bell's."
_BACK_REFERENCE = re.compile(
    r"^(?:that|those|these|this|such)\s+(?:[a-z]+\s+)?(?:line|lines|words|remarks?|comments?|"
    r"quotes?|quotation|phrase|sentence|warning|verdict|advice|assessment)\b",
    re.I,
)
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?=\s+[A-Z\"“‘]|\s*$)", re.S)


def pointed_back(element: lxml_html.HtmlElement) -> str | None:
    """Who said a set-apart quotation with no credit, as the paragraph after it names them.

    Only a paragraph opening by pointing back at the quotation ("That line, from …") names
    its source: the first person its first sentence names in full.
    """
    after = element.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is None or after.tag != "p":
        return None
    text = " ".join(after.text_content().split())
    first = _FIRST_SENTENCE.match(text)
    sentence = first.group(0) if first else text
    if not _BACK_REFERENCE.match(sentence):
        return None
    people = named_people(sentence, frozenset())
    return people[0][1] if people else None


def unmarked(lines: list[str]) -> list[str]:
    """A set-apart quotation's lines without the marks that open and close it whole.

    "“Franchising gives you the levers. It doesn't pull them for you.”": the marks are the
    display's, not the words'; a quotation within it keeps its own.
    """
    if not lines:
        return lines
    first, last = lines[0], lines[-1]
    inner = "\n".join(lines)[1:-1]
    if (
        first[:1] in '"“'
        and last[-1:] in '"”'
        and len(inner) > 1
        and not any(m in inner for m in '"“”')
    ):
        return [t.strip() for t in inner.split("\n") if t.strip()]
    return lines


def set_apart_quote(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The one <blockquote> an <aside> holds with no other text, else None."""
    if element.tag != "aside" or furniture_names(element):
        return None
    quotes = list(element.iter("blockquote"))
    if len(quotes) != 1 or chars(quotes[0]) == 0 or chars(quotes[0]) != chars(element):
        return None
    return quotes[0]


def timed_turn(bold: str, text: str) -> str | None:
    """A transcript turn a bold name and a timestamp open, written "Name: …"; else None.

    "<strong>Ailsa Brack</strong> [03:05] Catriona, …" and "<b>Q:</b> (1:02:14) …" are turns
    (the name, then the time into the recording); a bold lead-in with no timestamp after it is
    left as it is: "<strong>Sam Lee</strong> has run the clinic since 2019" is a sentence.
    """
    if not text.startswith(bold):
        return None
    name = bold.rstrip(" :").strip()
    stamp = _TURN_STAMP.match(text[len(bold) :])
    if not name or stamp is None or not _LABEL.match(f"{name}: "):
        return None
    rest = text[len(bold) + stamp.end() :].strip()
    return f"{name}: {rest}" if rest else None


# a verbatim report's turn: the speaker in bold, a full stop, a dash, the words: "Name
# (Group). - …", "Name, rapporteur. - …", "Name (Group), blue-card question. - …", "President. - …"
_RECORD_DASH = re.compile(r"^\s*\.?\s*[-–—]\s+(?=\S)")
_RECORD_SPEAKER = re.compile(
    r"^(?P<name>[^\W\d][\w.'’ -]{1,60}?)\s*(?:\([^()]{1,40}\))?\s*(?:,\s*[^,()]{1,60})?\.?$"
)
_OFFICE_TITLE = re.compile(
    r"^(?:commissioner|minister|secretary|senator|rapporteur|councillor|deputy|premier)$", re.I
)
# who chairs the sitting, labelled by the office alone ("President.", "The Chair.")
_CHAIR = re.compile(
    r"^(?:(?:the|madam|mr\.?)\s+)?(?:(?:vice|deputy)[- ])?(?:president|chair(?:man|woman|person)?|"
    r"speaker|presiding\s+officer)$",
    re.I,
)


def record_turn(bold: str, text: str) -> str | None:
    """A verbatim report's turn "Name (Group). - …" written "Name: …"; else None.

    The bold names a person (the group in brackets and a role after a comma are no part of
    the name) or the chair by office alone ("President. - …"); a bold lead-in that names no one
    ("<b>Housing.</b> - …") is left as it is.
    """
    if not text.startswith(bold):
        return None
    dash = _RECORD_DASH.match(text[len(bold) :])
    speaker = _RECORD_SPEAKER.match(bold.strip())
    if dash is None or speaker is None or "." not in bold[-1:] + dash.group():
        return None  # the full stop closes the label: "<b>Sam Lee</b> - the founder - said" runs on
    name = speaker.group("name").strip()
    words = name.split()
    if len(words) >= 3 and _OFFICE_TITLE.match(words[0]) and is_name(" ".join(words[1:])):
        name = " ".join(words[1:])  # "Commissioner Ilse Brandauer": the office no part of her name
    if not (_CHAIR.match(name) or is_name(name)):
        return None
    return f"{name}: {text[len(bold) + dash.end() :].strip()}"


# a letter's sign-off: the writer's name, then where they write from: "Margaret Ellory, Askby"
_SIGNOFF_CLASS = re.compile(r"sign-?off|signature|signed|letter-?(?:author|writer|name)", re.I)
_SIGNOFF_WORDS = 9


def signed_letter(
    element: lxml_html.HtmlElement,
) -> tuple[lxml_html.HtmlElement, str] | None:
    """A letter's sign-off and its writer's name, when a box is a letter signed at its foot.

    The box holds paragraphs of prose and ends with a short line that is a person's name,
    perhaps with a place after a comma ("Name, Town"); the page sets the line apart as a
    sign-off (its class says so) or signs the boxes beside it alike (a page of letters). A
    name closing an article that is no letter (a byline at its foot) is left as it is.
    """
    if element.tag not in ("div", "article", "section"):
        return None
    own = _signoff(element)
    if own is None:
        return None
    signoff = own[0]
    if _SIGNOFF_CLASS.search(signoff.get("class") or ""):
        return own
    parent = element.getparent()
    if parent is None:
        return None
    alike = [
        s for s in parent if s is not element and isinstance(s.tag, str) and s.tag == element.tag
    ]
    return own if any(_signoff(s) is not None for s in alike) else None


def _signoff(element: lxml_html.HtmlElement) -> tuple[lxml_html.HtmlElement, str] | None:
    children = [c for c in element if isinstance(c.tag, str) and c.text_content().strip()]
    if len(children) < 2 or any(c.tag != "p" for c in children):
        return None
    last = children[-1]
    text = " ".join(last.text_content().split())
    if len(text.split()) > _SIGNOFF_WORDS or text.endswith((".", "!", "?", ":")):
        return None
    name = text.split(",")[0].strip()
    if not is_name(name) or not is_person(name):
        return None
    prose = " ".join(" ".join(c.text_content().split()) for c in children[:-1])
    return (last, name) if is_prose(prose) else None


_PANEL_TAGS = frozenset("div section aside".split())
_ITEM_TAGS = frozenset("ul ol dl table".split())


def panel_heading(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The heading of a panel of items set in the story, which heads nothing after the panel.

    A box holding a heading and then only lists or tables ("Key points", "At a glance"), with
    the story's paragraphs going on after it before any other heading: the heading titles the
    box, and the paragraphs after it are not under it. A box followed by a heading of its own,
    or holding paragraphs, is a section as any other.
    """
    if element.tag not in _PANEL_TAGS or (element.text or "").strip():
        return None
    children = [c for c in element if isinstance(c.tag, str) and c.text_content().strip()]
    if (
        len(children) < 2
        or children[0].tag not in HEADINGS
        or any(c.tag not in _ITEM_TAGS for c in children[1:])
        or any((c.tail or "").strip() for c in children)
    ):
        return None
    for after in _following(element):
        if after.tag in HEADINGS:
            return None
        if after.tag == "p" and after.text_content().strip():
            return children[0]
    return None


def _following(element: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements after an element in document order (its own descendants left out)."""
    out: list[lxml_html.HtmlElement] = []
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                out.extend(x for x in sibling.iter() if isinstance(x.tag, str))
        node = node.getparent()
    return out


# a paragraph's number set in an element of its own: <span class="num">8.</span>, "(8)", "8"
_NUMBER_CLASS = re.compile(
    r"(?:^|[-_\s])(?:num|number|no|para-?num\w*|paragraph-?num\w*|pnum)(?:$|[-_\s])", re.I
)
_PARAGRAPH_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?$")


def paragraph_number(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element numbering a paragraph at its start, its class naming it a number; else None.

    "<p><span class="num">8.</span> The scheme has worked …</p>": the number is the
    paragraph's, not a word of its first sentence (nor a note's number).
    """
    if element.tag not in ("p", "div", "li") or (element.text or "").strip():
        return None
    first = next((c for c in element if isinstance(c.tag, str)), None)
    if first is None or first.tag not in ("span", "b", "strong", "em", "i", "small", "a"):
        return None
    text = " ".join(first.text_content().split())
    if not _NUMBER_CLASS.search(first.get("class") or "") or not _PARAGRAPH_NUMBER.match(text):
        return None
    return first if (first.tail or "").strip() or len(element) > 1 else None


# a label sending the reader to another page: "Read more:", "See also:", "Related:", "Watch:"
_GO_LABEL = re.compile(
    r"^\s*(?:(?:also\s+)?(?:read|see|watch|listen)(?:\s+(?:more|next|also))?|related(?:\s+\w+)?|"
    r"more(?:\s+on\s+this(?:\s+story)?)?)\s*[:|»›]\s*$",
    re.I,
)
_LABELLED_LINK_WORDS = 24


def lone_link(run: list[str | lxml_html.HtmlElement], text: str) -> bool:
    """Whether a paragraph is one short link and nothing else: "Read more", "Donate now".

    A call to go elsewhere (a newsletter's "Read more", "Full story", "Listen here") states
    no fact; a linked sentence, closed by its stop, is still read. So is another page's
    headline behind a label sending the reader there ("Read more: <a>Fares to rise</a>").
    """
    parts = [p for p in run if not isinstance(p, str) or p.strip()]
    if len(parts) == 2 and isinstance(parts[0], str) and _GO_LABEL.match(parts[0]):
        link = parts[1]  # "Read more: <a>Another story's headline</a>"
        return (
            not isinstance(link, str)
            and link.tag == "a"
            and bool(link.get("href"))
            and not (link.tail or "").strip()
            and len(text.split()) <= _LABELLED_LINK_WORDS
        )
    if len(parts) != 1 or isinstance(parts[0], str):
        return False
    link = parts[0]
    if link.tag != "a":
        inner = [c for c in link if isinstance(c.tag, str)]
        if len(inner) != 1 or inner[0].tag != "a" or (link.text or "").strip():
            return False
        if (inner[0].tail or "").strip():
            return False
        link = inner[0]
    if not link.get("href") or SENTENCE_END.search(text) or text.rstrip().endswith((".", "!", "?")):
        return False
    return len(text.split()) <= _LINK_WORDS


def squash(text: str) -> str:
    """The words of a text in small letters, one space apart (to compare two texts)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def bold_lead(element: lxml_html.HtmlElement) -> str | None:
    """The text of a bold element that opens the element (no text before it), else None."""
    if (element.text or "").strip():
        return None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("strong", "b") or (
            child.tag in ("span", "em") and len(child) == 1 and child[0].tag in ("strong", "b")
        ):
            return str(child.text_content()).strip()
        return None
    return None


def heading_like(text: str, max_words: int = _PSEUDO_HEADING_WORDS) -> bool:
    """A short line that could head what follows (no label, no closing punctuation)."""
    words = text.split()
    return (
        0 < len(words) <= max_words
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not _LABEL.match(text + " ")
    )
