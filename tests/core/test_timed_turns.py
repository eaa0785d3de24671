"""An automatic transcript export: "Name  0:21" turn headers, the tool's block, gap tags."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.timed_turns import is_timed_transcript
from bot.core.model import Article


def ingest(text: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".txt", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, "seeds/t.txt")
    assert document is not None
    article, _ = build_article("t", "seeds/t.txt", document, {})
    assert article is not None
    return article


# another shape: hour-long clock in brackets, a "Keywords:" line, the tool's credit at the end
EXPORT = """Harbour Trust board - March session
Length 1:12:40
Keywords: ferry, pier repairs

Speaker 2 (0:00:05)
Good evening. We start with the pier.

Amira Haddad (0:00:31)
The pier repairs will cost 1.2 million pounds. [crosstalk] we have the survey now.

Speaker 2 (0:01:10)
Thank you, Amira.

Transcribed by https://transcribe.example
"""


def test_clock_headers_name_the_turns_and_the_tool_lines_are_no_text() -> None:
    a = ingest(EXPORT)
    by = {s.text: s.speaker for s in a.sentences}
    assert by["The pier repairs will cost 1.2 million pounds."] == "Amira Haddad"
    assert by["Good evening."] == "Speaker 2"
    assert "we have the survey now." in by  # the gap tag ends the sentence before it
    assert not any(t.startswith(("Length", "Keywords", "Transcribed")) for t in by)
    assert a.subtitle is None


# negative: a programme with times after two names is no transcript export
PROGRAMME = """Open day

Doors open  9:30
Everyone is welcome at the depot.

Talks begin  10:15
The first talk is on the new buses.
"""


def test_a_programme_with_times_is_no_transcript_export() -> None:
    assert not is_timed_transcript(PROGRAMME)
    a = ingest(PROGRAMME)
    assert not any(s.speaker for s in a.sentences)
