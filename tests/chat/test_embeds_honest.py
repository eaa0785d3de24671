"""Embeds for issue 12 at their worst case: huge titles, many speakers, long closest passages.

Every embed must keep Discord's limits (checked by the fake's own limit checks) without
losing whole articles or passages to the 4,096/6,000 cuts, and must never carry a raw mention.
"""

from __future__ import annotations

import discord

from bot.chat import embeds
from bot.core.answers import Answer, ArticleInfo, ArticleRef, Citation, Hit
from tests.fakediscord import limits

HUGE = "Word *bold* @everyone " * 60


def check(embed: discord.Embed) -> dict[str, object]:
    payload = {"embeds": [embed.to_dict()], "allowed_mentions": {"parse": []}}
    assert limits.check_message(payload, "test") == []
    data = embed.to_dict()
    assert "@everyone" not in str(data)
    return dict(data)


def info(n: int) -> ArticleInfo:
    return ArticleInfo(
        id=f"a-{n:04d}-" + "x" * 150,
        title=f"{n} {HUGE}",
        authors=tuple(f"Author {HUGE}" for _ in range(5)),
        date="2025-01-01",
        sentences=n,
        quotes=2,
        notes=3,
    )


def test_a_full_page_of_huge_articles_keeps_every_article_and_the_limits() -> None:
    articles = [info(n) for n in range(20)]
    first = check(embeds.articles_embed(articles, 1))
    text = str(first["description"])
    assert text.count(" sentences · ") == embeds.ARTICLES_PER_PAGE  # none cut off
    assert first["footer"] == {"text": "Page 1 of 3"}
    last = check(embeds.articles_embed(articles, 7))
    assert last["footer"] == {"text": "Page 3 of 3"} and "19 sentences" in str(last)


def hit(n: int) -> Hit:
    return Hit(
        id=f"x:s{n}",
        text=HUGE,
        score=0.1,
        kind="body",
        section=HUGE,
        article=ArticleRef(id="x", title=HUGE, authors=(HUGE,)),
        context=HUGE,
        citations=(Citation(note=n, text=HUGE, kind="inferred-note"),),
        page=str(n),
    )


def test_closest_passages_are_offered_within_the_limits() -> None:
    answer = Answer(
        "fact",
        HUGE,
        suggestions=tuple(HUGE for _ in range(5)),
        closest=tuple(hit(n) for n in range(1, 6)),
    )
    data = check(embeds.no_match_embed(answer))
    fields = data["fields"]
    assert isinstance(fields, list) and len(fields) == 5
    assert all(f["name"].startswith(f"{n}. ") for n, f in enumerate(fields, start=1))
    assert "p. 1" in fields[0]["name"]


def test_never_quoted_with_hundreds_of_speakers_stays_within_the_limits() -> None:
    answer = Answer(
        "quote",
        "@everyone",
        error="never quoted",
        unquoted="@everyone " + HUGE,
        speakers=tuple(f"Speaker {n} {HUGE[:40]}" for n in range(500)),
        suggestions=("Speaker 1",),
        closest=tuple(hit(n) for n in range(5)),
    )
    data = check(embeds.no_match_embed(answer))
    assert str(data["title"]).startswith("Never quoted: ")
    assert "**Quoted are:** Speaker 0" in str(data["description"])


def test_citation_lines_name_how_the_passage_is_cited() -> None:
    line = embeds.citation_line(1, Citation(note=9, text="Ref", page="4", resolves_to=6))
    assert line == "[1] note 9, citing note 6: Ref (p. 4)"
    guess = embeds.citation_line(1, Citation(note=2, text="Ref", kind="inferred-note"))
    assert guess == "[1] probably rests on note 2 (the next note in its paragraph): Ref"
    whole = embeds.citation_line(1, Citation(note=None, text="A, “T”", kind="article"))
    assert whole == "[1] source: the article: A, “T”"
