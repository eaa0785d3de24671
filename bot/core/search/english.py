"""Whether a word is common English, so spelling correction leaves real words alone.

"tanks" is not in the article, but it is a word: correcting it to "tasks" would answer a question
nobody asked. Backed by wordfreq's small English list, loaded on first use only (a query word
missing from the corpus), so start-up stays fast.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20_000)
def is_common_word(word: str) -> bool:
    """Whether `word` (lowercase) is a common English word rather than a misspelling."""
    from wordfreq import zipf_frequency  # deferred: ~0.4 s and ~20 MB, needed only for typos

    return float(zipf_frequency(word, "en", wordlist="small")) > 0.0


HUB_ZIPF = 6.0  # more often than once in 1,000 words of English


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """The most frequent English words (about 100: "get", "make", "way", "think"…).

    In a word space they are hubs, near almost every word, so they are never taken as another
    name for a query word.
    """
    from wordfreq import top_n_list, zipf_frequency

    out = []
    for word in top_n_list("en", 1_000, wordlist="small"):
        if float(zipf_frequency(word, "en", wordlist="small")) < HUB_ZIPF:
            break
        out.append(word)
    return frozenset(out)
