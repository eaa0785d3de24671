"""A pull quote repeats the words of the text it displays: a closing line that shares a neighbour's
phrase but says something else ("… is withdrawn." after "… reconsider the subsidy …") is body."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article

_STORY = """Why the ferry timetable changed

By Ana Ruiz

The ferry company cut the winter service to four crossings a day after the council withdrew its \
grant in March. Passengers at the island pier said the change left them stranded after dark on \
weekdays.

The change left them stranded after dark.

Councillors met the operator twice in April. They asked for a late crossing on Fridays, and the \
operator agreed to run one until the end of the year.

The council will then reconsider the subsidy of the ferry company in the spring of next year.

The subsidy of the ferry company is withdrawn.
"""


def test_a_pull_quote_keeps_the_words_it_repeats(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(_STORY, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    pulls = [q.text for q in article.quotes if q.kind == "pull"]
    assert pulls == ["The change left them stranded after dark."]
    assert article.sentences[-1].text == "The subsidy of the ferry company is withdrawn."
