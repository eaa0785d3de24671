"""A blog export in Markdown: editor shortcodes, a platform's boxes after the post, its notes."""

from __future__ import annotations

from bot.core.ingest.shortcodes import without_shortcodes
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import texts


def ingest(text: str, name: str = "post") -> Article:
    return ingest_as(text, ".md", name)


POST = """---
title: "Tram fares after the freeze"
author: Ines Marwood
date: 2025-03-02
---

The fare freeze ends in April. Single fares will rise from 2.10 to 2.35 euros.<sup>1</sup>

[wp_caption id="attachment_77" align="alignright" width="640"]<img src="/up/tram.jpg" />
A tram at Quay Street stop in February. Photo: Ines Marwood[/wp_caption]

## What riders pay

[youtube https://www.youtube.com/watch?v=tram-fares]

Season tickets stay at 540 euros a year.<sup>2</sup> The operator says ridership rose by 9 per cent.

[video src="https://example.org/fares.mp4" width="640"][/video]

[gallery ids="12,13,14" columns="3"]

<sup>1</sup> Tariff order 2025/4, published 20 February.<br>
<sup>2</sup> Operator's annual report, table 3.

<section class="post-share"><h4>Share this post</h4>
<a href="?share=x">X</a> <a href="?share=mail">Email</a></section>

<div class="about-author"><h4>About the writer</h4>
Ines Marwood covers transport for the city blog. She lives near the Quay Street stop.</div>

<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3>
<a href="/bus-lanes/">Bus lanes on the ring road</a></div>
"""


def test_a_blog_export_s_shortcodes_are_no_text_and_its_caption_is_kept() -> None:
    post = ingest(POST)
    captions = [s for s in post.sentences if s.kind == "caption"]
    assert [s.text for s in captions] == ["A tram at Quay Street stop in February."]
    assert captions[0].credit in ("Photo: Ines Marwood", "Ines Marwood")
    body = texts(post)
    assert not any("[" in t or "youtube" in t or "gallery" in t for t in body)
    assert "Season tickets stay at 540 euros a year." in body


def test_a_blog_export_s_boxes_are_no_text_and_its_sup_notes_are_notes() -> None:
    post = ingest(POST)
    body = texts(post)
    for furniture in ("Share this", "About the writer", "Related", "She lives near"):
        assert not any(furniture in t for t in body), furniture
    notes = {n.number: n.text for n in post.notes}
    assert notes[1].startswith("Tariff order 2025/4")
    assert notes[2].startswith("Operator's annual report")
    assert not any(t.startswith(("Tariff order", "Operator's annual")) for t in body)


KEPT = """# Reading list

See the [caption](https://example.org/caption-guide) guide and the [video] page of the council.
We filmed [the meeting](https://example.org/meeting) in full.

<div class="note">The council will publish the minutes of the meeting within ten working days.</div>
"""


def test_brackets_and_boxes_that_are_no_shortcode_or_furniture_stay() -> None:
    """A link named "caption", a bracketed "[video]" with no attributes and a note box stay."""
    assert without_shortcodes("[caption](x) and the [video] page") == (
        "[caption](x) and the [video] page"
    )
    body = texts(ingest(KEPT))
    assert any(t.startswith("See the caption guide and the [video] page") for t in body)
    assert "The council will publish the minutes of the meeting within ten working days." in body
