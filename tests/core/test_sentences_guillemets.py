"""Sentences quoted with French guillemets, spaced inside the marks ("« Oui. »").

Written for the test, in other words than the held-out release: a sentence ends before a
spaced "« Next" and after a spaced ". »"; a lower-case word after the marks, or an
abbreviation inside them, ends nothing.
"""

from __future__ import annotations

from bot.core.ingest.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_a_sentence_ends_before_a_spaced_opening_guillemet() -> None:
    text = (
        "« Le port restera ouvert », a dit le maire, Paul Ferrand. « Nous paierons les travaux. »"
    )
    assert sentences(text) == [
        "« Le port restera ouvert », a dit le maire, Paul Ferrand.",
        "« Nous paierons les travaux. »",
    ]


def test_a_sentence_ends_after_a_spaced_closing_guillemet() -> None:
    text = "Elle a répondu : « Nous avons attendu dix ans. » La mairie paiera la moitié."
    assert sentences(text) == [
        "Elle a répondu : « Nous avons attendu dix ans. »",
        "La mairie paiera la moitié.",
    ]
    # narrow no-break spaces, as typeset French sets them
    assert len(sentences("« Oui.\u202f» Puis il est parti.")) == 2


def test_a_lower_case_word_or_an_abbreviation_ends_nothing() -> None:
    """Negatives: the sentence goes on after the marks, and "no. 5" is a number."""
    assert len(sentences("« C'est fini. » dit-il en partant vers le quai.")) == 1
    assert len(sentences("Il a lu le « Rapport no. 5 » hier soir à la mairie.")) == 1
