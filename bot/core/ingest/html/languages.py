"""A bilingual page's translations: the element that repeats the one before it in another language.

A page in two languages sets each part twice, the page's own language first and its
translation after, marked `lang="fr"` (or the other way round on a page that names no
language: the unmarked element first, the marked one after). The translation is kept as text
but never heads the page or a section in place of the original.
"""

from __future__ import annotations

from lxml import html as lxml_html

__all__ = ["language", "translation"]


def language(element: lxml_html.HtmlElement) -> str | None:
    """The element's language, its own `lang` or its nearest ancestor's (primary subtag)."""
    for e in (element, *element.iterancestors()):
        value = str(e.get("lang") or e.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
        if value.strip():
            return value.strip().split("-")[0].split("_")[0].lower()
    return None


def translation(element: lxml_html.HtmlElement) -> bool:
    """Whether the element translates the sibling before it: same tag, marked another language.

    "<h2>Visitors</h2><h2 lang="fr">Visiteurs</h2>": the second heading is the first one's
    translation (its language differs from the sibling's and from the page's, when the page
    names one).
    """
    own = element.get("lang")
    if not own or not own.strip():
        return False
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None or previous.tag != element.tag:
        return False
    mine = language(element)
    before = language(previous)
    page = language(element.getroottree().getroot())
    return mine != before and (page is None or mine != page)
