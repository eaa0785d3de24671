"""An article id holding a tab or newline can be chosen from autocomplete (issue 14, item 9).

Discord choice values are sent as one line; the id the user picked must still find its article.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot.chat.exts.answers import Answers, choices
from bot.core.text_input import same_choice, valid_text

ODD = "policy\tbrief\n2024"


def cog(*ids: str) -> Answers:
    articles = [SimpleNamespace(id=i, title=f"Title of {i}") for i in ids]
    searcher = SimpleNamespace(articles=lambda: articles)
    bot: Any = SimpleNamespace(library=SimpleNamespace(searcher=searcher))
    return Answers(bot)


def test_the_chosen_value_finds_the_article_it_stands_for() -> None:
    (choice,) = choices([("Title", ODD)])
    assert "\t" not in choice.value and "\n" not in choice.value
    stored = cog("other", ODD)._query("fact", "soldiers", choice.value)
    assert stored.article == ODD


def test_an_exact_id_wins_and_an_unknown_one_is_passed_on() -> None:
    assert same_choice("policy brief 2024", ["policy brief 2024", ODD]) == "policy brief 2024"
    assert same_choice("nothing like it", [ODD]) == "nothing like it"
    assert cog(ODD)._query("quote", "x", None, speaker="  ").article is None


def test_text_from_outside_is_valid_unicode() -> None:
    text = valid_text("a\ud800b\x00c\u0007d\te\r\nf\u2028g" + "e\u0301")
    text.encode("utf-8")  # no lone surrogate left
    assert text == "a\ufffdbcd e  f g" + "\u00e9"
