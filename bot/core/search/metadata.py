"""Questions about the articles themselves, answered from their metadata, not their sentences.

"who wrote this article", "when was it published", "where was it published", "what is it about",
"which sections does it have", "which articles are there": the question words say which field is
asked for (general English patterns, not drawn from any query list); the answer is one passage
per article, citing the article itself. Which articles: those the query names (by title, author
or publication, see `articles_named`), else all of them.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from rapidfuzz import fuzz

from bot.core.model import Article
from bot.core.search.text import STOPWORDS, fold, words


class Asked(Enum):
    """Which piece of an article's metadata a question asks for."""

    AUTHOR = "author"
    DATE = "date"
    PLACE = "publication"
    TOPIC = "topic"
    SECTIONS = "sections"
    ARTICLES = "articles"


_DOC = (
    r"(?:articles?|papers?|reports?|texts?|pieces?|documents?|essays?|briefs?|studies|study|"
    r"stor(?:y|ies)|posts?|columns?|op-eds?|explainers?|faqs?|fact ?sheets?|guidance|"
    r"judge?ments?|rulings?)"
)
# what is signed or sent rather than written: its signatory or sender is its author
_SENT = r"(?:letters?|memos?|memorand(?:um|a)|submissions?|e-?mails?|newsletters?|circulars?)"
# what is spoken rather than written: it is given, delivered or held
_TALK = (
    r"(?:speech|speeches|talk|remarks|address|lecture|presentation|testimony|briefing|"
    r"press conference|interview|hearing|podcast|episode|transcript)"
)
_ASKS: tuple[tuple[re.Pattern[str], Asked], ...] = (
    (
        re.compile(
            rf"\b(?:which|what|list|show|name)\b(?: (?:the|all|of the))? {_DOC}\b.*"
            rf"\b(?:are there|do (?:you|we) have|indexed|available|in the (?:index|library))\b"
            rf"|\bhow many {_DOC}\b|^(?:list|show)?\s*(?:the |all )?{_DOC}\??$"
            rf"|\b(?:list|show) (?:me )?(?:the |all )?(?:the )?{_DOC}\b"
        ),
        Asked.ARTICLES,
    ),
    (
        re.compile(
            r"\bwho\b.{0,40}\b(?:wrote|write|written|writes|authored)\b"
            # a newsroom's words for writing a story: "who reported the story on free buses"
            r"|\bwho (?:reported|filed|penned|covered) (?:the |this |that )"
            rf"(?:[\w-]+ ){{0,4}}{_DOC}\b"
            rf"|\bwho (?:signed|sent) (?:the |this |that )(?:[\w'’-]+ ){{0,4}}{_SENT}\b"
            r"|\bwho (?:is|are|was|were) the (?:authors?|writers?)\b"
            r"|\b(?:authors?|writers?) of (?:this|the|that)\b|\bwritten by whom\b"
            r"|^(?:the )?(?:authors?|writers?)\??$"
            rf"|\bwho\b.{{0,20}}\b(?:gave|gives|give|delivered|made|presented)\b.{{0,30}}\b{_TALK}\b"
            rf"|\bwho (?:is|was) (?:the )?speaker\b"
            # who made the piece: "who prepared the briefing", "who hosts the podcast"
            rf"|\bwho (?:prepared|compiled|drafted) (?:the |this |that )(?:[\w'’-]+ ){{0,4}}"
            rf"(?:{_DOC}|{_SENT}|{_TALK})\b"
            rf"|\bwho (?:hosts?|hosted|presents?|presented) (?:the |this |that )"
            rf"(?:[\w'’-]+ ){{0,4}}(?:podcasts?|shows?|programmes?|programs?|episodes?)\b"
        ),
        Asked.AUTHOR,
    ),
    (
        re.compile(
            r"\bwhen\b.{0,40}\b(?:published|written|wrote|released|issued|appeared|"
            r"come out|came out)\b|\b(?:publication|release) date\b"
            # a longer question that names the piece: "when was the post on X by Y published"
            rf"|\bwhen\b.{{0,50}}\b(?:{_DOC}|issue|edition|newsletter|bulletin|memo|briefing)\b"
            r".{0,60}\b(?:published|written|released|issued|appeared|come out|came out|sent|"
            r"(?:last )?updated|revised|handed down)\b"
            r"|\bdate of (?:publication|the " + _DOC + r"|this " + _DOC + r")\b"
            rf"|\bwhen\b.{{0,40}}\b{_TALK}\b.{{0,20}}\b(?:given|delivered|held|recorded)\b"
            rf"|^when (?:was|is|did) (?:the |this |that )?(?:[\w-]+ ){{0,2}}{_TALK}"
            r"(?: take place)?$"
            # a broadcast's publication: "when did the bulletin air", "… first broadcast"
            r"|\bwhen\b.{0,60}\b(?:air(?:ed)?|broadcast|screened|televised|transmitted)"
            r"(?:\s+(?:on|in|at)\b.*)?\s*\??$"
        ),
        Asked.DATE,
    ),
    (
        re.compile(
            r"\bwhere\b.{0,40}\b(?:published|appeared|released|issued)\b"
            r"|\bwhich (?:journal|publication|publisher|magazine|series|outlet)\b"
            r"|\bwho published\b|\bpublished (?:in|by) (?:what|which|whom)\b"
        ),
        Asked.PLACE,
    ),
    (
        re.compile(r"\b(?:sections?|chapters?|headings?|outline|table of contents)\b"),
        Asked.SECTIONS,
    ),
    (
        re.compile(
            rf"\bwhat\b.{{0,30}}\b(?:{_DOC}|it|this)\b.{{0,20}}\babout\b"
            rf"|\b(?:topic|subject|gist|summary|main points?) of (?:this|the|that)\b"
            rf"|\bsummar(?:y|ise|ize)\b.{{0,20}}\b{_DOC}\b"
        ),
        Asked.TOPIC,
    ),
)
_SECTION_QUESTION = re.compile(r"\b(?:which|what|list|show|how many|name)\b")
# a newsroom's verbs for writing a piece, asked with the outlet it was written for
_BYLINE_QUESTION = re.compile(r"^\s*who (?:reported|covered|filed|wrote)\b.*\b(?:for|in)\b", re.I)


def asked(query: str, *, names_outlet: bool = False) -> Asked | None:
    """Which metadata a query asks for, or None when it asks about the articles' content.

    `names_outlet`: the query names a publication of the library, so "who reported the strike
    for the Courier" asks for the byline, where "who reported the strike" may ask the text.
    """
    if names_outlet and _BYLINE_QUESTION.search(query):
        return Asked.AUTHOR
    text = fold(query).rstrip(" ?!.")
    for pattern, what in _ASKS:
        if pattern.search(text):
            if what is Asked.SECTIONS and not (
                _SECTION_QUESTION.search(text) or len(words(text)) <= 2
            ):
                continue  # "the section on Iran" is about content
            return what
    return None


class ArticleNames:
    """What names each article: authors' surnames, title words, publication, slug id.

    Indexed once, so that finding the articles a query names costs little at any library size.
    """

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self._count = len(articles)
        self._by_surname: dict[str, set[int]] = {}
        self._by_title_word: dict[str, set[int]] = {}
        self._titles: list[list[str]] = []
        self._described: list[set[str]] = []  # content words of title and subtitle
        self._by_publication: dict[str, set[int]] = {}
        self._by_slug: dict[str, int] = {}
        self._by_id_word: dict[str, set[int]] = {}  # the words of file names ("cset-2019-…")
        self._authors = [tuple(fold(name) for name in a.authors) for a in articles]
        for i, article in enumerate(articles):
            for name in article.authors:
                if name.split():
                    self._by_surname.setdefault(fold(name.split()[-1]), set()).add(i)
            title = [fold(w) for w in words(article.title) if fold(w) not in STOPWORDS]
            self._titles.append(title)
            subtitle = [fold(w) for w in words(article.subtitle or "")]
            self._described.append({w for w in title + subtitle if w not in STOPWORDS})
            for w in set(title):
                self._by_title_word.setdefault(w, set()).add(i)
            if article.publication:
                self._by_publication.setdefault(fold(article.publication), set()).add(i)
            if any(c in article.id for c in "-_0123456789"):
                self._by_slug[fold(article.id)] = i
            for part in re.split(r"[-_\s]+", fold(article.id)):
                if len(part) >= 3 and part.isalpha() and part not in STOPWORDS:
                    self._by_id_word.setdefault(part, set()).add(i)

    def named(self, query: str, *, loose: bool = False) -> list[int]:
        """The articles a query names: by an author's surname, its publication or title words.

        A title counts when the query holds all of its content words (or, for long titles, at
        least three in a row); an author by their surname; a publication by its full name; an
        id when it is a slug ("lamberty-2024-nato"), not a plain word that may be meant as
        content. `loose` (for questions about the articles, whose words are not content) also
        counts one title word that no other article's title has ("the coffee article"), and
        first a word that only one article's file name holds ("the CSET brief").
        """
        text = fold(query)
        found = {fold(w) for w in words(query)}
        named: set[int] = set()
        for w in found:
            named |= self._by_surname.get(w, set())
        strong = set(named)  # named by an author (title words below are weaker)
        candidates: set[int] = set()
        for w in found:
            holders = self._by_title_word.get(w, set())
            if loose and len(holders) == 1 and len(w) > 3:
                named |= holders
            candidates |= holders
        for i in candidates - named:
            title = self._titles[i]
            if all(w in found for w in title) if len(title) <= 3 else _run_of(title, text, 3):
                named.add(i)
        by_outlet = self._publications_in(text)
        named |= by_outlet
        strong |= by_outlet
        if "-" in text or "_" in text or any(c.isdigit() for c in text):
            slugged = {i for slug, i in self._by_slug.items() if slug in text}
            named |= slugged
            strong |= slugged
        if loose:
            # a word only one article's file name holds ("the CSET brief") names that article
            # before a title word does
            by_file = {
                i for w in found if len(ids := self._by_id_word.get(w, set())) == 1 for i in ids
            }
            if by_file:
                return sorted(by_file | strong)
        if loose and not named:
            named.update(self._best_described(found))
        return sorted(named)

    def written_by(self, name: str) -> list[int]:
        """The articles a typed name wrote (fuzzy, as a speaker's name is: a typo still finds)."""
        wanted = fold(name).strip()
        if not wanted:
            return []
        return [
            i
            for i, authors in enumerate(self._authors)
            if any(fuzz.partial_ratio(wanted, author) >= 85 for author in authors)
        ]

    def names_publication(self, query: str) -> bool:
        """Whether the query names the publication of some article, in full."""
        return bool(self._publications_in(fold(query)))

    def _publications_in(self, text: str) -> set[int]:
        """The articles whose publication the folded text names as whole words."""
        found: set[int] = set()
        for publication, holders in self._by_publication.items():
            start = text.find(publication)  # plain finds: a regex each would cost more
            while start >= 0:
                end = start + len(publication)
                if not (start and text[start - 1].isalnum()) and not (
                    end < len(text) and text[end].isalnum()
                ):
                    found |= holders
                    break
                start = text.find(publication, start + 1)
        return found

    def _best_described(self, found: set[str]) -> list[int]:
        """The one article whose title and subtitle share the most words with the query."""
        content = {w for w in found if w not in STOPWORDS and len(w) > 2}
        scores = [len(content & described) for described in self._described]
        best = max(scores, default=0)
        if best < 2 or scores.count(best) > 1:
            return []  # no article clearly described: the caller answers for all of them
        return [scores.index(best)]


def articles_named(query: str, articles: tuple[Article, ...], *, loose: bool = False) -> list[int]:
    """The articles a query names (see `ArticleNames.named`); builds the index each call."""
    return ArticleNames(articles).named(query, loose=loose)


def _run_of(title: list[str], text: str, n: int) -> bool:
    return any(" ".join(title[i : i + n]) in text for i in range(len(title) - n + 1))


def metadata_words(article: Article) -> set[str]:
    """The folded words that name an article (its authors' names, title, publication)."""
    parts = [*article.authors, article.title, article.publication or "", article.series or ""]
    return {fold(w) for part in parts for w in words(part)}


def metadata_text(article: Article, what: Asked) -> str:
    """The sentence that answers `what` about one article, from its metadata alone."""
    title = f"“{article.title}”"
    authors = _joined(article.authors)
    if what is Asked.AUTHOR:
        return f"{title} was written by {authors}." if authors else f"{title} names no author."
    if what is Asked.DATE:
        if article.date:
            return f"{title} was published {_when(article.date)}."
        return f"{title} gives no publication date."
    if what is Asked.PLACE:
        where = [p for p in (article.publication, article.series) if p]
        if where:
            return f"{title} was published in {' – '.join(dict.fromkeys(where))}."
        return f"{title} does not say where it was published."
    if what is Asked.SECTIONS:
        named = [s for s in article.sections if s]
        if not named:
            return f"{title} has no section headings."
        return f"{title} has {len(named)} sections: " + "; ".join(f"“{s}”" for s in named) + "."
    if what is Asked.TOPIC:
        lead = next((s.text for s in article.sentences if s.kind == "lead"), None)
        lead = lead or next((s.text for s in article.sentences if s.kind == "body"), "")
        subtitle = f" ({article.subtitle})" if article.subtitle else ""
        return f"{title}{subtitle}: {lead}".strip()
    by = f" by {authors}" if authors else ""
    published = ", ".join(p for p in (article.publication, article.date) if p)
    return f"{title}{by}{', ' + published if published else ''}."


def _when(iso: str) -> str:
    """An ISO date as people write it, with the ISO form: "on 7 May 2024 (2024-05-07)"."""
    try:
        if len(iso) == 10:
            day = date.fromisoformat(iso)
            return f"on {day.day} {day:%B %Y} ({iso})"
        if len(iso) == 7:
            return f"in {date.fromisoformat(iso + '-01'):%B %Y} ({iso})"
    except ValueError:
        pass
    return f"in {iso}"


def _joined(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
