"""Seed folders and files: bad input becomes issues naming the file, and never stops the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.ingest import IngestResult, decode, read_article, read_seeds
from bot.core.model import Article, IngestIssue

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
MIXED = DATA / "mixed"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "lamberty-2024-nato-mission-iraq.txt"


@pytest.fixture(scope="module")
def mixed() -> IngestResult:
    return read_seeds(MIXED)


def issues_for(result: IngestResult, name: str) -> list[IngestIssue]:
    return [
        i for i in result.issues if i.file == f"mixed/{name}" or i.file.startswith(f"mixed/{name} ")
    ]


def article(result: IngestResult, article_id: str) -> Article:
    return next(a for a in result.articles if a.id == article_id)


def test_good_articles_survive_bad_neighbours(mixed: IngestResult) -> None:
    assert [a.id for a in mixed.articles] == ["c-cp1252", "d-notes-problems", "e-markdown"]
    assert [i.file for i in mixed.issues] == sorted(i.file for i in mixed.issues)


def test_empty_file_is_an_error(mixed: IngestResult) -> None:
    [issue] = issues_for(mixed, "a-empty.txt")
    assert issue.level == "error"
    assert "empty" in issue.message
    assert str(issue) == "error: mixed/a-empty.txt: empty file; skipped"


def test_binary_file_is_an_error(mixed: IngestResult) -> None:
    [issue] = issues_for(mixed, "b-binary.txt")
    assert (issue.level, issue.message) == ("error", "binary file (contains NUL bytes); skipped")


def test_non_utf8_file_is_read_as_cp1252_with_a_warning(mixed: IngestResult) -> None:
    [issue] = issues_for(mixed, "c-cp1252.txt")
    assert issue.level == "warning"
    assert "not valid UTF-8" in issue.message and "cp1252" in issue.message
    assert issue.line == 5
    found = article(mixed, "c-cp1252")
    assert found.authors == ("Anna Müller",)
    assert found.title == "Water Policy in the Sahel"


def test_notes_problems_are_warnings_with_lines(mixed: IngestResult) -> None:
    issues = issues_for(mixed, "d-notes-problems.txt")
    assert [(i.level, i.line, i.message) for i in issues] == [
        ("warning", 25, "notes list has a gap: note 3 missing before note 4"),
        ("warning", 19, "footnote marker 5 has no note in the notes list"),
        ("warning", 25, "note 4 is never cited by a marker in the text"),
    ]
    found = article(mixed, "d-notes-problems")
    assert [n.number for n in found.notes] == [1, 2, 4]
    ibid = found.note(2)
    assert ibid is not None and (ibid.refers_to, ibid.page) == (1, "4")


def test_small_txt_article(mixed: IngestResult) -> None:
    found = article(mixed, "d-notes-problems")
    assert found.series == "Security Briefs"
    assert found.authors == ("Jane Doe", "John Smith")
    assert found.sections == ("Naval Patrols",)
    texts = [s.text for s in found.sentences]
    # a line holding only a space still separates blocks; the page break is repaired
    assert (
        "The patrols cover only part of the route, since the navies involved have few ships "
        "to spare for such a long coastline."
    ) in texts
    [quote] = found.quotes
    assert (quote.kind, quote.speaker, quote.text) == (
        "direct",
        "Peter Brown",
        "The risk has not gone away, and we must plan for a long crisis",
    )
    assert found.sentences[-1].kind == "bio"


def test_markdown_article_with_sidecar(mixed: IngestResult) -> None:
    found = article(mixed, "e-markdown")
    assert found.title == "Grid Storage at Scale (web edition)"  # the sidecar wins
    assert found.subtitle == "Why Batteries Are Not Enough"
    assert found.series == "Energy Notes"
    assert found.authors == ("Maria Rossi",)
    assert (found.publication, found.date, found.url, found.language) == (
        "Energy Review",
        "2024-05-01",
        "https://example.org/grid",
        "en",
    )
    assert found.sections == ("The Problem", "The Options")
    kinds = [s.kind for s in found.sentences]
    assert kinds == ["lead"] * 3 + ["body"] * 4 + ["caption", "bio"]
    caption = found.sentences[kinds.index("caption")]
    assert (caption.text, caption.credit) == ("Dam wall at dusk.", "Photo: © Luca Bianchi, Agency.")
    notes_cited = {n for s in found.sentences for n in s.notes}
    assert notes_cited == {1, 2}
    assert "It has worked for decades, as the operator notes." in [s.text for s in found.sentences]
    [pull] = found.quotes
    assert (pull.kind, pull.speaker, pull.text) == (
        "pull",
        "Maria Rossi",
        "Most of these projects use lithium batteries.",
    )
    assert pull.sentence == found.sentences[4].id
    assert [(g.short, g.long) for g in found.glossary] == [("IEA", "International Energy Agency")]
    assert [n.url for n in found.notes] == ["https://example.org/iea", None]
    [unknown_key] = issues_for(mixed, "e-markdown.md")
    assert "unknown sidecar key 'tags'" in unknown_key.message


def test_unknown_extension_and_orphan_sidecar_are_skipped_with_warnings(
    mixed: IngestResult,
) -> None:
    [docx] = issues_for(mixed, "f-unknown.docx")
    assert (docx.level, docx.message) == ("warning", "unsupported file type '.docx'; skipped")
    [orphan] = issues_for(mixed, "orphan.toml")
    assert orphan.level == "warning" and "no article" in orphan.message


def test_broken_sidecar_is_ignored_with_a_warning() -> None:
    found, issues = read_article(DATA / "bad-sidecar" / "article.txt")
    assert found is not None
    assert found.title == "Short Title"
    [issue] = issues
    assert issue.file == "bad-sidecar/article.txt (article.toml)"
    assert issue.message.startswith("sidecar ignored:")


def test_sidecar_type_errors(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "a.toml").write_text(
        'authors = ["Ann Lee", "Bo Ek"]\ndate = 5\nurl = ""\n', encoding="utf-8"
    )
    found, issues = read_article(tmp_path / "a.txt")
    assert found is not None
    assert found.authors == ("Ann Lee", "Bo Ek")
    assert {q.speaker for q in found.quotes if q.kind == "pull"} == {"Ann Lee and Bo Ek"}
    assert sorted(i.message for i in issues) == [
        "sidecar 'date' must be a non-empty string or date; ignored",
        "sidecar 'url' must be a non-empty string; ignored",
    ]
    # the sidecar authors rule, but the bio naming the byline author is still a bio
    assert found.sentences[-1].kind == "bio"


def test_duplicate_ids_and_missing_folder(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "same.txt")
    (tmp_path / "same.md").write_text("# Title\n\nText of a second article.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    result = read_seeds(tmp_path)
    assert [a.id for a in result.articles] == ["same"]
    assert [(i.file, i.level) for i in result.issues] == [(f"{tmp_path.name}/same.txt", "error")]
    assert "already read" in result.issues[0].message
    missing = read_seeds(tmp_path / "nope")
    assert missing.articles == () and missing.issues[0].level == "error"


def test_article_with_only_a_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "head.txt"
    path.write_text("Only a Title\n\nJane Doe\n", encoding="utf-8")
    found, issues = read_article(path)
    assert found is None
    assert [(i.level, i.message) for i in issues] == [
        ("error", "no article text found (only a header or notes)")
    ]


def test_decode_variants() -> None:
    assert decode("héllo\r\nworld".encode("utf-8-sig"), "f") == ("héllo\nworld", [])
    text, issues = decode("hi\nthere".encode("utf-16"), "f")
    assert (text, issues) == ("hi\nthere", [])
    text, issues = decode(b"caf\xe9 \x93quoted\x94", "f")
    assert text == "café “quoted”"
    assert [(i.level, i.line) for i in issues] == [("warning", 1)]
    assert decode(b"  \n\t\n", "f")[0] is None
    assert decode(b"a\x00b", "f")[0] is None


def test_unsupported_path_given_directly(tmp_path: Path) -> None:
    path = tmp_path / "x.rtf"
    path.write_text("text", encoding="utf-8")
    assert read_article(path) == (
        None,
        [IngestIssue(f"{tmp_path.name}/x.rtf", "unsupported file type '.rtf'; skipped")],
    )
