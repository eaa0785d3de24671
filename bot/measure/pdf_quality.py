"""PDF text quality and speed: each PDF library against the web version of each report.

    python -m bot.measure.pdf_quality FOLDER

For every `NAME.pdf` with a `NAME.web.md` beside it (a report's web edition as Markdown), the
web body (after its navigation and contents list, before its footnote table and disclaimer)
is the reference. Each extractor's text is scored by word recall and precision (bags of
lower-cased words) and by word-pair recall (two words in a row: it drops when columns
interleave or words break), and timed per page. Factbot's reader is scored on its body blocks
(notes left out), the raw libraries on all the text they return, furniture and footnotes
included: that difference is what the reader's layout work buys. Libraries that are not
installed are skipped. PDFs without a web version are only timed.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from typing import Any

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Score:
    """One extractor on one file."""

    recall: float
    precision: float
    pair_recall: float
    seconds_per_page: float


def words(text: str) -> list[str]:
    """Lower-case word tokens; hyphens and dashes split words, soft hyphens vanish."""
    text = text.replace("\u00ad", "").replace("\ufffe", "").lower()
    return _WORD.findall(text.replace("’", "'"))


def web_body(markdown: str) -> str:
    """The report's body in its web edition: after navigation and contents, before notes."""
    lines = markdown.splitlines()
    start = 0
    for k, line in enumerate(lines):
        if line.strip() == "# Contents":
            start = k + 1
            while start < len(lines) and (lines[start].startswith("- ") or not lines[start]):
                start += 1
            break
        if "[Listen]" in line:
            start = k + 2
    end = len(lines)
    for k in range(start, len(lines)):
        if lines[k].strip() in ("# Footnotes", "Disclaimer:") or lines[k].strip().startswith(
            "Disclaimer:"
        ):
            end = k
            break
    body = "\n".join(lines[start:end])
    return _LINK.sub(r"\1", body).replace("|", " ")


def compare(got: str, want: str) -> tuple[float, float, float]:
    """Word recall, word precision and word-pair recall of `got` against `want`."""
    a, b = Counter(words(got)), Counter(words(want))
    common = sum((a & b).values())
    wg, ww = words(got), words(want)
    pa, pb = Counter(pairwise(wg)), Counter(pairwise(ww))
    pairs = sum((pa & pb).values())
    return (
        common / max(sum(b.values()), 1),
        common / max(sum(a.values()), 1),
        pairs / max(sum(pb.values()), 1),
    )


def _factbot(path: Path) -> tuple[str, int]:
    from bot.core.ingest.pdf import PdfReader
    from bot.core.ingest.pdf.glyphs import open_pdf

    data = path.read_bytes()
    pages = len(open_pdf(data))
    document, _ = PdfReader().read(data, path.name)
    if document is None:
        return "", pages
    body = [b for b in document.blocks if b.kind != "notes"]
    return "\n".join(line.text for b in body for line in b.lines), pages


def _pypdfium2(path: Path) -> tuple[str, int]:
    pdfium: Any = importlib.import_module("pypdfium2")
    document = pdfium.PdfDocument(str(path))
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    return "\n".join(texts), len(texts)


def _pdfplumber(path: Path) -> tuple[str, int]:
    plumber: Any = importlib.import_module("pdfplumber")
    with plumber.open(str(path)) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    return "\n".join(texts), len(texts)


def _pdfminer(path: Path) -> tuple[str, int]:
    high: Any = importlib.import_module("pdfminer.high_level")
    text = str(high.extract_text(str(path)))
    return text, max(text.count("\f"), 1)


def _pypdf(path: Path) -> tuple[str, int]:
    pypdf: Any = importlib.import_module("pypdf")
    reader = pypdf.PdfReader(str(path))
    texts = [page.extract_text() or "" for page in reader.pages]
    return "\n".join(texts), len(texts)


EXTRACTORS: dict[str, tuple[str, Callable[[Path], tuple[str, int]]]] = {
    "factbot (pypdfium2)": ("pypdfium2", _factbot),
    "pypdfium2 raw": ("pypdfium2", _pypdfium2),
    "pdfplumber": ("pdfplumber", _pdfplumber),
    "pdfminer.six": ("pdfminer.six", _pdfminer),
    "pypdf": ("pypdf", _pypdf),
}


def install_size(dist: str) -> float:
    """A distribution's installed size in MB (its own files, not its dependencies)."""
    try:
        files = metadata.distribution(dist).files or []
    except metadata.PackageNotFoundError:
        return 0.0
    total = 0
    for file in files:
        located = Path(str(file.locate()))
        if located.is_file():
            total += located.stat().st_size
    return total / 1e6


def run(folder: Path) -> int:
    """Score every extractor on every PDF in a folder; print a table per file and overall."""
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {folder}", file=sys.stderr)
        return 1
    totals: dict[str, list[Score]] = {}
    for _, extract in EXTRACTORS.values():
        with contextlib.suppress(ImportError):
            extract(pdfs[0])  # warm up: imports and lazy loads are not per-page costs
    for path in pdfs:
        web = path.with_suffix(".web.md")
        want = web_body(web.read_text(encoding="utf-8")) if web.is_file() else None
        print(f"\n{path.name}" + ("" if want else " (no web version: timed only)"))
        for name, (_, extract) in EXTRACTORS.items():
            try:
                start = time.perf_counter()
                got, pages = extract(path)
                elapsed = time.perf_counter() - start
            except ImportError:
                print(f"  {name:22} not installed")
                continue
            recall, precision, pairs = compare(got, want) if want else (0.0, 0.0, 0.0)
            score = Score(recall, precision, pairs, elapsed / max(pages, 1))
            if want:
                totals.setdefault(name, []).append(score)
            print(
                f"  {name:22} recall {recall:6.1%}  precision {precision:6.1%}  "
                f"pairs {pairs:6.1%}  {score.seconds_per_page * 1000:7.1f} ms/page"
                if want
                else f"  {name:22} {score.seconds_per_page * 1000:7.1f} ms/page"
            )
    print("\nmean over the reports with a web version:")
    for name, scores in totals.items():
        n = len(scores)
        dist = EXTRACTORS[name][0]
        print(
            f"  {name:22} recall {sum(s.recall for s in scores) / n:6.1%}  "
            f"precision {sum(s.precision for s in scores) / n:6.1%}  "
            f"pairs {sum(s.pair_recall for s in scores) / n:6.1%}  "
            f"{sum(s.seconds_per_page for s in scores) / n * 1000:7.1f} ms/page  "
            f"{dist} {install_size(dist):.1f} MB"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: the folder of sample PDFs."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bot.measure.pdf_quality FOLDER", file=sys.stderr)
        return 2
    return run(Path(args[0]))


if __name__ == "__main__":
    raise SystemExit(main())
