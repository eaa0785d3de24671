"""Discussion-thread exports: comment headers no text, the named poster speaks his comments.

Every document here is written for the test, in a shape unlike held-out set Z's Reddit AMA: a
council forum's "Ask the Leader" thread with "#N" post numbers, "·" between the header's
fields, a day and a time with a comma, a "[MOD]" note and a "[removed]" reply, a quoted line
in a reply, and the leader naming herself with "My name is". The negative cases: a blog post
with one "Posted by … | date" byline is no thread, and a plain text reads as it did.
"""

from __future__ import annotations

from bot.core.ingest.thread_export import is_thread_export
from tests.core.ingested import ingest, one, texts

FORUM = """Harlow Vale Community Forum
Thread: Ask the Leader - bins, buses and the budget

#1  Posted by cllr_meera_shah (Council Leader) · 4 February 2026, 18:00 · 312 replies
Good evening. My name is Meera Shah and I lead Harlow Vale Council. I will answer
questions here until 8pm.

#2  [MOD] forum_admin · 4 February 2026, 17:58
Please stay on topic. Posts about individual planning cases will be removed.

#3  alan.t · 4 February 2026, 18:05
When will the weekly bin collections return?

    #4  cllr_meera_shah (Council Leader) · 4 February 2026, 18:12
    From 6 April. We have bought four new lorries, and the crews start training in March.

        #5  alan.t · 4 February 2026, 18:20
        > We have bought four new lorries
        Bought or leased? The budget papers say leased.

#6  [removed] · 4 February 2026, 18:25
[removed]

#7  bus_user_99 · 4 February 2026, 18:31
The Riders' Union says the cuts are "the worst in a decade". Is the number 7 bus safe?

    #8  cllr_meera_shah (Council Leader) · 4 February 2026, 18:40
    The number 7 is safe until 2027. I told the cabinet last week: "No village loses
    its only bus while I lead this council."
"""


def test_a_forum_thread_reads_its_title_date_and_the_named_poster() -> None:
    thread = ingest(FORUM)
    assert thread.title == "Ask the Leader - bins, buses and the budget"
    assert thread.date == "2026-02-04"
    assert thread.authors == ("Meera Shah",)
    body = texts(thread)
    assert "When will the weekly bin collections return?" in body
    assert "Bought or leased?" in body
    for t in body:
        assert not any(
            w in t for w in ("·", "#", "replies", "stay on topic", "[removed]", "alan.t", ">")
        ), t
    assert not any(t.startswith("We have bought four new lorries") and "Bought" in t for t in body)


def test_the_named_posters_comments_are_hers_and_the_users_are_not() -> None:
    thread = ingest(FORUM)
    assert one(thread, "From 6 April.").speaker == "Meera Shah"
    assert one(thread, "The number 7 is safe").speaker == "Meera Shah"
    assert one(thread, "When will the weekly").speaker != "Meera Shah"
    assert one(thread, "Bought or leased?").speaker != "Meera Shah"
    quotes = {q.text[:20]: q.speaker for q in thread.quotes}
    assert quotes["No village loses its"] == "Meera Shah"
    assert quotes["the worst in a decad"].endswith("Riders' Union")


BLOG = """Why we are reopening the Mill Lane library

Posted by library_team | 3 March 2026 | 4 comments

The Mill Lane library reopens on 14 April after a two-year closure. The roof has been
replaced and the children's room doubled in size.

Opening hours | Monday to Saturday | 9.30am to 5pm
"""


def test_a_blog_post_with_one_posted_by_line_is_no_thread() -> None:
    assert not is_thread_export(BLOG)
    post = ingest(BLOG)
    assert post.title == "Why we are reopening the Mill Lane library"
    assert "The Mill Lane library reopens on 14 April after a two-year closure." in texts(post)
