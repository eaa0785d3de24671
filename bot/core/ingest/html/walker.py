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

What an element is (a picture's caption, a set-apart quote, a signed letter, a lone link …) is
told in `block_shapes`, who a credit line names in `credits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from bot.core.ingest.html.appended_notices import NOTICE_CLASS
from bot.core.ingest.html.block_shapes import (
    HEADINGS,
    bold_lead,
    heading_like,
    is_picture_row,
    lone_link,
    panel_heading,
    paragraph_number,
    pointed_back,
    record_turn,
    set_apart_quote,
    signed_letter,
    squash,
    timed_turn,
    unmarked,
)
from bot.core.ingest.html.contact_cards import contact_card
from bot.core.ingest.html.credits import credit_body, credit_name, written_credit
from bot.core.ingest.html.info_boxes import is_infobox, table_rows
from bot.core.ingest.html.inline import Markers, inline_text, one_line, run_text
from bot.core.ingest.html.languages import translation
from bot.core.ingest.html.link_boxes import link_heavy, lone_heading, post_navigation, told_list
from bot.core.ingest.html.main_text import (
    MainText,
    is_fact_box,
    is_furniture,
    is_graphic,
    is_hidden,
    is_prose,
    stated_recommendation,
)
from bot.core.ingest.html.running_times import DURATION_CLASS, without_running_time
from bot.core.ingest.parliament import is_column_number
from bot.core.ingest.story_credits import closing_credit

__all__ = ["RawBlock", "Walker"]
BLOCK_TAGS = frozenset(
    "p div section article main header footer ul ol li dl dt dd blockquote figure figcaption "
    "table thead tbody tfoot tr td th caption pre hr address center details summary fieldset "
    "body html aside nav form h1 h2 h3 h4 h5 h6 hgroup picture".split()
)


# block elements readability drops but that belong to the article when their parent is kept
_RESCUED = frozenset("figure figcaption caption dt dd h1 h2 h3 h4 h5 h6 blockquote table".split())
_HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:sub)?head(?:ing|line|er)?s?(?:$|[-_\s])|subhead", re.I)
_CREDIT_LEAD = re.compile(
    r"^(?:(?:image\s+)?(?:credit|copyright|photo(?:graph)?|source|image)s?"
    r"(?:\s*[.…:]+\s*|\s+))+",
    re.I,
)
_CREDIT_HINT = re.compile(r"credit|copyright|byline|source|attribution", re.I)
_NOISE = re.compile(
    r"^(?:advertisement|"
    r"skip to \w+.*|share this \w+|"
    # a conjunction alone between two ways of doing a thing (a button, then "or", then an
    # address): it joins them, it states nothing
    r"[-–—(\s]*(?:or|and)[-–—)\s]*)$",
    re.I,
)
# a short heading closed by a colon ("Email to:", "Write to:") labels the line under it: no
# section of its own, what it labels stays in the section it stands in
_LABEL_HEADING = re.compile(r"^\W*\w+(?:[\s'’-]+\w+){0,2}\s*:$")
_CAPTION_CLASS = re.compile(r"caption", re.I)
_ONLY_SYMBOLS = re.compile(r"^[\W_]+$")
_LINK_BAR = re.compile(r"[|•·]")
_BOX_TAGS = frozenset("div section aside header footer table nav".split())
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
    uncredited: list[RawBlock] = field(default_factory=list)  # pull quotes no display names
    notices: set[int] = field(default_factory=set)  # source lines of marked notices
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
        if kind in ("paragraph", "heading") and squash(" ".join(lines)) in self.skip_texts:
            return
        if kind == "heading":
            lines = [" ".join(lines)]
        if kind == "paragraph" and len(lines) > 1 and all(_TYPED_BULLET.match(t) for t in lines):
            kind, lines = "list", [_TYPED_BULLET.sub("", t) for t in lines]  # a typed list
        self.blocks.append(RawBlock(kind, [(t, line) for t in lines], level))

    def _paragraph(self, text: str, element: lxml_html.HtmlElement, line: int) -> None:
        box = element.getparent()
        if any(NOTICE_CLASS.search(e.get("class") or "") for e in (element, box) if e is not None):
            self.notices.add(line)  # a correction or editor's note, as its markup says
        heading_class = bool(_HEADING_CLASS.search(element.get("class") or ""))
        bold = bold_lead(element)
        if bold and (turn := timed_turn(bold, text)) is not None:
            text = turn  # "<strong>Name</strong> [12:04] …": Name's turn, its time no text
        elif bold and (turn := record_turn(bold, text)) is not None:
            text = turn  # "<b>Name (Group).</b> - …": Name's turn, the group no part of it
        first, _, rest = text.partition("\n")
        if bold and squash(bold) == squash(first) and heading_like(first):
            self._emit("heading", first, line, 4)
            self._emit("paragraph", rest, line)
            return
        if heading_class and "\n" not in text and heading_like(text, 20):
            self._emit("heading", text, line, 4)
            return
        self._emit("paragraph", text, line)

    # --- walking --------------------------------------------------------------------------
    def walk(self, element: lxml_html.HtmlElement, inside: bool = False) -> None:
        """Read an element and its children into blocks."""
        if not isinstance(element.tag, str) or element in self.skip or is_hidden(element):
            return
        if _PULL_CLASS.search(element.get("class") or "") and element.tag in _PULL_TAGS:
            before = len(self.blocks)
            self._quote(element, None, element.sourceline or 0)  # the layout tells it a pull quote
            if len(self.blocks) > before and not self.blocks[-1].lines[-1][0].startswith("— "):
                self.uncredited.append(self.blocks[-1])  # no "— Name" under it
            return
        quote = set_apart_quote(element)
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
        signed = signed_letter(element)
        if signed is not None:  # a letter signed "Name, Town": its words are the writer's
            self._letter(element, *signed)
            return
        panel = panel_heading(element)
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
        if contact_card(element):
            return  # "Jonas Whitlock / Press Secretary / 250-555-0142": whom to call
        if tag in ("div", "p", "span") and _CAPTION_CLASS.search(element.get("class") or ""):
            self._emit("image", self._caption(element), line)
        elif tag in HEADINGS:
            if translation(element):
                return  # a bilingual page's heading repeated in its second language
            heading = one_line(inline_text(element, self.markers))
            if not _LABEL_HEADING.match(heading):
                self._emit("heading", heading, line, HEADINGS[tag])
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
        number = paragraph_number(element)

        def flush() -> None:
            text = run_text(run, self.markers)
            links = sum(1 for part in run if not isinstance(part, str) for _ in part.iter("a"))
            bar = links >= 3 and len(_LINK_BAR.findall(text)) >= 2
            if text and not bar and not lone_link(run, text):
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
        by = credit_name(by) if by else pointed_back(element)  # "That line, from X, …"
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
        lines = unmarked(lines)
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
            if isinstance(child.tag, str) and DURATION_CLASS.search(hint):
                pass  # the player's running time, no caption text
            elif isinstance(child.tag, str) and _CREDIT_HINT.search(hint):
                text = one_line(inline_text(child, self.markers))
                text = credit_body(text) or _CREDIT_LEAD.sub("", text).strip()
                if text:
                    credits.append(text)
            else:
                own.append(child)
            if child.tail:
                own.append(child.tail)
        own_text, written = written_credit(one_line(run_text(own, self.markers)))
        own_text = without_running_time(own_text)
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
            if squash(text) not in self.skip_texts:  # an infobox's caption names the subject
                self._emit("image", text, caption.sourceline or line)
        pictured = [row for row in element.iter("tr") if is_picture_row(row, element)]
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
