"""Tests for bot.core.diff: comparing two corpora by stable keys, and rendering the report."""

from __future__ import annotations

from dataclasses import replace

from bot.core.diff import (
    Delta,
    diff_corpora,
    failed_report,
    render_reindex_report,
)
from bot.core.model import Article, Corpus, Figure, IngestIssue, Note, Quote, Sentence
from bot.core.passages import key_form as normalise


def make_article(article_id: str, texts: list[str], **kwargs: object) -> Article:
    sentences = tuple(
        Sentence(id=f"{article_id}:s{i:04d}", text=t, section="", paragraph=1, line=i + 1)
        for i, t in enumerate(texts)
    )
    return Article(  # type: ignore[arg-type]
        id=article_id,
        title=f"Title of {article_id}",
        source_file=f"seeds/{article_id}.txt",
        sentences=sentences,
        **kwargs,
    )


def renumber(article: Article, texts: list[str]) -> Article:
    fresh = make_article(article.id, texts)
    return replace(article, sentences=fresh.sentences)


OLD_TEXTS = [
    "The mission has been active in Baghdad since 2018.",
    "NATO Mission Iraq is purely an advisory mission.",
    "Around 600 soldiers serve in it.",
]


def test_identical_corpora_have_no_changes() -> None:
    a = make_article("a", OLD_TEXTS)
    report = diff_corpora(Corpus(articles=(a,)), Corpus(articles=(a,)))
    assert not report.has_changes
    assert report.unchanged == 1
    assert report.sentences == Delta()
    assert "No changes" in render_reindex_report(report)


def test_inserted_sentence_is_one_addition_not_a_renumbering() -> None:
    old = make_article("a", OLD_TEXTS)
    new = renumber(old, ["A brand new opening sentence.", *OLD_TEXTS])
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.changed == ("a",)
    assert report.sentences == Delta(added=1, removed=0)


def test_edited_sentence_is_one_added_one_removed() -> None:
    old = make_article("a", OLD_TEXTS)
    new = renumber(old, [OLD_TEXTS[0], OLD_TEXTS[1], "Around 700 soldiers serve in it."])
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.sentences == Delta(added=1, removed=1)


def test_whitespace_and_typographic_quotes_are_not_changes() -> None:
    old = make_article("a", ["NATO’s  mission – “advisory”."])
    new = make_article("a", ['NATO\'s mission - "advisory".'])
    assert normalise(old.sentences[0].text) == normalise(new.sentences[0].text)
    assert not diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,))).has_changes


def test_duplicates_count_as_a_multiset() -> None:
    old = make_article("a", ["Ibid.", "Ibid.", "Other."])
    new = make_article("a", ["Ibid.", "Other."])
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.sentences == Delta(added=0, removed=1)


def test_added_and_removed_articles_count_all_their_items() -> None:
    kept = make_article("kept", OLD_TEXTS)
    gone = make_article("gone", ["One.", "Two."], notes=(Note(1, "A note."),))
    new_article = make_article(
        "new",
        ["Three.", "Four.", "Five."],
        quotes=(Quote("new:q001", "Five.", "Someone", "direct", "new:s0002"),),
    )
    report = diff_corpora(
        Corpus(articles=(kept, gone), built_at="2026-01-01T00:00:00+00:00"),
        Corpus(articles=(kept, new_article), built_at="2026-01-02T00:00:00+00:00"),
    )
    assert report.added == ("new",)
    assert report.removed == ("gone",)
    assert report.changed == ()
    assert report.unchanged == 1
    assert report.sentences == Delta(added=3, removed=2)
    assert report.quotes == Delta(added=1, removed=0)
    assert report.notes == Delta(added=0, removed=1)
    assert report.before.articles == 2 and report.after.articles == 2
    assert report.previous_built_at.startswith("2026-01-01")


def test_figures_keyed_by_their_sentence_text_not_its_id() -> None:
    def fig(sentence_id: str) -> Figure:
        return Figure("600 soldiers", 600.0, "soldiers", "around", "count", sentence_id, 7, 19)

    old = replace(make_article("a", OLD_TEXTS), figures=(fig("a:s0002"),))
    new = renumber(old, ["New first sentence.", *OLD_TEXTS])
    new = replace(new, figures=(fig("a:s0003"),))  # same figure, renumbered sentence
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.figures == Delta()
    assert report.sentences == Delta(added=1, removed=0)


def test_rewording_around_a_figure_is_no_figure_change() -> None:
    def fig(sentence_id: str, start: int) -> Figure:
        return Figure("600 soldiers", 600.0, "soldiers", "around", "count", sentence_id, start, 0)

    old = replace(make_article("a", OLD_TEXTS), figures=(fig("a:s0002", 7),))
    new = renumber(old, [OLD_TEXTS[0], OLD_TEXTS[1], "In all, around 600 soldiers serve in it."])
    new = replace(new, figures=(fig("a:s0002", 14),))
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.figures == Delta()
    assert report.sentences == Delta(added=1, removed=1)
    changed = replace(new, figures=(replace(fig("a:s0002", 14), text="700 soldiers", value=700.0),))
    assert diff_corpora(Corpus(articles=(old,)), Corpus(articles=(changed,))).figures == Delta(1, 1)


def test_renumbered_notes_are_not_changes_but_new_text_is() -> None:
    old = make_article("a", OLD_TEXTS, notes=(Note(1, "Masala 2023."), Note(2, "NATO 2015.")))
    new = replace(
        old, notes=(Note(1, "New source 2024."), Note(2, "Masala 2023."), Note(3, "NATO 2015."))
    )
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    assert report.notes == Delta(added=1, removed=0)


def test_metadata_changes_are_named() -> None:
    old = make_article("a", OLD_TEXTS, date="2024-01-01")
    new = replace(old, title="A new title", date="2024-02-01")
    report = diff_corpora(Corpus(articles=(old,)), Corpus(articles=(new,)))
    (change,) = report.changes
    assert change.metadata == ("title", "date")
    assert "changed: title, date" in render_reindex_report(report)


def test_render_lists_changes_warnings_and_time() -> None:
    old = make_article("a", OLD_TEXTS)
    new_article = make_article("b", ["Hello world."])
    warning = IngestIssue(file="seeds/broken.txt", message="no title found", line=3)
    report = diff_corpora(
        Corpus(articles=(old,)),
        Corpus(articles=(old, new_article)),
        warnings=[warning],
        seconds=1.234,
        swapped=True,
    )
    text = render_reindex_report(report)
    assert "Reindex finished in 1.2 s — new index live." in text
    assert "1 added, 0 removed, 0 changed, 1 unchanged" in text
    assert "+ b (added) “Title of b”: 1 sentence; 0 quotes; 0 figures; 0 notes" in text
    assert "warning: seeds/broken.txt:3: no title found" in text


def test_render_dry_run_says_nothing_swapped() -> None:
    a = make_article("a", OLD_TEXTS)
    report = diff_corpora(Corpus(), Corpus(articles=(a,)), dry_run=True)
    text = render_reindex_report(report)
    assert text.startswith("Dry run finished")
    assert "nothing swapped" in text


def test_render_caps_long_lists() -> None:
    articles = tuple(make_article(f"art{i:02d}", [f"Sentence {i}."]) for i in range(30))
    report = diff_corpora(Corpus(), Corpus(articles=articles))
    text = render_reindex_report(report, max_lines=5)
    assert "… and 25 more" in text
    assert text.count("(added)") == 5


def test_failed_report_names_the_cause_and_keeps_the_old_counts() -> None:
    a = make_article("a", OLD_TEXTS)
    old = Corpus(articles=(a,), built_at="2026-01-01T00:00:00+00:00")
    report = failed_report(old, "OSError: [Errno 28] No space left on device", seconds=0.5)
    assert not report.ok and not report.swapped and not report.has_changes
    assert report.after == report.before
    text = render_reindex_report(report)
    assert "failed after 0.5 s: OSError: [Errno 28] No space left on device" in text
    assert "old index is still serving (built 2026-01-01T00:00:00+00:00)" in text
