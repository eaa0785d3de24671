"""Caption files saved as text (SubRip, WebVTT): cues read as a transcript, their furniture out.

Every document here is written for the test, in shapes unlike held-out set P's town-hall video:
a WebVTT lecture with "<v Name>" voice tags, cue settings and "[Music]" cues; a SubRip clip with
no header line, "- " dialogue dashes and a bare ">>" speaker change; and, as negatives, plain texts
that mention a timecode or a "-->" arrow, and a "subscribe" said in the middle of a video.
"""

from __future__ import annotations

import re

from bot.core.ingest.subtitle_export import is_subtitle_export
from tests.core.ingested import ingest, speaker_of, texts

LECTURE = """WEBVTT
Kind: captions
Language: en

Soil Carbon and the Farm Budget
Greenacre Extension Service · Streamed live on 3 February 2024
Auto-generated captions, lightly corrected

00:00.000 --> 00:03.200 align:start position:10%
[Music]

00:03.400 --> 00:07.900
<v Dr Ines Albrecht>Good afternoon. Soil carbon is worth
about 40 euros a hectare to a farm

00:08.000 --> 00:11.500
in a normal year, mostly through
better water holding.

00:11.600 --> 00:15.000
<v Marco Bellini>And in a dry year?

00:15.100 --> 00:19.800
<v Dr Ines Albrecht>In a dry year it can be three times that.
[Applause]

00:20.000 --> 00:24.000
Thanks for watching, and subscribe for the next lecture.
"""

CLIP = """1
00:00:01,000 --> 00:00:03,500
- Where does the ferry stop now?
- At the new pier, since May.

2
00:00:03,600 --> 00:00:06,000
>> The old pier closed after the storm
of 2019 damaged its piles.

3
00:00:06,100 --> 00:00:09,000
>> PORT MANAGER: We expect to reopen it
in 2026, if the repairs are funded.

4
00:00:09,100 --> 00:00:12,000
>> HARBOUR PILOT: It handles 300 boats
a week in summer.

5
00:00:12,100 --> 00:00:15,000
>> PORT MANAGER: And twice that at Easter.
"""


def test_a_webvtt_file_is_read_as_turns_with_its_header_as_metadata() -> None:
    lecture = ingest(LECTURE)
    assert lecture.title == "Soil Carbon and the Farm Budget"
    assert lecture.publication == "Greenacre Extension Service"
    assert lecture.date == "2024-02-03"
    body = texts(lecture)
    for t in body:
        assert "-->" not in t and "<v" not in t and "[Music]" not in t, t
        assert "[Applause]" not in t and "captions" not in t and "WEBVTT" not in t, t
        assert "subscribe" not in t.lower(), t
    # a sentence across two cues is one sentence, and the voice tag gives its speaker
    whole = (
        "Soil carbon is worth about 40 euros a hectare to a farm in a normal year, mostly "
        "through better water holding."
    )
    assert whole in body
    assert speaker_of(lecture, "Soil carbon is worth") == "Dr Ines Albrecht"
    assert speaker_of(lecture, "And in a dry year?") == "Marco Bellini"
    assert speaker_of(lecture, "In a dry year it can be") == "Dr Ines Albrecht"
    assert lecture.sections == ()


def test_a_subrip_clip_without_header_reads_dashes_and_bare_chevrons_as_new_speakers() -> None:
    clip = ingest(CLIP)
    body = texts(clip)
    assert not any(re.search(r"\d\d:\d\d:\d\d,\d{3}|^\d+$|>>", t) for t in body), body
    # a bare ">>" opens an unnamed speaker's turn: not the port manager's words before him
    assert speaker_of(clip, "The old pier closed after the storm of 2019") is None
    assert speaker_of(clip, "We expect to reopen it in 2026") == "Port Manager"
    assert speaker_of(clip, "It handles 300 boats a week in summer.") == "Harbour Pilot"
    assert speaker_of(clip, "And twice that at Easter.") == "Port Manager"
    assert "At the new pier, since May." in body


def test_texts_that_only_mention_timecodes_are_not_caption_files() -> None:
    notes = (
        "Edit notes\n\nCut 00:01:02,000 --> 00:01:04,000 from the second reel.\n\n"
        "Step 1 --> step 2 --> step 3.\n"
    )
    assert not is_subtitle_export(notes)
    plain = ingest(notes)
    assert any("00:01:02,000 --> 00:01:04,000" in t for t in texts(plain))


def test_a_call_to_subscribe_inside_the_video_is_kept_and_sound_free_words_stay() -> None:
    # only the channel's closing call is furniture: a speaker who talks about subscribing in
    # the middle keeps her words, and text in brackets mid-line that is a sound cue goes
    video = ingest(
        "Library Podcast, Episode 4\n\n"
        "1\n00:00:00,000 --> 00:00:04,000\n>> ANA SOTO: Subscribe to the library's e-book service"
        " and you get 12 loans a month.\n\n"
        "2\n00:00:04,100 --> 00:00:08,000\n>> LEE PARK: That is double what we had [laughs]"
        " in 2022.\n\n"
        "3\n00:00:08,100 --> 00:00:12,000\n>> ANA SOTO: Membership is free for residents.\n"
    )
    body = texts(video)
    assert "Subscribe to the library's e-book service and you get 12 loans a month." in body
    assert "That is double what we had in 2022." in body
    assert "Membership is free for residents." in body
    assert video.publication is None and video.date is None


def test_rolling_captions_read_the_repeated_line_once() -> None:
    # auto-generated WebVTT repeats the last line of a cue at the top of the next one
    rolling = ingest(
        "WEBVTT\n\nNOTE made by the recorder\n\n"
        "00:00.000 --> 00:02.000\nThe bridge reopens on Monday\n\n"
        "00:02.000 --> 00:04.000\nThe bridge reopens on Monday\nafter 14 weeks of repairs.\n\n"
        "00:04.000 --> 00:06.000\nafter 14 weeks of repairs.\nBuses return to the old route.\n"
    )
    body = texts(rolling)
    assert "The bridge reopens on Monday after 14 weeks of repairs." in body
    assert "Buses return to the old route." in body
    assert not any("NOTE" in t or "recorder" in t for t in body)
