"""Walking a page's main text into blocks: headings, paragraphs, lists, quotes, captions.

The walk starts at the main-text region and reads only what readability chose (and the
figures and captions beside it), skipping furniture, the headline, byline and date lines (the
header is written from the page's metadata instead) and the notes (read on their own).
Paragraphs keep inline markup as text: a speaker label `<strong>Name:</strong> …` reads
"Name: …"; a paragraph that is only bold text, or a bold line closed by `<br>`, is a
heading; a definition list reads "term — definition". A caption's credit, marked by its
class or written in its text ("(Photo: X)", "(AP)"), is written "Credit: X" after it. A
pull quote (marked by its class, or an <aside> holding one quotation alone) is a quote block,
its "— Name" (footer, cite, figcaption) on a line of its own; a quotation set apart with
no credit is the words of the person the next paragraph names pointing back at it ("That line,
from X, …"), and the marks that wrap it whole are the display's. A table's rows (`info_boxes`)
are a list, an infobox's too, wherever it stands. Each block keeps the source line of its
element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from bot.core.ingest.html.info_boxes import is_infobox, table_rows
from bot.core.ingest.html.inline import Markers, inline_text, one_line, run_text
from bot.core.ingest.html.link_boxes import (
    chars,
    link_heavy,
    lone_heading,
    post_navigation,
    told_list,
)
from bot.core.ingest.html.main_text import (
    SENTENCE_END,
    MainText,
    furniture_names,
    is_fact_box,
    is_furniture,
    is_graphic,
    is_hidden,
    is_prose,
    stated_recommendation,
)
from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import is_person, named_people
from bot.core.ingest.parliament import is_column_number
from bot.core.ingest.story_credits import closing_credit

__all__ = ["RawBlock", "Walker"]

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCK_TAGS = frozenset(
    "p div section article main header footer ul ol li dl dt dd blockquote figure figcaption "
    "table thead tbody tfoot tr td th caption pre hr address center details summary fieldset "
    "body html aside nav form h1 h2 h3 h4 h5 h6 hgroup picture".split()
)
# block elements readability drops but that belong to the article when their parent is kept
_RESCUED = frozenset("figure figcaption caption dt dd h1 h2 h3 h4 h5 h6 blockquote table".split())
_HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:sub)?head(?:ing|line|er)?s?(?:$|[-_\s])|subhead", re.I)
_LABEL = re.compile(r"^[^\W\d][\w.'’ -]{0,40}:\s")
_PSEUDO_HEADING_WORDS = 15
# the time into a recording after a speaker's name: "[03:05]", "(1:02:14)", "12:04 —"
_TURN_STAMP = re.compile(
    r"^\s*:?\s*(?:\[\s*|\(\s*)?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*\]|\s*\))?\s*[:—–-]?\s+"
)
_CREDIT_LEAD = re.compile(
    r"^(?:(?:image\s+)?(?:credit|copyright|photo(?:graph)?|source|image)s?"
    r"(?:\s*[.…:]+\s*|\s+))+",
    re.I,
)
_CREDIT_HINT = re.compile(r"credit|copyright|byline|source|attribution", re.I)
# a credit the caption writes in its text: "(Photo: X)", "(AP)", "Photograph: X", "Video by X"
_MAKER = (
    r"(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|videos?|footage|"
    r"cartoons?|drawings?|artwork|maps?|credits?)"
)
_CREDIT_FORM = re.compile(
    rf"^(?:{_MAKER}(?:\s*(?::|\.{{2,}}|…)\s*|\s+(?:by|courtesy\s+of)\s+)|courtesy\s+(?:of\s+)?|©)"
    r"\s*(?=\S)",
    re.I,
)
_TRAILING_GROUP = re.compile(r"\(([^()]{1,120})\)\s*$")
_PLAIN_CREDIT = re.compile(r"^(?:photo(?:graph)?s?|credits?)\s*(?::|\.{2,}|…)|^©|^courtesy", re.I)
_CREDIT_START = re.compile(rf"(?:^|(?<=[.!?…\"”’)])\s)\s*(?=(?:{_MAKER}|courtesy)\b|©)", re.I)
_CREDIT_NAME = re.compile(r"^(?:[A-Z©][\w.'’&-]*|[/&,]|for|via|of|and|the|de|van|von)$")
_CREDIT_WORDS = 12
_NOISE = re.compile(
    r"^(?:advertisement|"
    r"skip to \w+.*|share this \w+)$",
    re.I,
)
_CAPTION_CLASS = re.compile(r"caption", re.I)
_ONLY_SYMBOLS = re.compile(r"^[\W_]+$")
_LINK_BAR = re.compile(r"[|•·]")
_BOX_TAGS = frozenset("div section aside header footer table nav".split())
_LINK_WORDS = 5  # a lone link this short is a call to follow it, not a heading or a sentence
_PULL_CLASS = re.compile(r"pull-?quote|pullout|pull-out", re.I)
_PULL_TAGS = frozenset("aside blockquote div p figure".split())
# a list typed as lines of a paragraph, "+ Added X<br>+ Added Y": each line is an item
_TYPED_BULLET = re.compile(r"^[-+*•–·▪►]\s+(?=\S)")
_WHOLE = re.compile(r"^[A-Z\"“‘].*[.!?][\"”’)]?$")  # a capital start, a closing stop


@dataclass
class RawBlock:
    """A block before numbering: kind, its lines with their source lines, heading level.

    `alone`: the block states its facts by itself (an ordered list of whole sentences): no
    lead-in runs on into it.
    """

    kind: str
    lines: list[tuple[str, int]]
    level: int = 0
    alone: bool = False


@dataclass
class Walker:
    """Reads blocks from the region; `skip` holds elements never read as body text."""

    markers: Markers
    main: MainText | None
    skip: set[lxml_html.HtmlElement] = field(default_factory=set)
    skip_texts: set[str] = field(default_factory=set)
    blocks: list[RawBlock] = field(default_factory=list)
    graphic: int = 0  # > 0 inside a chart or interactive graphic: only prose is read there

    # --- emitting -------------------------------------------------------------------------
    def _emit(self, kind: str, text: str, line: int, level: int = 0) -> None:
        if kind == "paragraph" and "\n\n" in text:  # <br><br> parts paragraphs
            for part in text.split("\n\n"):
                self._emit(kind, part, line, level)
            return
        lines = [t.strip() for t in text.split("\n") if t.strip()]
        if kind == "paragraph":
            lines = [
                t
                for t in lines
                if not _NOISE.match(t)
                and not _ONLY_SYMBOLS.match(t)
                and not closing_credit(t)
                and not is_column_number(t)  # a saved record's printed column: furniture
            ]
        if self.graphic and kind != "image" and not is_prose(" ".join(lines)):
            return  # a chart's labels, axis ticks and credits
        if not lines:
            return
        if kind in ("paragraph", "heading") and _squash(" ".join(lines)) in self.skip_texts:
            return
        if kind == "heading":
            lines = [" ".join(lines)]
        if kind == "paragraph" and len(lines) > 1 and all(_TYPED_BULLET.match(t) for t in lines):
            kind, lines = "list", [_TYPED_BULLET.sub("", t) for t in lines]  # a typed list
        self.blocks.append(RawBlock(kind, [(t, line) for t in lines], level))

    def _paragraph(self, text: str, element: lxml_html.HtmlElement, line: int) -> None:
        heading_class = bool(_HEADING_CLASS.search(element.get("class") or ""))
        bold = _bold_lead(element)
        if bold and (turn := _timed_turn(bold, text)) is not None:
            text = turn  # "<strong>Name</strong> [12:04] …": Name's turn, its time no text
        first, _, rest = text.partition("\n")
        if bold and _squash(bold) == _squash(first) and _heading_like(first):
            self._emit("heading", first, line, 4)
            self._emit("paragraph", rest, line)
            return
        if heading_class and "\n" not in text and _heading_like(text, 20):
            self._emit("heading", text, line, 4)
            return
        self._emit("paragraph", text, line)

    # --- walking --------------------------------------------------------------------------
    def walk(self, element: lxml_html.HtmlElement, inside: bool = False) -> None:
        """Read an element and its children into blocks."""
        if not isinstance(element.tag, str) or element in self.skip or is_hidden(element):
            return
        if _PULL_CLASS.search(element.get("class") or "") and element.tag in _PULL_TAGS:
            self._quote(element, None, element.sourceline or 0)  # the layout tells it a pull quote
            return
        quote = _set_apart_quote(element)
        if quote is not None:  # an <aside> holding a quotation alone: a pull quote's markup
            self._quote(quote, None, element.sourceline or 0)
            return
        main = self.main
        infobox = is_infobox(element)  # facts about the subject, though boxed and linked
        if is_fact_box(element):  # the story's facts; its title heads no section of the story
            infobox = True
            self.skip.update(element.iter(*HEADINGS))
        protected = (
            infobox
            or stated_recommendation(element)  # the document's own, outside the main text too
            or (main is not None and (element in main.around or element in main.tops))
        )
        if not protected and is_furniture(element):
            return
        if main is not None:
            if element in main.kept:
                inside = True
            elif inside:
                told = element.tag in ("ul", "ol") and told_list(element)  # dropped for its links
                rescued = element.tag in _RESCUED or told or infobox
                if element.tag in BLOCK_TAGS and not rescued:
                    heading = lone_heading(element)
                    if heading is not None:  # a heading in boxes of its own (a CMS grid)
                        self.walk(heading, inside)
                        return
                    self._figures_only(element)
                    return
            elif not protected:
                heading = lone_heading(element)
                if heading is not None and any(
                    x in main.kept or x in main.around for x in element.itersiblings()
                ):  # a section heading in boxes of its own between the story's boxes
                    self.walk(heading, True)
                    return
                self._figures_only(element)
                return
        signed = _signed_letter(element)
        if signed is not None:  # a letter signed "Name, Town": its words are the writer's
            self._letter(element, *signed)
            return
        panel = _panel_heading(element)
        if panel is not None:  # "Key points" heads its box of items, not the story after it
            self.skip.add(panel)
        graphic = is_graphic(element)
        self.graphic += graphic
        try:
            self._dispatch(element, inside)
        finally:
            self.graphic -= graphic

    def _dispatch(self, element: lxml_html.HtmlElement, inside: bool) -> None:
        main = self.main
        tag = element.tag
        line = element.sourceline or 0
        if (
            tag in _BOX_TAGS
            and (main is None or element is not main.region)
            and not is_infobox(element)
            and link_heavy(element, boxes=True)
        ):
            return  # a box of links: related stories, "reuse this content", share links
        if tag in _BOX_TAGS | {"p"} and post_navigation(element):
            return  # "← Previous: Another story", "Next post →"
        if tag in ("div", "p", "span") and _CAPTION_CLASS.search(element.get("class") or ""):
            self._emit("image", self._caption(element), line)
        elif tag in HEADINGS:
            self._emit(
                "heading",
                one_line(inline_text(element, self.markers)),
                line,
                HEADINGS[tag],
            )
        elif tag in ("ul", "ol"):
            self._list(element, line)
        elif tag == "blockquote":
            self._quote(element, None, line)
        elif tag == "figure":
            self._figure(element, line)
        elif tag in ("figcaption", "caption"):
            self._emit("image", self._caption(element), line)
        elif tag == "table":
            self._table(element, line, inside)
        elif tag == "dl":
            self._definitions(element, line)
        elif tag == "pre":
            for br in element.iter("br"):  # a highlighter's <br>s are the code's line breaks
                br.tail = "\n" + (br.tail or "")
            self._emit("paragraph", element.text_content(), line)
        elif tag in ("dt", "dd"):
            self._emit("paragraph", inline_text(element, self.markers), line)
        else:
            self._container(element, inside)

    def _container(self, element: lxml_html.HtmlElement, inside: bool) -> None:
        run: list[str | lxml_html.HtmlElement] = [element.text or ""]
        line = element.sourceline or 0
        number = _paragraph_number(element)

        def flush() -> None:
            text = run_text(run, self.markers)
            links = sum(1 for part in run if not isinstance(part, str) for _ in part.iter("a"))
            bar = links >= 3 and len(_LINK_BAR.findall(text)) >= 2
            if text and not bar and not _lone_link(run, text):
                self._paragraph(text, element, line)
            run.clear()

        for child in element:
            if number is not None and child is number:
                run.append(child.tail or "")  # the paragraph's number, no text of it
                continue
            if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
                flush()
                self.walk(child, inside)
                line = child.sourceline or line
            elif (
                isinstance(child.tag, str)
                and child not in self.skip
                and not (
                    is_furniture(child)
                    and child.tag not in ("span", "a", "b", "i", "em", "strong", "sup", "sub")
                )
            ):
                run.append(child)
            if child.tail:
                run.append(child.tail)
        flush()

    def _figures_only(self, element: lxml_html.HtmlElement) -> None:
        """Outside readability's choice only figure captions (and infoboxes) are read."""
        for figure in element.iter("figure", "div", "p", "table"):
            if figure.tag == "table":
                if not is_infobox(figure):
                    continue
            elif figure.tag != "figure" and not _CAPTION_CLASS.search(figure.get("class") or ""):
                continue
            chain = [figure]
            for ancestor in figure.iterancestors():
                if ancestor is element:
                    break
                chain.append(ancestor)
            if any(x in self.skip or is_hidden(x) or is_furniture(x) for x in chain):
                continue
            if any(
                x.tag == "figure" or _CAPTION_CLASS.search(x.get("class") or "") for x in chain[1:]
            ):
                continue  # read with the figure or caption around it
            if figure.tag == "figure":
                self._figure(figure, figure.sourceline or 0)
            elif figure.tag == "table":
                self._table(figure, figure.sourceline or 0, True)
            else:
                self._emit("image", self._caption(figure), figure.sourceline or 0)

    def _list(self, element: lxml_html.HtmlElement, line: int) -> None:
        items: list[str] = []
        for li in element:
            if li.tag != "li" or is_hidden(li) or li in self.skip:
                continue
            nested = [c for c in li if c.tag in ("ul", "ol")]
            for sub in nested:
                li.remove(sub)  # read after the item's own text (the tree is ours)
            text = one_line(inline_text(li, self.markers))
            if text:
                items.append(text)
            for sub in nested:
                li.append(sub)
                items.extend(
                    one_line(inline_text(x, self.markers))
                    for x in sub.iter("li")
                    if x.text_content().strip()
                )
        if not items or (link_heavy(element) and not told_list(element)) or self.graphic:
            return
        # an <ol> numbers its points as "1." "2." typed in a text would: two or more whole
        # sentences, each one a point of its own, not the end of the sentence above the list
        points = element.tag == "ol" and len(items) > 1 and all(map(_WHOLE.match, items))
        self.blocks.append(RawBlock("list", [(t, line) for t in items], alone=points))

    def _quote(self, element: lxml_html.HtmlElement, attribution: str | None, line: int) -> None:
        lines: list[str] = []
        by = attribution
        for child in element:
            if child.tag in ("footer", "cite", "figcaption") and child.getnext() is None:
                by = by or inline_text(child, self.markers)
                child_tail = child.tail
                element.remove(child)
                if child_tail:
                    lines.append(child_tail)
                break
        blocks = [c for c in element if isinstance(c.tag, str) and c.tag in BLOCK_TAGS]
        if blocks and by is None:  # "<p>…</p>— Name (@handle) <a>date</a>": a post's credit
            after = blocks[-1]
            loose: list[str | lxml_html.HtmlElement] = [after.tail or ""]
            loose.extend(x for c in after.itersiblings() for x in (c, c.tail or ""))
            credit = one_line(run_text(loose, self.markers))
            if re.match(r"^[—–―]|^--?\s", credit):
                by = credit
        by = _credit_name(by) if by else _pointed_back(element)  # "That line, from X, …"
        if blocks:
            for child in element.iter():
                if child.tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6") or (
                    child.tag in ("div", "blockquote")  # a box holding its words directly
                    and not any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in child)
                ):
                    text = inline_text(child, self.markers)
                    if text:
                        lines.extend(text.split("\n"))
        else:
            lines.extend(inline_text(element, self.markers).split("\n"))
        lines = [t.strip() for t in lines if t.strip()]
        if lines and re.match(r"^[—–-]\s*\S", lines[-1]) and by is None:
            by = lines.pop().lstrip("—–- ")
        lines = _unmarked(lines)
        if by:
            by = by.lstrip("—–- ").rstrip()
            # closed by a full stop, so the attribution never runs on into the next paragraph
            lines.append(f"— {by}{'' if by.endswith(('.', '!', '?', '…')) else '.'}")
        if lines:
            self.blocks.append(RawBlock("quote", [(t, line) for t in lines]))

    def _letter(
        self, element: lxml_html.HtmlElement, signoff: lxml_html.HtmlElement, name: str
    ) -> None:
        """A signed letter's paragraphs as one quote of its writer; the sign-off no text."""
        lines: list[str] = []
        for child in element:
            if child is signoff:
                break
            if isinstance(child.tag, str) and child not in self.skip:
                lines.extend(t.strip() for t in inline_text(child, self.markers).split("\n"))
        lines = [t for t in lines if t]
        if lines:
            lines.append(f"— {name}.")
            self.blocks.append(RawBlock("quote", [(t, element.sourceline or 0) for t in lines]))

    def _caption(self, element: lxml_html.HtmlElement) -> str:
        """A caption's text with its credit, the credit written "Credit: …"."""
        parts: list[str] = []
        credits: list[str] = []
        own: list[str | lxml_html.HtmlElement] = [element.text or ""]
        for child in element:
            hint = f"{child.get('class') or ''} {child.get('itemprop') or ''}"
            if isinstance(child.tag, str) and _CREDIT_HINT.search(hint):
                text = one_line(inline_text(child, self.markers))
                text = _credit_body(text) or _CREDIT_LEAD.sub("", text).strip()
                if text:
                    credits.append(text)
            else:
                own.append(child)
            if child.tail:
                own.append(child.tail)
        own_text, written = _written_credit(one_line(run_text(own, self.markers)))
        if written:
            credits.append(written)
        parts.append(own_text)
        text = " ".join(p for p in parts if p)
        if not text:
            return ""  # a credit alone: no caption to carry it
        if credits:
            text = (
                f"{text.rstrip()}{'' if text.rstrip().endswith(('.', '!', '?')) else '.'} "
                f"Credit: {' '.join(credits)}"
            )
        return text.strip()

    def _figure(self, element: lxml_html.HtmlElement, line: int) -> None:
        captions = [c for c in element.iter("figcaption") if not is_hidden(c)]
        quote = next(element.iter("blockquote"), None)
        if quote is not None:
            self._quote(quote, self._caption(captions[0]) if captions else None, line)
            return
        for table in element.iter("table"):
            self._table(table, line, True)
        if captions:
            self._emit("image", self._caption(captions[0]), captions[0].sourceline or line)

    def _table(self, element: lxml_html.HtmlElement, line: int, inside: bool) -> None:
        infobox = is_infobox(element)
        if not infobox and (
            any(t is not element for t in element.iter("table"))
            or any(len(cell.text_content().split()) > 60 for cell in element.iter("td"))
        ):
            self._container(element, inside)  # a layout table: read its cells as text
            return
        caption = next((c for c in element if c.tag == "caption"), None)
        if caption is not None:
            text = self._caption(caption)
            if _squash(text) not in self.skip_texts:  # an infobox's caption names the subject
                self._emit("image", text, caption.sourceline or line)
        pictured = [row for row in element.iter("tr") if _pictured(row, element)]
        for row in pictured:  # an image's row: the words beside it are its caption
            text = self._caption(next(c for c in row if c.tag in ("td", "th")))
            if text:
                self._emit("image", text, row.sourceline or line)
        rows = table_rows(element, self.markers, infobox=infobox, skip=frozenset(pictured))
        if rows and not self.graphic:
            self.blocks.append(RawBlock("list", [(r, line) for r in rows]))

    def _definitions(self, element: lxml_html.HtmlElement, line: int) -> None:
        term: str | None = None
        for child in element:
            if child.tag == "dt":
                if term:
                    self._emit("paragraph", term, line)
                term = one_line(inline_text(child, self.markers))
                line = child.sourceline or line
            elif child.tag == "dd":
                text = " ".join(inline_text(child, self.markers).split("\n"))
                self._emit(
                    "paragraph", f"{term} — {text}" if term else text, child.sourceline or line
                )
                term = None
        if term:
            self._emit("paragraph", term, line)


_PICTURE_CAPTION_WORDS = 40


def _pictured(row: lxml_html.HtmlElement, table: lxml_html.HtmlElement) -> bool:
    """Whether a table's row is one cell holding an image and a few words (its caption)."""
    if next(row.iterancestors("table"), None) is not table:
        return False
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) != 1 or next(cells[0].iter("img"), None) is None:
        return False
    return 0 < len(cells[0].text_content().split()) <= _PICTURE_CAPTION_WORDS


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# the date an embedded post's credit closes with: "March 26, 2025", "26 Mar 2025 · 14:05"
_CREDIT_DATE = re.compile(
    rf"(?:\s*[,·|•]?\s*(?:\bon\s+)?(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}))"
    r"(?:\s*[,·|•]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.I,
)
_HANDLE = re.compile(r"\s*(?:\(\s*@[\w.]{1,40}\s*\)|(?<!\S)@[\w.]{1,40})")


def _credit_name(credit: str) -> str:
    """Who a quote's credit names: an embedded post's "Name (@handle) March 26, 2025" → "Name".

    The handle and the post's date say where and when it was posted, no part of the name.
    """
    text = credit.strip().lstrip("—–―- ").strip()
    text = _HANDLE.sub("", text)
    text = _CREDIT_DATE.sub("", text).strip().rstrip(",·|• ")
    return text or credit


# the next paragraph points back at a quotation set apart above it and names its source:
# "That line, from the mayor's deputy, Jo Bell, …", "Those words were Jo Bell's."
_BACK_REFERENCE = re.compile(
    r"^(?:that|those|these|this|such)\s+(?:[a-z]+\s+)?(?:line|lines|words|remarks?|comments?|"
    r"quotes?|quotation|phrase|sentence|warning|verdict|advice|assessment)\b",
    re.I,
)
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?=\s+[A-Z\"“‘]|\s*$)", re.S)


def _pointed_back(element: lxml_html.HtmlElement) -> str | None:
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


def _unmarked(lines: list[str]) -> list[str]:
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


def _set_apart_quote(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The one <blockquote> an <aside> holds with no other text, else None."""
    if element.tag != "aside" or furniture_names(element):
        return None
    quotes = list(element.iter("blockquote"))
    if len(quotes) != 1 or chars(quotes[0]) == 0 or chars(quotes[0]) != chars(element):
        return None
    return quotes[0]


def _written_credit(text: str) -> tuple[str, str | None]:
    """Split the credit a caption's text ends with: "… dropped. (Photo: X)" → ("… dropped.", X).

    A credit names who made the picture: "(Photo: X)", "Photograph: X", "Video by X",
    "Courtesy of X", or after the caption's last full stop a group of names alone ("(AP)",
    "(AP Photo/Jane Doe)"). It is short and never a sentence of its own.
    """
    group = _TRAILING_GROUP.search(text)
    if group:
        inner = group.group(1).strip()
        before = text[: group.start()].rstrip()
        closed = not before or before.endswith((".", "!", "?", "…", '"', "”", "’"))
        maker = _credit_body(inner)
        if maker is not None:
            return before, maker
        if closed and _names_only(inner):
            return before, inner
        return text, None
    for start in _CREDIT_START.finditer(text):
        maker = _credit_body(text[start.end() :])
        if maker is not None:
            return text[: start.start()].rstrip(), maker
    return text, None


def _credit_body(text: str) -> str | None:
    """Who a credit line names ("Photo: X", "Photograph by X", "© X" → X); None if not one."""
    lead = _CREDIT_FORM.match(text)
    if not lead or len(text.split()) > _CREDIT_WORDS or re.search(r"[.!?]\s+[A-Z]", text):
        return None  # two sentences are a caption, not a credit
    body = text[lead.end() :].strip()
    if not body:
        return None
    if not _PLAIN_CREDIT.match(lead.group()) and not _names_first(body):
        return None  # "Map: Where the fires burned" titles a graphic; "Video by the crew"
    return body


def _names_first(text: str) -> bool:
    """Whether text opens with a name: "Marcus Bell / Courier", "AP", "NASA/JPL", "Getty Images"."""
    tokens = text.lstrip("© ").split()
    if not tokens or not tokens[0][:1].isupper():
        return False
    return len(tokens) == 1 or tokens[0].isupper() or tokens[1][:1].isupper() or tokens[1] in "/&"


def _names_only(text: str) -> bool:
    """Whether a bracketed group holds only names: "AP", "Reuters/Jane Doe", "Getty Images"."""
    tokens = re.findall(r"[/&,]|[^\s/&,]+", text)
    return (
        0 < len(tokens) <= 8 and text[:1].isupper() and all(_CREDIT_NAME.match(t) for t in tokens)
    )


def _timed_turn(bold: str, text: str) -> str | None:
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


# a letter's sign-off: the writer's name, then where they write from: "Margaret Ellory, Askby"
_SIGNOFF_CLASS = re.compile(r"sign-?off|signature|signed|letter-?(?:author|writer|name)", re.I)
_SIGNOFF_WORDS = 9


def _signed_letter(
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


def _panel_heading(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
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


def _paragraph_number(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
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


def _lone_link(run: list[str | lxml_html.HtmlElement], text: str) -> bool:
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


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _bold_lead(element: lxml_html.HtmlElement) -> str | None:
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


def _heading_like(text: str, max_words: int = _PSEUDO_HEADING_WORDS) -> bool:
    words = text.split()
    return (
        0 < len(words) <= max_words
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not _LABEL.match(text + " ")
    )
