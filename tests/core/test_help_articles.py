"""A help centre's saved article: breadcrumbs, a relative update line, the feedback widget, footer.

Every document here is written for the test, in shapes unlike held-out set AE's council FAQ: a
software maker's article with "›" breadcrumbs, "Last updated over a week ago", "Did this answer
your question?" with emoji buttons, a links footer and "Copyright © 2024 Lumenfold Ltd. All
rights reserved."; an article with the widget but no trail; and, as negative cases, a text whose
first line has one ">" in a sentence and a report that says "updated 3 days ago" in a sentence.
"""

from __future__ import annotations

from bot.core.ingest.help_articles import is_help_article
from tests.core.ingested import ingest, texts

SOFTWARE = """Support › Billing › Invoices

Changing the address on your invoices

Last updated over a week ago

Lumenfold prints the billing address of your workspace on every invoice. Only an owner of the
workspace can change it.

Where do I change it?

Open Settings, choose Billing and edit the address under Invoice details. The next invoice uses
the new address; invoices already issued keep the old one.

Did this answer your question?
👍 👎

Help home | Status | Terms | Privacy policy
Copyright © 2024 Lumenfold Ltd. All rights reserved.
"""


def test_a_help_article_title_is_the_line_under_its_breadcrumbs() -> None:
    article = ingest(SOFTWARE)
    assert article.title == "Changing the address on your invoices"
    assert article.subtitle is None
    assert not any("Billing ›" in t for t in texts(article))


def test_a_help_article_update_line_widget_and_footer_are_no_text() -> None:
    article = ingest(SOFTWARE)
    assert "Last updated over a week ago" not in article.sections
    assert article.sentences[0].text.startswith("Lumenfold prints the billing address")
    body = texts(article)
    assert (
        body[-1]
        == "The next invoice uses the new address; invoices already issued keep the old one."
    )
    assert article.publication == "Lumenfold Ltd"


WIDGET_ONLY = """Resetting a forgotten password

If you forget your password, choose Forgot password on the sign-in page. We send a link to
your email address that works for one hour.

Was this page helpful?
Yes No
"""


def test_a_help_article_without_a_trail_loses_its_widget() -> None:
    article = ingest(WIDGET_ONLY)
    assert article.title == "Resetting a forgotten password"
    assert texts(article)[-1] == "We send a link to your email address that works for one hour."


NOT_HELP = """Rents rose faster than wages > again, the survey finds

The survey was updated 3 days ago with figures for March. Rents rose by 6 per cent.

Yes No answers were counted for each question.
"""


def test_a_text_with_no_trail_and_no_widget_is_read_as_before() -> None:
    assert not is_help_article(NOT_HELP)
    body = texts(ingest(NOT_HELP))
    assert "Yes No answers were counted for each question." in body
    assert any(t.startswith("The survey was updated 3 days ago") for t in body)
