"""Embeds from the response model: bold figures with exact offsets, escaping, every limit."""

from __future__ import annotations

import dataclasses

import discord
import pytest

from bot.chat import embeds
from bot.chat.views import answer_view, suggestion_view
from bot.core.answers import About, Answer, ArticleRef, ArticleSummary, Citation, Hit
from bot.core.model import Figure
from tests.fakediscord import limits

REF = ArticleRef(id="a", title="An *article*", authors=("Ann Author",))


def figure(text: str, hay: str) -> Figure:
    start = hay.index(text)
    return Figure(
        text=text,
        value=1.0,
        unit="",
        qualifier=None,
        kind="count",
        sentence="a:s0001",
        start=start,
        end=start + len(text),
    )


def hit(
    text: str,
    *,
    figures: tuple[Figure, ...] = (),
    citations: tuple[Citation, ...] = (),
    context: str = "",
    section: str = "Intro",
    speaker: str | None = None,
) -> Hit:
    return Hit(
        id="a:s0001",
        text=text,
        score=1.0,
        kind="body",
        section=section,
        article=REF,
        context=context or text,
        figures=figures,
        citations=citations,
        speaker=speaker,
    )


def check(embed: discord.Embed) -> None:
    payload = {"embeds": [embed.to_dict()], "allowed_mentions": {"parse": []}}
    assert limits.check_message(payload, "test") == []


def test_figures_are_bold_and_markdown_is_escaped() -> None:
    text = "Some *45* soldiers_of and around 600 soldiers, among them 150 advisors."
    h = hit(text, figures=(figure("around 600 soldiers", text), figure("150 advisors", text)))
    out = embeds.highlight(h.text, embeds.figure_spans(h), 4000)
    assert out == (
        "Some \\*45\\* soldiers\\_of and **around 600 soldiers**, among them **150 advisors**."
    )


def test_bad_figure_offsets_are_refound_or_dropped() -> None:
    text = "The mission has 600 soldiers."
    wrong = Figure(
        text="600 soldiers",
        value=600,
        unit="",
        qualifier=None,
        kind="count",
        sentence="x",
        start=0,
        end=3,
    )
    missing = Figure(
        text="999", value=999, unit="", qualifier=None, kind="count", sentence="x", start=50, end=60
    )
    h = hit(text, figures=(wrong, missing))
    assert (
        embeds.highlight(text, embeds.figure_spans(h), 4000) == "The mission has **600 soldiers**."
    )


@pytest.mark.parametrize("limit", [5, 20, 57, 100])
def test_highlight_cuts_at_a_word_without_breaking_bold(limit: int) -> None:
    text = "alpha *beta* gamma 600 soldiers delta epsilon zeta eta theta iota kappa"
    spans = [(text.index("600"), text.index("600") + len("600 soldiers"))]
    out = embeds.highlight(text, spans, limit)
    assert len(out) <= limit
    assert out.count("**") % 2 == 0
    assert not out.endswith("\\…")


def test_clip() -> None:
    assert embeds.clip("short", 10) == "short"
    assert embeds.clip("one two three four", 12) == "one two…"
    assert embeds.clip("x" * 50, 10) == "x" * 9 + "…"
    assert embeds.clip("abc\\\\\\*def", 6).endswith("…") and "\\…" not in embeds.clip(
        "ab\\*cdefg", 4
    )


def test_a_caption_shows_its_credit_escaped() -> None:
    caption = dataclasses.replace(
        hit("Crews clear the *weir* after the flood."), kind="caption", credit="Photo: @everyone_x"
    )
    embed = embeds.answer_embed(Answer("fact", "weir", hits=(caption,)), 0)
    description = embed.description or ""
    assert description.splitlines()[-1] == f"*{embeds.shown('Photo: @everyone_x', 200)}*"
    assert "@everyone" not in description and "\\_x" in description
    check(embed)


def test_everyone_is_escaped() -> None:
    answer = Answer("fact", "@everyone hi", suggestions=("@here there",))
    embed = embeds.no_match_embed(answer)
    shown = str(embed.to_dict())
    assert "@everyone" not in shown and "@here" not in shown


def test_every_limit_holds_for_huge_content() -> None:
    long = ("word *star* _under_ @everyone " * 2000).strip()
    citations = tuple(
        Citation(
            note=n,
            text=long,
            url="https://example.org/" + "p" * 50,
            accessed="2024-01-05",
            page="4",
        )
        for n in range(1, 60)
    )
    h = hit(
        long,
        figures=(figure("star", long),),
        citations=citations,
        context=long * 2,
        section="S" * 1000,
        speaker="Speaker " * 100,
    )
    big_ref = ArticleRef(id="b" * 300, title="T" * 1000, authors=("A" * 500,) * 20)
    h2 = Hit(**{**{s: getattr(h, s) for s in Hit.__slots__}, "article": big_ref})
    for command in ("fact", "quote"):
        answer = Answer(command, long, hits=(h, h2) * 3)  # type: ignore[arg-type]
        for index in range(len(answer.hits)):
            check(embeds.answer_embed(answer, index))
            check(embeds.context_embed(answer, index))
            check(embeds.sources_embed(answer, index))
        view = answer_view(answer, 2, "0123456789ab", 2**63)
        rows = {
            "components": view.to_components(),
            "embeds": [],
            "content": "x",
            "allowed_mentions": {"parse": []},
        }
        assert limits.check_message(rows, "view") == []
        miss = Answer(command, long, suggestions=(long,) * 9, error=None)
        check(embeds.no_match_embed(miss))
        rows["components"] = suggestion_view(miss, "0123456789ab", 2**63).to_components()
        assert limits.check_message(rows, "suggestions") == []
        check(embeds.no_match_embed(Answer(command, long, error=long)))
    summaries = tuple(
        ArticleSummary(article=big_ref, sentences=1, quotes=2, figures=3, notes=4)
        for _ in range(500)
    )
    check(embeds.about_embed(About(articles=summaries, built_at="2024-01-01T00:00:00+00:00")))
    check(embeds.about_embed(About()))
    check(embeds.help_embed())


def test_citation_line_has_reference_page_access_date_and_link() -> None:
    line = embeds.citation_line(
        2,
        Citation(
            note=6, text="NATO, *NMI*", url="https://x.org/a_b", accessed="2024-01-05", page="4"
        ),
    )
    assert line == "[2] note 6: NATO, \\*NMI\\* (p. 4, accessed 2024-01-05)\n<https://x.org/a_b>"


def test_spans_with_surrounding_spaces_keep_them_outside_the_bold() -> None:
    assert embeds.highlight("a 600 b", [(1, 6)], 100) == "a **600** b"
