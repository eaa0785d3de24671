"""Mailing-list digests: the messages are the text, each under its subject, said by its sender.

Every document here is written for the test, in shapes unlike held-out set Z's Mailman digest:
a Google Groups digest ("== 1 of 2 ==" over each message, "TOPIC:" banners, no rules between
the messages of a topic, a first name alone closing a message), and the negative cases: a
single e-mail that quotes a forwarded message's header is still one e-mail, and a plain text
naming "From:" in its body is no digest.
"""

from __future__ import annotations

from bot.core.ingest.mail_digest import is_mail_digest
from tests.core.ingested import ingest, one, texts

GROUPS = """Allotment-Holders Group Digest, 2 topics

=============================================================================
Today's topics:

* Water charges for 2026 - 2 messages, 2 authors
* Shed heights on the east field - 1 message, 1 author

==============================================================================
TOPIC: Water charges for 2026
http://groups.example.com/group/allotment-holders/t/5c1e
==============================================================================

== 1 of 2 ==
Date: Wed, 5 Nov 2025 08:30:00 -0000
From: "Priya Raman" <priya.raman@plotholders.example>
Subject: Water charges for 2026

Hi everyone,

The committee has agreed the water charge for 2026: 18 pounds a plot,
up from 15 pounds.

The meter readings for the east field are still missing.

Priya

== 2 of 2 ==
Date: Wed, 5 Nov 2025 10:12:00 -0000
From: Tom Hesketh <tom.hesketh@plotholders.example>
Subject: Re: Water charges for 2026

Priya Raman <priya.raman@plotholders.example> wrote:
> The committee has agreed the water charge for 2026: 18 pounds a plot,
> up from 15 pounds.

Our troughs leak badly on the north side. I said it at the meeting: "Fix the
troughs before you raise the charge."

Cheers,
Tom

==============================================================================
TOPIC: Shed heights on the east field
http://groups.example.com/group/allotment-holders/t/77ab
==============================================================================

== 1 of 1 ==
Date: Thu, 6 Nov 2025 19:02:00 -0000
From: Lena Bryant <lena.bryant@plotholders.example>
Subject: Shed heights on the east field

The lease allows sheds up to 2.2 metres on the east field. Two plots have
sheds taller than that and the landlord has written to us.

--
Lena Bryant, Secretary

==============================================================================

You received this message because you are subscribed to the Google Groups
"Allotment-Holders" group. To unsubscribe from this group, send email to
allotment-holders+unsubscribe@groups.example.com
"""


def test_a_google_groups_digest_reads_its_messages_under_their_subjects() -> None:
    digest = ingest(GROUPS)
    assert digest.title == "Allotment-Holders Group Digest, 2 topics"
    assert digest.sections == ("Water charges for 2026", "Shed heights on the east field")
    assert one(digest, "The lease allows sheds").section == "Shed heights on the east field"
    body = texts(digest)
    assert "The meter readings for the east field are still missing." in body
    assert "Our troughs leak badly on the north side." in body
    for t in body:
        assert not any(
            w in t
            for w in (
                "Today's topics",
                "TOPIC:",
                "== ",
                "From:",
                "Date:",
                "wrote:",
                "Priya",
                "Cheers",
                "Secretary",
                "unsubscribe",
                "http",
            )
        ), t
    # the quoted lines repeat message 1: read once
    assert len([t for t in body if t.startswith("The committee has agreed")]) == 1
    assert digest.date == "2025-11-06"


def test_what_i_say_in_a_digest_message_is_its_senders_quote() -> None:
    quotes = {q.text[:20]: q.speaker for q in ingest(GROUPS).quotes}
    assert quotes["Fix the troughs befo"] == "Tom Hesketh"


FORWARD = """From: Dara Quinn <dara.quinn@harbourboard.example>
To: Berth Holders
Date: Mon, 3 Nov 2025 09:00:00 +0000
Subject: Fwd: Winter mooring fees

Forwarding the board's note below.

---------- Forwarded message ---------
From: Harbour Board <board@harbourboard.example>
Date: Fri, 31 Oct 2025 17:00:00 +0000
Subject: Winter mooring fees

Winter mooring fees rise by 4 per cent from 1 December.

---------- Forwarded message ---------
From: Harbour Master <master@harbourboard.example>
Date: Thu, 30 Oct 2025 12:00:00 +0000
Subject: Winter mooring fees

The pontoon repairs finish on 20 November.
"""


def test_an_email_that_forwards_messages_is_one_email_not_a_digest() -> None:
    assert not is_mail_digest(FORWARD)
    mail = ingest(FORWARD)
    assert mail.title == "Winter mooring fees"
    assert mail.date == "2025-11-03"
    assert mail.authors == ("Dara Quinn",)


PLAIN = """Harbour notes for November

From: the harbour master's desk. Subject: winter works.

The pontoon repairs finish on 20 November, and the slipway reopens a week later.

Date: to be confirmed. From: the board, once the survey is in.
"""


def test_a_plain_text_naming_from_and_date_is_no_digest() -> None:
    assert not is_mail_digest(PLAIN)
    note = ingest(PLAIN)
    assert note.title == "Harbour notes for November"
    assert (
        "The pontoon repairs finish on 20 November, and the slipway reopens a week later."
        in texts(note)
    )
