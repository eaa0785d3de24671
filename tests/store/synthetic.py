"""Hand-built articles for the index store tests: one rich sample and a large synthetic corpus.

Also runnable as a script that builds the large corpus into a path (used by the test that kills
a build midway): `python -m tests.store.synthetic OUT ARTICLES SENTENCES`.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.core.ingest import IngestResult
from bot.core.model import (
    Article,
    Figure,
    GlossaryEntry,
    IngestIssue,
    Note,
    Quote,
    Sentence,
)


def sample_article() -> Article:
    """An article that sets every field of the model, with awkward values where possible."""
    aid = "lamberty-2024-sample"
    return Article(
        id=aid,
        title="Looking in All Directions",
        source_file="lamberty-2024-sample.txt",
        subtitle="NATO Mission Iraq and the Alliance's Role on Its Southern Flank",
        authors=("Lucas Lamberty", "Doe, Jane"),
        series="NATO. The Indispensable Alliance",
        translation="translated from German",
        publication="Federal Academy for Security Policy",
        date="2024-03-01",
        url="https://example.org/a?b=1&c=ü",
        language="en",
        sections=("", "NMI as Part of the 360-Degree Approach", "Ausblick – „Zukunft“"),
        notes=(
            Note(1, "Masala 2023, p. 12.", "https://example.org/m", "2024-01-05"),
            Note(2, "Ibid.", refers_to=1, page="13"),
            Note(3, "Dresen 2023, n. 6, p. 4.", refers_to=2, page="4"),
            Note(7, "A note whose number skips ahead; text with \"quotes\" and 'apostrophes'."),
        ),
        sentences=(
            Sentence(f"{aid}:s0001", "NATO Mission Iraq (NMI) is advisory.", "", 1, "lead"),
            Sentence(
                f"{aid}:s0002",
                "The mission has some 600 soldiers.",
                "NMI as Part of the 360-Degree Approach",
                2,
                "body",
                (1, 2),
                line=17,
            ),
            Sentence(
                f"{aid}:s0003",
                "Soldiers in Baghdad — 2023.",
                "NMI as Part of the 360-Degree Approach",
                2,
                "caption",
                credit="Photo: picture alliance / dpa",
                line=20,
            ),
            Sentence(f"{aid}:s0004", "Ein Satz mit Umlauten: ä ö ü ß.", "Ausblick – „Zukunft“", 3),
            Sentence(
                f"{aid}:s0005", "Lucas Lamberty is a desk officer.", "", 4, "bio", (3, 7), line=149
            ),
        ),
        quotes=(
            Quote(
                f"{aid}:q001",
                "The world has not suddenly become safer.",
                "Carlo Masala",
                "direct",
                f"{aid}:s0002",
                (1,),
            ),
            Quote(f"{aid}:q002", "NMI is advisory.", "", "pull", f"{aid}:s0001"),
        ),
        figures=(
            Figure("some 600 soldiers", 600.0, "soldiers", "some", "count", f"{aid}:s0002", 18, 35),
            Figure("0.1 per cent", 0.1, "percent", None, "percent", f"{aid}:s0002", 0, 12),
            Figure("1/3", 1 / 3, "", None, "fraction", f"{aid}:s0004", 3, 6),
            Figure("2023", 2023.0, "", None, "year", "note:1", 8, 12),
        ),
        glossary=(
            GlossaryEntry("NMI", "NATO Mission Iraq"),
            GlossaryEntry("NTM-I", "NATO Training Mission Iraq"),
        ),
    )


def bare_article() -> Article:
    """An article with nothing but the required fields."""
    return Article(id="bare", title="Bare", source_file="bare.md")


def sample_issues() -> tuple[IngestIssue, ...]:
    """Warnings of both levels, with and without a line."""
    return (
        IngestIssue("lamberty-2024-sample.txt", "note 5 has no marker in the text", 140),
        IngestIssue("broken.txt", "no title found", level="error"),
    )


def sample_result() -> IngestResult:
    """A small ingest result covering every field of the model."""
    return IngestResult(articles=(sample_article(), bare_article()), issues=sample_issues())


def synthetic_result(articles: int = 1000, sentences: int = 180) -> IngestResult:
    """A large ingest result: `articles` articles of `sentences` sentences each."""
    built = []
    for a in range(articles):
        aid = f"synthetic-{a:04d}"
        sents = tuple(
            Sentence(
                id=f"{aid}:s{n:04d}",
                text=f"Sentence {n} of article {a} says that {n * 7 % 1000} soldiers were "
                f"deployed in {1990 + n % 35}, which is about {n % 100} per cent of the total.",
                section=f"Section {n // 30}",
                paragraph=n // 4,
                kind="body" if n % 20 else "lead",
                notes=(n % 30 + 1,) if n % 3 == 0 else (),
                line=n + 10,
            )
            for n in range(1, sentences + 1)
        )
        built.append(
            Article(
                id=aid,
                title=f"Synthetic article {a}",
                source_file=f"{aid}.txt",
                authors=(f"Author {a % 17}",),
                sections=tuple(f"Section {k}" for k in range(sentences // 30 + 1)),
                notes=tuple(Note(k, f"Source {k} of {aid}.") for k in range(1, 31)),
                sentences=sents,
                quotes=tuple(
                    Quote(f"{aid}:q{k:03d}", f"Quote {k}.", f"Speaker {k}", "direct", s.id)
                    for k, s in enumerate(sents[::18], start=1)
                ),
                figures=tuple(
                    Figure(s.text[-20:], float(k), "soldiers", None, "count", s.id, 0, 5)
                    for k, s in enumerate(sents[::4])
                ),
                glossary=(GlossaryEntry("NMI", "NATO Mission Iraq"),),
            )
        )
    return IngestResult(articles=tuple(built), issues=())


def _main(argv: list[str]) -> None:
    from bot.store.index_db import build_index

    out, articles, sentences = Path(argv[0]), int(argv[1]), int(argv[2])
    result = synthetic_result(articles, sentences)
    print("building", flush=True)
    asyncio.run(build_index(result, out, built_at="2024-01-01T00:00:00+00:00"))
    print("built", flush=True)


if __name__ == "__main__":
    _main(sys.argv[1:])
