"""Main-text quality of HTML extractors on saved pages with a known main text.

    python -m bot.measure.html_quality FOLDER

FOLDER holds one sub-folder per page with `source.html` and the expected main text as one of:
`expected.html` (Readability.js test pages), `expected.json` with an `articleBody`
(article-extraction benchmark) or with `with`/`without` snippets (trafilatura's evaluation
data). For each page and extractor it prints word-level recall and precision (bags of words)
or, for snippet pages, how many `with` snippets are found and `without` snippets absent, and
the time per page. Extractors: Factbot's HTML reader, readability-lxml alone, trafilatura
(when installed) and the page's whole body text as a baseline.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from readability import Document

from bot.core.ingest.html import HtmlReader
from bot.core.ingest.html.charset import decode_page

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Expected:
    """What a page's main text must hold: its words, or snippets in and out."""

    text: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()


def expected_of(folder: Path) -> Expected | None:
    """The expected main text of one page folder, None when it has none."""
    if (folder / "expected.html").is_file():
        text, _ = decode_page((folder / "expected.html").read_bytes(), "expected.html")
        return Expected(text=_text(lxml_html.document_fromstring(text or "<p></p>")))
    if (folder / "expected.json").is_file():
        data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        entry = next(iter(data.values())) if isinstance(data, dict) and data else {}
        if isinstance(entry, dict) and isinstance(entry.get("articleBody"), str):
            return Expected(text=entry["articleBody"])
        if isinstance(entry, dict) and ("with" in entry or "without" in entry):
            return Expected(
                with_=tuple(entry.get("with") or ()), without=tuple(entry.get("without") or ())
            )
    return None


def words(text: str) -> Counter[str]:
    """The bag of lower-cased words of a text."""
    return Counter(w.lower() for w in _WORD.findall(text))


def recall_precision(got: str, want: str) -> tuple[float, float]:
    """Word-level recall and precision of extracted text against the expected text."""
    g, w = words(got), words(want)
    common = sum((g & w).values())
    return common / max(1, sum(w.values())), common / max(1, sum(g.values()))


def _squash(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def snippets(got: str, expected: Expected) -> tuple[int, int]:
    """How many `with` snippets the text holds and `without` snippets it lacks."""
    text = _squash(got)
    found = sum(1 for s in expected.with_ if _squash(s) in text)
    absent = sum(1 for s in expected.without if _squash(s) not in text)
    return found, absent


_NOTE_URL = re.compile(r"<https?://[^>\s]+>")


def factbot(data: bytes) -> str:
    """Factbot's HTML reader: every line of every block.

    A note's link target, which the reader writes into the note as "<url>" for the notes
    step, is left out: the expected texts hold a link's words, not its address.
    """
    document, _ = HtmlReader().read(data, "page.html")
    return _NOTE_URL.sub(" ", document.text) if document else ""


def readability_alone(data: bytes) -> str:
    """readability-lxml's cleaned article, as text."""
    text, _ = decode_page(data, "page.html")
    summary = Document(text or "").summary(html_partial=True)
    return _text(lxml_html.document_fromstring(summary))


def body_text(data: bytes) -> str:
    """The whole page body's text (no extraction at all): the baseline."""
    text, _ = decode_page(data, "page.html")
    root = lxml_html.document_fromstring(text or "<p></p>")
    for junk in list(root.iter("script", "style", "noscript")):
        if isinstance(junk, lxml_html.HtmlElement):
            junk.drop_tree()
    return _text(root)


def _text(root: lxml_html.HtmlElement) -> str:
    return str(root.text_content())


def _trafilatura() -> Callable[[bytes], str] | None:
    try:
        import trafilatura  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None

    def extract(data: bytes) -> str:
        text, _ = decode_page(data, "page.html")
        return str(
            trafilatura.extract(text or "", include_comments=False, include_tables=True) or ""
        )

    return extract


def extractors() -> dict[str, Callable[[bytes], str]]:
    """Every extractor measured, by name (trafilatura only when installed)."""
    found: dict[str, Callable[[bytes], str]] = {
        "factbot": factbot,
        "readability-lxml": readability_alone,
    }
    traf = _trafilatura()
    if traf is not None:
        found["trafilatura"] = traf
    found["body text"] = body_text
    return found


def measure(folder: Path, repeat: int = 3) -> list[str]:
    """Measure every extractor on every page of a folder; return the report's lines."""
    pages = sorted(p for p in folder.iterdir() if (p / "source.html").is_file())
    lines = [f"{'page':<48} {'extractor':<17} {'recall':>7} {'precis.':>7} {'ms/page':>8}"]
    totals: dict[str, list[tuple[float, float, float]]] = {}
    for page in pages:
        expected = expected_of(page)
        if expected is None:
            continue
        data = (page / "source.html").read_bytes()
        for name, extract in extractors().items():
            extract(data)  # warm up (imports, caches)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                got = extract(data)
                times.append(time.perf_counter() - start)
            ms = statistics.median(times) * 1000
            if expected.text is not None:
                recall, precision = recall_precision(got, expected.text)
                totals.setdefault(name, []).append((recall, precision, ms))
                lines.append(
                    f"{page.name[:48]:<48} {name:<17} {recall:>7.3f} {precision:>7.3f} {ms:>8.0f}"
                )
            else:
                found, absent = snippets(got, expected)
                lines.append(
                    f"{page.name[:48]:<48} {name:<17} "
                    f"with {found}/{len(expected.with_)}, without "
                    f"{absent}/{len(expected.without)} {ms:>8.0f}"
                )
    lines.append("")
    lines.append(
        f"{'mean over pages with a full expected text':<48} {'':<17} {'recall':>7} "
        f"{'precis.':>7} {'ms/page':>8}"
    )
    for name, rows in totals.items():
        recall = statistics.mean(r for r, _, _ in rows)
        precision = statistics.mean(p for _, p, _ in rows)
        ms = statistics.mean(t for _, _, t in rows)
        lines.append(f"{'':<48} {name:<17} {recall:>7.3f} {precision:>7.3f} {ms:>8.0f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the comparison for the pages under FOLDER."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per page (median)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"not a folder: {args.folder}")
    print("\n".join(measure(args.folder, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
