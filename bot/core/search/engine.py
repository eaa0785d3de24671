"""The searcher: candidates from a tantivy index, re-ranked into answers.

Every sentence and quote of the corpus becomes one tantivy document of search terms (see
text.py and documents.py; the index is persisted with the store's index, or built in memory).
A query's concepts are OR-ed, each alternative term boosted by its weight; the best candidates
by BM25 are then re-ranked in Python by how much of the query they cover, whether the query's
words stand together, and whether they hold the kind of answer asked for. A question in the
text (or a sentence announcing a list) that matches brings in what answers it, with the
question's words counted as the answer's. Below a confidence threshold the answer is "no
match" with suggestions. Never raises on user text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import tantivy

from bot.core.answers import (
    About,
    Answer,
    ArticleInfo,
    ArticleSummary,
    Citation,
    Command,
    Hit,
    article_citation,
    article_ref,
    citations_for,
    resolve_note,
    sentence_citations,
)
from bot.core.library import headers_of
from bot.core.model import Article, Corpus, Figure, Note, Quote, Sentence, WordVectors
from bot.core.search.documents import (
    FACT,
    NOTE,
    PREVIEW_CHARS,
    QUOTE,
    QUOTE_UNIT,
    SENTENCE,
    PreparedIndex,
    prepare_in_memory,
)
from bot.core.search.documents import clip as _clip
from bot.core.search.documents import unique as _unique
from bot.core.search.english import is_common_word
from bot.core.search.filtered_top import filtered_top
from bot.core.search.metadata import ArticleNames, Asked, asked, metadata_text, metadata_words
from bot.core.search.people import People
from bot.core.search.query import QueryPlan, Want, plan_query
from bot.core.search.ranking import (
    Alternatives,
    continues_list,
    covered_weight,
    heading_terms,
    length_penalty,
    opens_list,
)
from bot.core.search.semantic import SemanticIndex, WordSpace
from bot.core.search.text import STOPWORDS, fold, term_of, terms, words

MIN_CONFIDENCE = 0.4
SIMILARITY_WEIGHT = 0.05  # the semantic bonus at full similarity: a tie-breaker, not a ranker
SUBJECT_BONUS = 0.04  # a tie-breaker among passages that match alike
DEFINITION_BONUS = 0.1  # for the sentence that defines what a "what is …" query asks about
ACRONYM_BONUS = 0.1  # for the sentence that introduces an acronym of the query
LOOSE_FLOOR = 0.6  # for offering the closest passages when no query word is in the sources
CANDIDATES = 100  # taken from tantivy by BM25
RERANKED = 40  # of those, re-ranked with the costlier signals
DEPICTION_BONUS = 0.15  # for a caption, when the query asks for a chart, map or photo
MEASURED_BONUS = 0.1  # for a figure of what a quantity question counts, or of the sum it asks
OTHER_YEAR_PENALTY = 0.1  # for a passage naming years, none of them one the query names
FRAME_SHARE = 0.5  # a query word only the title or heading holds counts half for a sentence
ASKED = 10  # of the best candidates, the questions in the text whose answers are looked for
ANSWER_SPAN = 6  # sentences of the next speaker's turn taken as the answer to a question
HEADING_SPAN = 2  # sentences opening a section taken as the answer to its question heading
ANSWER_DECAY = 0.02  # the later in an answer, the less a sentence is the answer itself
SECTION_REACH = 40  # how far back the start of a section is looked for
SUGGESTIONS = 5
_WIDE = 2 * CANDIDATES  # taken from tantivy unfiltered, for the best of a group among them

_FACT, _QUOTE_UNIT = FACT, QUOTE_UNIT  # tantivy "group" values: sentences, quotes
_SENTENCE, _QUOTE, _NOTE = SENTENCE, QUOTE, NOTE  # what a document number points at
_MEASURES = frozenset({"count", "amount", "percent", "fraction"})
_DETAILED = frozenset({Want.ANY, Want.QUANTITY})  # what a sentence's figures may answer
_WANTED_FIGURES = {
    Want.QUANTITY: frozenset({"count", "amount", "percent", "fraction"}),
    Want.DURATION: frozenset({"duration"}),
    Want.DATE: frozenset({"year", "date"}),
}
_REASON = re.compile(
    r"\b(reasons?|because|due to|owing to|as a result|result of|caused|led to|therefore|thus)\b"
)
_DAY_OR_MONTH = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:today|tomorrow|yesterday|tonight)\b"
)
# "what did X say about Y", "what does X think of Y", "what risks does X see"
_SAID = re.compile(
    r"^\s*(?:what|how|why|which)\b(?P<topic>(?:\s+[\w'’-]+){0,6}?)\s+(?:did|does|do|has|have)"
    r"\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:say|said|says|saying|think|"
    r"argue|tell|told|claim|mean|suggest|explain|describe|(?P<verb>see|expect|propose|"
    r"recommend|warn|fear|want|predict))\w*\b(?:\s+(?:about|on|of|regarding|concerning))?\s*(?P<about>.*?)\s*\??\s*$"
)
_INTERVIEWER = re.compile(
    r"^\s*who\s+(?:interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with))\s+"
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\??\s*$"
)
_DEFINITION = re.compile(r"^\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?\w", re.I)
_PERSON = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
_KIND_PRIOR = {
    "fact": {"body": 0.0, "lead": 0.0, "caption": -0.04, "bio": -0.06, "note": -0.03},
    "quote": {"direct": 0.12, "pull": 0.08, "body": 0.0, "lead": 0.0},
}


_Found = tuple[list[tuple[Any, tantivy.DocAddress]], list[int | float | bool | None]]


@dataclass(slots=True)
class _Scored:
    doc: int
    score: float
    confidence: float
    bm25: float = 0.0
    asked: tuple[str, ...] = ()  # for the answer to a question in the text: the question's terms


class Searcher:
    """Answers /fact and /quote over one corpus; immutable once built.

    `prepared` is what a persisted index holds (its tantivy index, documents and vocabulary,
    see `bot.store.search_index`); without it every article is analysed and indexed in memory.
    """

    def __init__(self, corpus: Corpus, prepared: PreparedIndex | None = None) -> None:
        self.corpus = corpus
        self._articles = corpus.articles  # may be lazy: an article's passages load on demand
        self._headers = headers_of(corpus.articles)  # metadata and counts, always in memory
        self._article_index = {h.article.id: i for i, h in enumerate(self._headers)}
        if prepared is None:
            prepared = prepare_in_memory(corpus)
        self._doc_article = prepared.doc_article
        self._doc_what = prepared.doc_what
        self._doc_position = prepared.doc_position
        self._docs = prepared.documents
        merged = prepared.merged
        self._vocabulary = merged.vocabulary
        self._glossary = merged.glossary
        self._speakers = merged.speakers
        self._people = People(merged.people, self._vocabulary, self._texts_with)
        self._names = ArticleNames(tuple(h.article for h in self._headers))
        self._index = prepared.index
        self._schema = self._index.schema
        self._frames: dict[int, frozenset[str]] = {}  # each article's title and publication terms
        self._section_frames: dict[tuple[int, str], frozenset[str]] = {}  # and a section's
        self._group_scores: dict[int, float | None] = {}  # see _best_of_group
        self._searcher = self._index.searcher()
        self._semantic = self._semantic_index(corpus.vectors)
        self._starters = merged.starters
        is_common_word("warm")  # load the word list now, not on a user's first keystroke

    # -- public API -------------------------------------------------------------------------

    def facts(self, query: str, *, limit: int = 5, article: str | None = None) -> Answer:
        """The sentences that best answer a query, best first, or no match with suggestions."""
        return self._answer("fact", query, limit=limit, article=article, speaker=None)

    def quotes(
        self,
        query: str,
        *,
        limit: int = 5,
        article: str | None = None,
        speaker: str | None = None,
    ) -> Answer:
        """Quotations (direct, pull, then the author's own sentences) matching a query."""
        return self._answer("quote", query, limit=limit, article=article, speaker=speaker)

    def autocomplete(self, command: Command, partial: str, *, limit: int = 25) -> list[str]:
        """Up to `limit` suggestions (each at most 100 characters) that lead to real results.

        The word being typed is completed from the corpus vocabulary (most frequent first),
        then come previews of the passages the query, so completed, would find.
        """
        limit = max(0, min(limit, 25))
        typing = bool(partial) and not partial[-1].isspace()
        text = " ".join(partial.split())[:PREVIEW_CHARS]
        if not words(text):
            return self._starters[command][:limit]
        out: list[str] = []
        query = text
        if typing:
            head, _, last = text.rpartition(" ")
            completions = [
                w
                for w in self._vocabulary.complete(last, limit=8)
                if w not in STOPWORDS and len(w) > len(last)
            ][:5]
            out.extend(_clip(f"{head} {word}".strip()) for word in completions)
            if completions and not self._vocabulary.has(term_of(last) or ""):
                query = f"{head} {completions[0]}"
        plan = plan_query(query, self._vocabulary, self._glossary)
        if plan.known:
            group = _FACT if command == "fact" else None
            previews = self._rank(plan, group=group, articles=None, command=command, preview=True)
            for scored in previews[:limit]:
                out.append(_clip(self._doc_text(scored.doc)))
        return _unique(out)[:limit]

    def about(self) -> About:
        """The articles in the index with their counts, and when it was built."""
        summaries = tuple(
            ArticleSummary(
                article=article_ref(h.article),
                sentences=h.sentences,
                quotes=h.quotes,
                figures=h.figures,
                notes=h.notes,
            )
            for h in self._headers
        )
        return About(articles=summaries, built_at=self.corpus.built_at)

    def articles(self) -> list[ArticleInfo]:
        """Every article of the index, in index order, with its metadata and counts."""
        return [
            ArticleInfo(
                id=h.article.id,
                title=h.article.title,
                authors=h.article.authors,
                date=h.article.date,
                publication=h.article.publication,
                subtitle=h.article.subtitle,
                sections=sum(1 for s in h.article.sections if s),
                sentences=h.sentences,
                quotes=h.quotes,
                figures=h.figures,
                notes=h.notes,
            )
            for h in self._headers
        ]

    def speakers(self) -> list[str]:
        """Everyone quoted in the corpus (and the authors of pull quotes), sorted."""
        return list(self._speakers)

    # -- building ---------------------------------------------------------------------------

    def _semantic_index(self, stored: WordVectors | None) -> SemanticIndex | None:
        """The word vectors stored with the index placed over this corpus's terms, if any."""
        if stored is None:
            return None  # an index built without vectors: search stays lexical
        try:
            space = WordSpace.from_blob(
                stored.words, stored.dims, stored.blob, source=stored.source
            )
        except ValueError:
            return None
        return SemanticIndex(space, self._vocabulary.forms_by_term(), self._vocabulary.idf)

    # -- answering --------------------------------------------------------------------------

    def _answer(
        self,
        command: Command,
        query: str,
        *,
        limit: int,
        article: str | None,
        speaker: str | None,
    ) -> Answer:
        limit = max(1, min(limit, 25))
        articles: list[int] | None = None
        if article:
            article_no = self._find_article(article)
            if article_no is None:
                return Answer(command, query, error=f"No article matches “{_clip(article, 60)}”.")
            articles = [article_no]
        people: list[int] | None = None
        if speaker:
            people = self._people.matching(speaker)
            if not people or (command == "quote" and not self._quotes_of(people, articles)):
                if command == "quote":
                    return self._authors_words(query, speaker, articles, limit)
                who = _clip(speaker, 60)
                return Answer(command, query, error=f"No one called “{who}” speaks in the sources.")
        searched = query
        if command == "quote" and people is not None:
            # "/quote Mairi Campbell bridge" with the speaker given: her name is no search word
            led, rest = self._people.leading(query)
            if led and rest and set(led) <= set(people):
                searched = rest
        if command == "quote" and people is None and (name := self._people.named(query)):
            people = self._people.matching(name)
            if not people or not self._quotes_of(people, articles):
                return self._not_quoted(query, name, articles)  # an author no one quotes
            searched = ""  # the query was the speaker: all their quotations
        elif command == "quote" and people is None:
            people, searched = self._people.leading(query)
        outlet = command == "fact" and self._names.names_publication(query)
        if command == "fact" and (what := asked(query, names_outlet=outlet)) is not None:
            return self._metadata_answer(query, what, articles, limit)
        if command == "fact" and (asked_of := _INTERVIEWER.match(query)):
            # "who interviewed X": the author of the articles in which X is quoted
            quoted = self._quotes_of(self._people.matching(asked_of["who"]), articles)
            holders = sorted({self._doc_article[s.doc] for s in quoted})
            holders = [i for i in holders if self._headers[i].article.authors]
            if holders:  # a transcript without a byline: its turns say who asked
                return self._metadata_answer(query, Asked.AUTHOR, holders, limit)
        if command == "fact" and people is None and (said := _SAID.match(query)):
            speaking = self._people.matching(said.group("who"))
            if speaking and self._quotes_of(speaking, articles):
                # "what did X say about Y": X's own words about Y, as /quote finds them
                # a verb with content of its own ("what risks does X see") is searched too
                about = " ".join(p for p in (said["topic"], said["verb"], said["about"]) if p)
                found = self._answer(
                    "quote", about, limit=limit, article=article, speaker=said["who"]
                )
                if found.hits:
                    return replace(found, command="fact", query=query)
        if articles is None and len(self._headers) > 1:
            articles, searched = self._narrowed(searched)
        plan = plan_query(searched, self._vocabulary, self._glossary, self._semantic)
        if plan.empty and people is None:
            return Answer(command, query, error="Type a few words to search for.")
        group = _FACT if command == "fact" else None
        if plan.empty:
            ranked = self._quotes_of(people or [], articles)
        else:
            ranked = self._rank(
                plan, group=group, articles=articles, command=command, people=people
            )
        confident = [r for r in ranked if plan.empty or r.confidence >= MIN_CONFIDENCE]
        if not confident:
            return self._closest(command, query, plan, ranked, group, articles, people)
        hits = tuple(self._hit(r, command) for r in self._dedupe(confident, plan.want)[:limit])
        return Answer(command, query, hits=hits)

    def _closest(
        self,
        command: Command,
        query: str,
        plan: QueryPlan,
        ranked: list[_Scored],
        group: int | None,
        articles: list[int] | None,
        people: list[int] | None,
    ) -> Answer:
        """No confident match: the closest passages (as hits and as suggestions), never nothing.

        When no word of the query is in the sources, the semantic index may still relate them
        to corpus words at a looser similarity; those passages are offered, never as answers.
        """
        if not ranked and self._semantic is not None and not plan.empty:
            loose = plan_query(
                plan.text, self._vocabulary, self._glossary, self._semantic, floor=LOOSE_FLOOR
            )
            if loose.known:
                ranked = self._rank(
                    loose, group=group, articles=articles, command=command, people=people
                )
        closest = self._dedupe(ranked, plan.want)[:SUGGESTIONS]
        suggestions = _unique(_clip(self._doc_text(r.doc)) for r in closest)
        if not suggestions:
            suggestions = self._starters[command][:SUGGESTIONS]
        return Answer(
            command,
            query,
            suggestions=tuple(suggestions),
            closest=tuple(self._hit(r, command) for r in closest),
        )

    def _texts_with(self, term: str, limit: int) -> list[str]:
        """The texts of up to `limit` passages holding a term (for the people rules)."""
        query = tantivy.Query.term_query(self._schema, "terms", term)
        found = self._searcher.search(query, limit, count=False).hits
        numbers = self._searcher.fast_field_values("doc", [address for _, address in found])
        self._docs.prefetch(numbers)
        return [self._doc_text(int(n)) for n in numbers if n is not None]

    def _authors_words(
        self, query: str, author: str, articles: list[int] | None, limit: int
    ) -> Answer:
        """/quote for an author no one else quotes: their own sentences on the query.

        A speech's or a column's words are its author's, though no quotation marks hold them.
        Nothing of theirs matching: the closest of their sentences; no article of theirs (or
        no query): "never quoted", with who is.
        """
        written = [i for i in self._names.written_by(author) if articles is None or i in articles]
        plan = plan_query(query, self._vocabulary, self._glossary, self._semantic)
        if not written or plan.empty:
            return self._not_quoted(query, author, articles)
        ranked = self._rank(plan, group=_FACT, articles=written, command="quote")
        own = [r for r in ranked if self._in_authors_voice(r.doc)]
        confident = [r for r in own if r.confidence >= MIN_CONFIDENCE]
        if not confident:
            return self._closest("quote", query, plan, own, _FACT, written, None)
        hits = tuple(self._hit(r, "quote") for r in self._dedupe(confident, plan.want)[:limit])
        return Answer("quote", query, hits=hits)

    def _in_authors_voice(self, doc: int) -> bool:
        """A sentence the author says: no transcript turn, no one else's quotation in it."""
        if self._doc_what[doc] != _SENTENCE:
            return False
        sentence = self._sentence(doc)
        if sentence.speaker is not None:
            return False
        article = self._article(doc)
        return not any(q.sentence == sentence.id and q.kind == "direct" for q in article.quotes)

    def _not_quoted(self, query: str, name: str, articles: list[int] | None) -> Answer:
        """/quote for someone the sources never quote: say so, and offer who is quoted."""
        who = _clip(name, 60)
        mentioned = self._answer("fact", name, limit=SUGGESTIONS, article=None, speaker=None)
        if articles is not None:
            keep = {self._headers[i].article.id for i in articles}
            mentioned = Answer(
                "fact", name, hits=tuple(h for h in mentioned.hits if h.article.id in keep)
            )
        return Answer(
            "quote",
            query,
            error=f"{who} is never quoted in the sources.",
            unquoted=name,
            speakers=tuple(self._speakers),
            closest=mentioned.hits,
            suggestions=tuple(self._speakers[:SUGGESTIONS]),
        )

    def _narrowed(self, query: str) -> tuple[list[int] | None, str]:
        """The articles a query names, and the query without the words that named them."""
        named = self._names.named(query)
        if not named or len(named) == len(self._headers):
            return None, query
        naming = set().union(*(metadata_words(self._headers[i].article) for i in named))
        rest = " ".join(w for w in words(query) if fold(w) not in naming)
        if not any(term_of(w) for w in words(rest)):
            return named, query  # only the names: search for them within those articles
        return named, rest

    def _metadata_answer(
        self, query: str, what: Asked, articles: list[int] | None, limit: int
    ) -> Answer:
        """A question about the articles themselves, answered from their metadata."""
        chosen = articles if articles is not None else self._names.named(query, loose=True)
        if not chosen:
            chosen = list(range(len(self._headers)))
        hits = []
        for i in chosen[: max(limit, 25) if what is Asked.ARTICLES else limit]:
            # only the topic reads a passage (the lead): the rest is the metadata in memory
            article = self._articles[i] if what is Asked.TOPIC else self._headers[i].article
            text = metadata_text(article, what)
            hits.append(
                Hit(
                    id=f"{article.id}:{what.value}",
                    text=text,
                    score=1.0,
                    kind="metadata",
                    section="",
                    article=article_ref(article),
                    context=text,
                    citations=(article_citation(article, ""),),
                )
            )
        return Answer("fact", query, hits=tuple(hits))

    def _find_article(self, wanted: str) -> int | None:
        if wanted in self._article_index:
            return self._article_index[wanted]
        folded = fold(wanted)
        for i, h in enumerate(self._headers):
            if folded in fold(h.article.title) or folded in h.article.id:
                return i
        return None

    def _filters(
        self, *, group: int | None, articles: list[int] | None, people: list[int] | None
    ) -> list[tantivy.Query]:
        filters = []
        if group is not None:
            filters.append(tantivy.Query.term_query(self._schema, "group", group))
        if articles is not None:
            filters.append(
                tantivy.Query.boolean_query(
                    [
                        (tantivy.Occur.Should, tantivy.Query.term_query(self._schema, "article", a))
                        for a in articles
                    ]
                )
            )
        if people is not None:
            anyone = [
                (tantivy.Occur.Should, tantivy.Query.term_query(self._schema, "speaker", p))
                for p in people
            ]
            filters.append(tantivy.Query.boolean_query(anyone))
        return filters

    def _quotes_of(self, people: list[int], articles: list[int] | None) -> list[_Scored]:
        """Every quotation by these people, in reading order (a speaker without a query)."""
        filters = self._filters(group=_QUOTE_UNIT, articles=articles, people=people)
        query = tantivy.Query.boolean_query([(tantivy.Occur.Must, f) for f in filters])
        found = self._searcher.search(query, CANDIDATES, count=False).hits
        numbers = self._searcher.fast_field_values("doc", [address for _, address in found])
        return [_Scored(int(n), 1.0, 1.0) for n in sorted(n for n in numbers if n is not None)]

    def _rank(
        self,
        plan: QueryPlan,
        *,
        group: int | None,
        articles: list[int] | None,
        command: Command,
        people: list[int] | None = None,
        preview: bool = False,
    ) -> list[_Scored]:
        """Candidates by BM25, re-ranked by the signals above, best first.

        `preview` (autocomplete) skips the costliest signals: the answers that follow a question,
        the semantic bonus and the reason after a match.
        """
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        # A long form whose every word the query states itself ("nato mission iraq (nmi)") adds
        # nothing the candidates lack; as a nested conjunction it would stop tantivy skipping
        # the documents that cannot reach the top (its block-max pruning needs plain terms).
        typed = {c.main for c in plan.concepts}
        for concept in plan.concepts:
            for alternative, weight in concept.alternatives.items():
                if len(alternative) > 1 and typed.issuperset(alternative):
                    continue
                q = self._all_terms_query(alternative)
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(q, weight)))
        if not clauses:
            return []
        query = tantivy.Query.boolean_query(clauses)
        filters = self._filters(group=group, articles=articles, people=people)
        grouped = None
        if group is not None and articles is None and people is None:
            grouped = self._best_of_group(query, group)
        if grouped is not None:
            found, numbers = grouped
        else:
            if filters:
                query = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, query)] + [(tantivy.Occur.Must, f) for f in filters]
                )
            found = self._searcher.search(query, CANDIDATES, count=False).hits
            numbers = self._searcher.fast_field_values("doc", [address for _, address in found])
        if not found:
            return []
        self._docs.prefetch(numbers)
        top = found[0][0] or 1.0
        total = plan.total_weight() or 1.0
        alternatives = [
            (c.weight, sorted(c.alternatives.items(), key=lambda alt: -alt[1]))
            for c in plan.concepts
        ]
        wanted = frozenset(t for _, alts in alternatives for alt, _ in alts for t in alt)
        # Stage one, for every candidate: how much of the query it covers, and BM25.
        scored = []
        for (bm25, _), number in zip(found, numbers, strict=True):
            if number is not None:
                scored.append(self._covering(int(number), plan, alternatives, wanted, bm25 / top))
        # Stage two, for the best of them: closeness of the query's words, and answer fit.
        scored.sort(key=lambda s: (-s.score, s.doc))
        del scored[RERANKED:]
        singles = [frozenset(a[0] for a in c.alternatives if len(a) == 1) for c in plan.concepts]
        subject = DEFINITION_BONUS if _DEFINITION.match(plan.text) else SUBJECT_BONUS
        if command == "fact" and not preview:
            scored.extend(self._answers(scored, plan, alternatives, wanted))
        for s in scored:
            doc_terms = self._doc_terms(s.doc)
            # an answer stands in for what it answers: its words stand together if those do
            asked = list(s.asked)
            s.score += max(_proximity(singles, doc_terms), _proximity(singles, asked))
            s.score += subject * (_opens_with(singles, doc_terms) or _opens_with(singles, asked))
            s.score += self._defines(plan, s.doc, total)
            s.score += self._fit(s.doc, plan, command)
            s.score -= length_penalty(len(doc_terms))
        if not preview:
            self._add_similarity(plan, scored)
        if plan.want is Want.REASON and not preview:
            scored.extend(self._reasons_after(scored))
        # A question in the text (an interviewer's, a heading's) repeats the words it asks
        # about but answers nothing: it follows every confident statement.
        stated = any(
            s.confidence >= MIN_CONFIDENCE and not self._is_question(s.doc) for s in scored
        )
        scored.sort(key=lambda s: (stated and self._is_question(s.doc), -s.score, s.doc))
        return scored

    def _best_of_group(self, query: tantivy.Query, group: int) -> _Found | None:
        """The CANDIDATES best documents of one group, as the search filtered to it finds them.

        Taken from the unfiltered search, which tantivy answers several times faster (see
        `filtered_top`); None when that cannot be certain, and the caller runs the filtered one.
        """
        extra = self._group_score(group)
        if extra is None:
            return None
        wide = self._searcher.search(query, _WIDE, count=False).hits
        numbers = self._searcher.fast_field_values("doc", [address for _, address in wide])
        docs = [n for n in numbers if isinstance(n, int)]
        if len(docs) < len(numbers):
            return None
        quotes = group == _QUOTE_UNIT
        member = [(self._doc_what[n] == _QUOTE) == quotes for n in docs]
        scores = [float(score) for score, _ in wide]
        top = filtered_top(scores, member, extra, CANDIDATES, complete=len(wide) < _WIDE)
        if top is None:
            return None
        kept, summed = top
        found = [(score, wide[i][1]) for score, i in zip(summed, kept, strict=True)]
        return found, [numbers[i] for i in kept]

    def _group_score(self, group: int) -> float | None:
        """What a group's filter term adds to the score of each of its documents."""
        if group not in self._group_scores:
            term = tantivy.Query.term_query(self._schema, "group", group)
            hits = self._searcher.search(term, 1, count=False).hits
            self._group_scores[group] = float(hits[0][0]) if hits else None
        return self._group_scores[group]

    def _covering(
        self,
        doc: int,
        plan: QueryPlan,
        alternatives: Alternatives,
        wanted: frozenset[str],
        bm25: float,
        context: set[str] | None = None,
    ) -> _Scored:
        """Stage one: how much of the query a passage covers, with its (relative) BM25.

        `wanted` holds every term an alternative needs: the title or heading only counts when it
        holds one of them.
        """
        present = set(self._doc_terms(doc))
        if context:
            present |= context
        covered = covered_weight(alternatives, present)
        # what the article is, or the section, may say what the sentence leaves implied
        frame = self._frame_terms(doc)  # (tested whole first: most hold no term of the query)
        if not frame.isdisjoint(wanted) and not (frame := frame - present).isdisjoint(wanted):
            framed = covered_weight(alternatives, present | frame)
            covered += FRAME_SHARE * (framed - covered)
        if self._has_wanted_figure(doc, plan.want, plan.stated):
            covered += plan.answer_type_weight
        coverage = covered / (plan.total_weight() or 1.0)
        return _Scored(doc, 0.6 * coverage + 0.3 * bm25, coverage, bm25)

    def _frame_terms(self, doc: int) -> frozenset[str]:
        """The terms of the article's title, subtitle and publication, and of the section."""
        article = self._doc_article[doc]
        frame = self._frames.get(article)
        if frame is None:
            a = self._headers[article].article  # metadata only: no passages are read
            frame = frozenset(terms(f"{a.title} {a.subtitle or ''} {a.publication or ''}"))
            self._frames[article] = frame
        if self._doc_what[doc] != _SENTENCE:
            return frame
        section = self._docs.info(doc).section
        framed = self._section_frames.get((article, section))
        if framed is None:
            framed = frame | frozenset(heading_terms(section))
            self._section_frames[article, section] = framed
        return framed

    def _answers(
        self,
        scored: list[_Scored],
        plan: QueryPlan,
        alternatives: Alternatives,
        wanted: frozenset[str],
    ) -> list[_Scored]:
        """The answers to the questions in the text that match the query best.

        An interviewer's question, or an article's own ("Who pays?"), repeats the words of a
        query without answering it; what follows it does: the next speaker's turn, or the next
        sentences. So do the items of a list a sentence announces, and the sentence putting in
        figures what a general one says. Each stands in for what it answers: that sentence's
        words count as its own.
        """
        have = {s.doc: s for s in scored}
        out = []
        self._docs.prefetch(self._next_docs(s.doc for s in scored[:ASKED]))  # one read for all
        for s in scored[:ASKED]:
            if self._doc_what[s.doc] != _SENTENCE:
                continue
            heading = self._docs.info(s.doc).section
            question = self._asking(s.doc)
            if question is not None:
                asked = tuple(t for d in range(s.doc, question + 1) for t in self._doc_terms(d))
                answers = self._answer_docs(question)
            elif heading.rstrip().endswith("?"):
                asked, answers = heading_terms(heading), self._section_opening(s.doc)
            elif items := self._listed_after(s.doc):
                asked, answers = tuple(self._doc_terms(s.doc)), items
            elif (
                plan.want in _DETAILED
                and (detail := self._detailed_by(s.doc, plan.want)) is not None
            ):
                asked, answers = tuple(self._doc_terms(s.doc)), [detail]
            else:
                continue
            for position, answer in enumerate(answers):
                if len(self._doc_terms(answer)) < 2:
                    continue  # "There is.", "Yes.": the answer's gist, not a fact to show
                found = self._covering(answer, plan, alternatives, wanted, s.bm25, set(asked))
                found.score -= ANSWER_DECAY * position
                found.asked = asked
                known = have.get(answer)
                if known is None:
                    have[answer] = found
                    out.append(found)
                elif found.score > known.score:
                    known.score, known.confidence = found.score, found.confidence
                    known.asked = asked
        return out

    def _asking(self, doc: int) -> int | None:
        """The question a sentence asks or leads up to, if any.

        Itself, or in a transcript the last sentence of its turn when that is a question ("The
        union has threatened a strike. Is the programme at risk?"): an interviewer's statement
        leads up to their question. An author's statement before a question stays a statement.
        """
        if self._is_question(doc):
            return doc
        if self._docs.info(doc).speaker is None:
            return None
        last = doc
        for _ in range(ANSWER_SPAN):
            nxt = self._next_sentence_doc(last)
            if nxt is None:
                break
            last = nxt
        return last if self._is_question(last) else None

    def _listed_after(self, doc: int) -> list[int]:
        """The items of the list a sentence announces, if the next one opens a list.

        "The Forum recommends three steps. First, … Second, …": the sentences after it that
        open with an ordinal, the first with "First".
        """
        nxt = self._next_sentence_doc(doc)
        if nxt is None or not opens_list(self._doc_text(nxt)):
            return []
        items = [nxt]
        nxt = self._next_sentence_doc(nxt)
        while nxt is not None and len(items) < ANSWER_SPAN and continues_list(self._doc_text(nxt)):
            items.append(nxt)
            nxt = self._next_sentence_doc(nxt)
        return items

    def _section_opening(self, doc: int) -> list[int]:
        """The first sentences of a sentence's section (which answer a question heading)."""
        section = self._docs.info(doc).section
        first = doc
        while doc - first < SECTION_REACH and self._same_section(first - 1, first, section):
            first -= 1
        if doc - first >= SECTION_REACH:
            return []
        opening = [first]
        while len(opening) < HEADING_SPAN and self._same_section(opening[-1] + 1, first, section):
            opening.append(opening[-1] + 1)
        return [d for d in opening if not self._is_question(d)]

    def _answer_docs(self, question: int) -> list[int]:
        """The sentences answering a question in the text.

        In a transcript, the next speaker's turn; elsewhere, the next sentences of its section.
        """
        asker, section = self._docs.info(question).speaker, self._docs.info(question).section
        doc = question + 1
        out: list[int] = []
        if asker is None:
            return self._answer_docs_in_text(doc, section)
        rest_of_turn = self._next_sentence_doc(question)
        if rest_of_turn is not None and self._docs.info(rest_of_turn).speaker == asker:
            # the speaker goes on in the same turn: a question they answer themselves
            return self._answer_docs_in_text(rest_of_turn, section)
        while self._same_section(doc, question, None) and self._docs.info(doc).speaker == asker:
            doc += 1  # the asker goes on asking: the answer is the next turn
        if not self._same_section(doc, question, None):
            return []
        answerer = self._docs.info(doc).speaker
        while (
            len(out) < ANSWER_SPAN
            and self._same_section(doc, question, None)
            and self._docs.info(doc).speaker == answerer
        ):
            if not self._is_question(doc):
                out.append(doc)
            doc += 1
        return out

    def _answer_docs_in_text(self, start: int, section: str) -> list[int]:
        """The sentences from `start` on answering a question just asked, in its section.

        At most HEADING_SPAN of them, up to the next question.
        """
        out: list[int] = []
        doc = start
        while len(out) < HEADING_SPAN and self._same_section(doc, start, section):
            if self._is_question(doc):
                break
            out.append(doc)
            doc += 1
        return out

    def _same_section(self, doc: int, other: int, section: str | None) -> bool:
        """Whether `doc` is a sentence of the article of `other` (and under `section`, if given)."""
        if not 0 <= doc < len(self._doc_what) or self._doc_what[doc] != _SENTENCE:
            return False
        if self._doc_article[doc] != self._doc_article[other]:
            return False
        return section is None or self._docs.info(doc).section == section

    def _detailed_by(self, doc: int, want: Want) -> int | None:
        """The next sentence of its paragraph, when that one puts in figures what it says.

        "The board funds the locks from its own budget. It paid 12 million euros for them last
        year." A sentence holding a figure of its own is specific already; to a question of
        how much, a year or a date ("approved in 2021") only says when.
        """
        when = ("year", "date") if want is Want.QUANTITY else ()
        if any(f.kind not in when for f in self._figures(doc)):
            return None
        nxt = self._next_sentence_doc(doc)
        if nxt is None or not any(f.kind in _MEASURES for f in self._figures(nxt)):
            return None
        return nxt

    def _is_question(self, doc: int) -> bool:
        return self._doc_text(doc).rstrip().rstrip("\"'”’)").endswith("?")

    def _add_similarity(self, plan: QueryPlan, scored: list[_Scored]) -> None:
        """The semantic bonus: how close each candidate's meaning is to the query's."""
        if self._semantic is None or not scored:
            return
        query = self._semantic.query_vector((c.word, c.main, c.weight) for c in plan.concepts)
        if query is None:
            return
        docs = [self._doc_terms(s.doc) + list(s.asked) for s in scored]
        for s, similarity in zip(scored, self._semantic.similarities(query, docs), strict=True):
            s.score += SIMILARITY_WEIGHT * max(0.0, similarity)

    def _defines(self, plan: QueryPlan, doc: int, total: float) -> float:
        """Bonus for a sentence introducing an acronym ("Maritime Administration (MARAD)")."""
        text = self._doc_text(doc)
        if "(" not in text:
            return 0.0
        defined = sum(
            c.weight
            for c in plan.concepts
            if len(c.word) > 1
            and c.word.isalpha()
            and any(f"({form})" in text for form in _acronym_forms(c.word))
        )
        return ACRONYM_BONUS * defined / total

    def _all_terms_query(self, alternative: tuple[str, ...]) -> tantivy.Query:
        queries = [tantivy.Query.term_query(self._schema, "terms", t) for t in alternative]
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])

    def _reasons_after(self, scored: list[_Scored]) -> list[_Scored]:
        """For "why" questions: the sentence right after a match that gives its reason."""
        out = []
        for s in sorted(scored, key=lambda s: -s.score)[:5]:
            nxt = self._next_sentence_doc(s.doc)
            if nxt is None and self._doc_what[s.doc] == _SENTENCE:
                # a reason may open the next paragraph ("But most experts say … because …")
                section = self._docs.info(s.doc).section
                nxt = s.doc + 1 if self._same_section(s.doc + 1, s.doc, section) else None
            if nxt is not None and _REASON.search(self._doc_text(nxt).lower()):
                out.append(_Scored(nxt, s.score + 0.05, s.confidence))
        return out

    def _next_docs(self, docs: Iterable[int]) -> list[int]:
        """The sentences right after these sentences of the same article (to read at once)."""
        what, article = self._doc_what, self._doc_article
        return [
            d + 1
            for d in docs
            if d + 1 < len(what)
            and what[d] == _SENTENCE
            and what[d + 1] == _SENTENCE
            and article[d + 1] == article[d]
        ]

    def _next_sentence_doc(self, doc: int) -> int | None:
        if self._doc_what[doc] != _SENTENCE or doc + 1 >= len(self._doc_what):
            return None
        same_article = self._doc_article[doc + 1] == self._doc_article[doc]
        if self._doc_what[doc + 1] != _SENTENCE or not same_article:
            return None
        same_paragraph = self._docs.info(doc).paragraph == self._docs.info(doc + 1).paragraph
        return doc + 1 if same_paragraph else None

    def _fit(self, doc: int, plan: QueryPlan, command: Command) -> float:
        """Bonus for holding the kind of answer asked for; kind prior; questions rank lower."""
        text, kind, want = self._doc_text(doc), self._doc_kind(doc), plan.want
        bonus = _KIND_PRIOR[command].get(kind, 0.0)
        if plan.depiction and kind == "caption":
            bonus += DEPICTION_BONUS  # "chart of well depth": the chart's caption
        if self._is_question(doc):
            bonus -= 0.2  # the article asking something rarely answers the user
        if plan.years and (years := self._years(doc)) and years.isdisjoint(plan.years):
            bonus -= OTHER_YEAR_PENALTY  # "species recorded in 2023": not the 2004 count
        if self._has_wanted_figure(doc, want, plan.stated):
            bonus += 0.15
            if self._has_measured_figure(doc, plan):
                bonus += MEASURED_BONUS
        elif want is Want.PERSON and (self._doc_what[doc] == _QUOTE or _PERSON.search(text)):
            bonus += 0.08
        return bonus

    def _has_wanted_figure(
        self, doc: int, want: Want, stated: frozenset[tuple[str, float]] = frozenset()
    ) -> bool:
        """Whether the passage holds a figure of the kind asked for, not one the query states.

        "total cost of the £2 fare cap": the £2 names the cap; a sentence saying only that is
        no answer to what it cost.
        """
        kinds = _WANTED_FIGURES.get(want)
        if kinds is None:
            return False
        if any(f.kind in kinds and (f.kind, f.value) not in stated for f in self._figures(doc)):
            return True
        # A day or month named without a number ("later on Friday", "in March") is a date too.
        return want is Want.DATE and _DAY_OR_MONTH.search(self._doc_text(doc)) is not None

    def _years(self, doc: int) -> set[int]:
        """The years a passage names, in a year or a full date (not a decade)."""
        years = set()
        for f in self._figures(doc):
            if f.kind == "year" and f.unit != "decade":
                years.add(int(f.value))
            elif f.kind == "date":
                years.add(int(f.value) // 10000)
        return years

    def _has_measured_figure(self, doc: int, plan: QueryPlan) -> bool:
        """Whether the passage counts what the query counts, or states the sum it asks for.

        "how many homes": "61,000 homes", not "£420m"; "what did it cost": "£86,000", not
        "40 hectares"; how much a sum was cut or rose: a sum or a share. A figure the query
        states is none (see `_has_wanted_figure`).
        """
        if not plan.counted and not plan.priced:
            return False
        for f in self._figures(doc):
            if (f.kind, f.value) in plan.stated:
                continue
            if plan.priced and (f.kind == "amount" or (plan.changed and f.kind == "percent")):
                return True
            if f.kind == "count" and plan.counted.intersection(map(term_of, f.unit.split())):
                return True
        return False

    def _dedupe(self, ranked: list[_Scored], want: Want = Want.ANY) -> list[_Scored]:
        """Drop repeats: a body sentence shown as a quote, or a pull quote's original.

        A note that matches no more of the query than a sentence resting on it gives way to
        that sentence, which answers in the article's words and cites the note anyway; not when
        the note holds the figure the question asks for and the sentence does not.
        """
        citing: dict[tuple[int, int], _Scored] = {}
        for r in ranked:
            if self._doc_what[r.doc] == _SENTENCE and r.confidence >= MIN_CONFIDENCE:
                for number in self._docs.info(r.doc).notes:
                    citing.setdefault((self._doc_article[r.doc], number), r)
        seen_docs: set[int] = set()
        seen_sentences: set[tuple[int, str]] = set()
        out = []
        for r in ranked:
            if self._doc_what[r.doc] == _NOTE:
                number = int(self._docs.info(r.doc).anchor.removeprefix("note:"))
                resting = citing.get((self._doc_article[r.doc], number))
                if (
                    resting is not None
                    and resting.confidence >= r.confidence
                    and not (
                        self._has_wanted_figure(r.doc, want)
                        and not self._has_wanted_figure(resting.doc, want)
                    )
                ):
                    r = resting
            if r.doc in seen_docs:
                continue
            seen_docs.add(r.doc)
            article = self._doc_article[r.doc]
            key = (article, self._anchor_sentence_id(r.doc))
            if key in seen_sentences:
                continue
            seen_sentences.add(key)
            out.append(r)
        return out

    # -- documents --------------------------------------------------------------------------

    def _article(self, doc: int) -> Article:
        return self._articles[self._doc_article[doc]]

    def _sentence(self, doc: int) -> Sentence:
        return self._article(doc).sentences[self._doc_position[doc]]

    def _quote(self, doc: int) -> Quote:
        return self._article(doc).quotes[self._doc_position[doc]]

    def _note(self, doc: int) -> Note:
        return self._article(doc).notes[self._doc_position[doc]]

    def _doc_text(self, doc: int) -> str:
        return self._docs.info(doc).text

    def _note_text(self, doc: int) -> str:
        return self._docs.info(doc).text  # a note's document is its statement

    def _doc_kind(self, doc: int) -> str:
        return self._docs.info(doc).kind

    def _anchor_sentence_id(self, doc: int) -> str:
        return self._docs.info(doc).anchor

    def _doc_terms(self, doc: int) -> list[str]:
        return self._docs.info(doc).terms

    def _figures(self, doc: int) -> tuple[Figure, ...]:
        return self._docs.info(doc).figures

    def _hit(self, scored: _Scored, command: Command) -> Hit:
        doc = scored.doc
        article_no = self._doc_article[doc]
        # the article's metadata and notes, and the sentences of the passage's paragraph
        article, item = self._docs.context(doc, article_no, self._headers[article_no].article)
        kind: str
        page: str | None = None
        speaker: str | None
        source_note: int | None = None
        credit: str | None = None
        figures: tuple[Figure, ...] = ()
        citations: tuple[Citation, ...]
        what = self._doc_what[doc]
        if what == _QUOTE:
            quote = article.quotes[item]
            anchor = self._anchor_position(article, quote.sentence)
            section = article.sentences[anchor].section if anchor is not None else ""
            page = article.sentences[anchor].page if anchor is not None else None
            if quote.notes:
                citations = citations_for(article, quote.notes, section)
            elif anchor is not None:
                citations = sentence_citations(article, anchor)
            else:
                citations = citations_for(article, (), section)
            text, kind, speaker = quote.text, quote.kind, quote.speaker
            context = self._paragraph(article, anchor) if anchor is not None else quote.text
            hit_id = quote.id
        elif what == _NOTE:
            note = article.notes[item]
            text, kind, section = self._note_text(doc), "note", ""
            speaker = ", ".join(article.authors) if command == "quote" else None
            citations = (resolve_note(article, note.number),)
            figures = self._figures(doc)
            context, source_note = note.text, note.number
            hit_id = f"{article.id}:n{note.number:03d}"
        else:
            position = item
            sentence = article.sentences[position]
            section, text, kind = sentence.section, sentence.text, sentence.kind
            page, credit = sentence.page, sentence.credit
            # a transcript turn's sentence is its speaker's, never the article author's
            speaker = sentence.speaker or (
                ", ".join(article.authors) if command == "quote" else None
            )
            figures = self._figures(doc)
            context = self._paragraph(article, position)
            citations = sentence_citations(article, position)
            hit_id = sentence.id
        return Hit(
            id=hit_id,
            text=text,
            score=round(scored.score, 4),
            kind=kind,
            section=section,
            article=article_ref(article),
            context=context,
            figures=figures,
            citations=citations,
            speaker=speaker,
            source_note=source_note,
            page=page,
            credit=credit,
        )

    @staticmethod
    def _anchor_position(article: Article, sentence_id: str) -> int | None:
        for i, s in enumerate(article.sentences):
            if s.id == sentence_id:
                return i
        return None

    @staticmethod
    def _paragraph(article: Article, position: int) -> str:
        paragraph = article.sentences[position].paragraph
        return " ".join(s.text for s in article.sentences if s.paragraph == paragraph)


def _acronym_forms(word: str) -> tuple[str, ...]:
    """How a text may write, in brackets, the acronym a query word types.

    "cbdc" → CBDC or CBDCs; a plural as typed ("APIs", "apis") → API or APIs.
    """
    upper = word.upper()
    forms = [upper, upper + "s"]
    if len(upper) > 2 and upper.endswith("S"):
        forms += [upper[:-1], upper[:-1] + "s"]
    return tuple(forms)


def _proximity(singles: list[frozenset[str]], doc_terms: list[str]) -> float:
    """Bonus when consecutive query concepts stand next to each other in the passage."""
    if len(singles) < 2 or not doc_terms:
        return 0.0
    positions = [{i for i, term in enumerate(doc_terms) if term in c} for c in singles]
    closeness = 0.0
    for left, right in pairwise(positions):
        if any(p + 1 in right for p in left):
            closeness += 1.0
        elif any(p + 2 in right or p - 1 in right for p in left):
            closeness += 0.5
    return 0.1 * closeness / (len(singles) - 1)


def _opens_with(singles: list[frozenset[str]], doc_terms: list[str]) -> bool:
    """Whether the passage opens with the query's first words: it is about what is asked.

    "Email alerts are of very limited value" for "why are email alerts a bad idea"; "A supermind
    is a group of minds" for "what is a supermind". At least two words of a longer query.
    """
    wanted = min(len(singles), 2)
    return 0 < wanted <= len(doc_terms) and all(doc_terms[i] in singles[i] for i in range(wanted))
