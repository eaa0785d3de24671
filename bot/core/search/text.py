"""How text becomes search terms, identically for the index and for queries.

Normalises Unicode and spelling variants, splits words, drops stopwords, stems with Snowball.
Acronyms that spell a stopword ("IS", "US") keep their own term so "IS" the group never matches
"is" the verb. Must stay deterministic and never depend on the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

ACRONYM_MARK = "@"
MAX_WORD_CHARS = 40  # longer "words" are noise (like tantivy's default tokenizer, we skip them)

# A general English stopword list (function words), plus question words: those steer the
# answer type (see query.py) rather than matching text.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can cannot could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself let me more most my myself no nor not of off on once only or other ought our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t d ll m re ve also just shall may might must tell show give find much many us whose
    per via among amongst upon onto within across along toward towards beyond versus vs
    """.split()
) | frozenset(
    # Conversational filler around a question ("I would like to know what the article says
    # about…"): it asks, it does not name what is asked about.
    """
    like know want wants wonder please explain describe information info anything something
    need looking curious interested happen happened happens say says said mention mentions
    mentioned talk talks regarding concerning mean means actually really basically
    """.split()
)

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 5,000 and 1,234.5
    r"|\d+(?:\.\d+)?(?:s|st|nd|rd|th)?"  # 2018, 3.5, 1980s, 75th
    r"|[^\W\d_]+(?:'[^\W\d_]+)?"  # words, with an apostrophe inside
)
_HYPHENATED = re.compile(r"\b[^\W_]+(?:-[^\W_]+)+")

# British → American spelling, applied to both sides before stemming (a general rule set).
_SPELLING = (
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (
        re.compile(
            r"(?<=\w{3})our(s|ed|ing|hood|hoods|ite|ites|itism|able|ably|ful|fully|al|ally"
            r"|er|ers|ist|ists|less|y|ies)?$"
        ),
        r"or\1",
    ),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{3})ence$"), "ense"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    # anaesthetic, paediatric, haemorrhage, encyclopaedia: "ae" between consonants is "e"
    (re.compile(r"(?<=[b-df-hj-np-tv-z])ae(?=[b-df-hj-np-tv-z])"), "e"),
)

# Spelling variants no suffix rule covers (general English, not drawn from any corpus).
_VARIANTS = {
    "adviser": "advisor",
    "advisers": "advisors",
    "judgement": "judgment",
    "programme": "program",
    "programmes": "programs",
    "ageing": "aging",
    "grey": "gray",
    "cheque": "check",
    "tyre": "tire",
    "plough": "plow",
}

# Common English irregular verbs: base, past, past participle (general grammar, from no corpus).
_IRREGULAR_VERBS = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten; become became become;
begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit bitten;
bleed bled bled; blow blew blown; break broke broken; breed bred bred; bring brought brought;
build built built; burn burnt burnt; buy bought bought; catch caught caught;
choose chose chosen; come came come; cost cost cost; creep crept crept; cut cut cut;
deal dealt dealt; dig dug dug; do did done; draw drew drawn; drink drank drunk;
drive drove driven; eat ate eaten; fall fell fallen; feed fed fed; feel felt felt;
fight fought fought; find found found; flee fled fled; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten;
give gave given; go went gone; grow grew grown; hang hung hung; have had had; hear heard heard;
hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept; know knew known;
lay laid laid; lead led led; leave left left; lend lent lent; lie lay lain; lose lost lost;
make made made; mean meant meant; meet met met; pay paid paid; rise rose risen; run ran run;
say said said; see saw seen; seek sought sought; sell sold sold; send sent sent;
shake shook shaken; shoot shot shot; show showed shown; shrink shrank shrunk; shut shut shut;
sing sang sung; sink sank sunk; sit sat sat; sleep slept slept; speak spoke spoken;
spend spent spent; spread spread spread; stand stood stood; steal stole stolen; stick stuck stuck;
strike struck struck; strive strove striven; swear swore sworn; swim swam swum;
take took taken; teach taught taught; tear tore torn; tell told told; think thought thought;
throw threw thrown; understand understood understood; undertake undertook undertaken;
wake woke woken; wear wore worn; win won won; withdraw withdrew withdrawn;
write wrote written; overcome overcame overcome; undergo underwent undergone;
uphold upheld upheld; withhold withheld withheld; foresee foresaw foreseen; mislead misled misled
"""
_BASE_OF = {
    form: forms.split()[0]
    for forms in _IRREGULAR_VERBS.split(";")
    for form in forms.split()[1:]
    if form != forms.split()[0]
}
# Past forms that are also common words of their own keep their own meaning.
for _word in ("left", "found", "lay", "saw", "bore", "fell"):
    _BASE_OF.pop(_word, None)

_stemmer = snowballstemmer.stemmer("english")


def normalize(text: str) -> str:
    """Unicode-normalise text: NFKC, straight quotes, no diacritics, no zero-width characters.

    Dotted acronyms lose their dots ("U.S." → "US"), so either spelling finds the other.
    """
    if "." in text and _DOTTED_HINT.search(text):  # the cheap test first: most texts have none
        text = _DOTTED.sub(_undotted, text)
    if text.isascii():
        return text  # the common case, and already normal
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(
        c for c in decomposed if c < "\x80" or unicodedata.category(c) not in ("Mn", "Cf")
    )


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")
_DOTTED_HINT = re.compile(r"[A-Z]\.[A-Z]\.")


def _undotted(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search term of one lowercase word: spelling-normalised, then Snowball-stemmed."""
    if word[:1].isdigit():
        return word.replace(",", "")
    word = _VARIANTS.get(word, word)
    word = _BASE_OF.get(word, word)
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """The words of a text in order, with their original case, after normalisation."""
    return _WORD.findall(normalize(text))


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str | None:
    """The search term for one word as written, or None for a stopword.

    An all-capitals word of two or more letters whose lowercase is a stopword ("IS", "US")
    is an acronym and gets a marked term of its own.
    """
    lower = word.lower()
    if len(lower) > MAX_WORD_CHARS:
        return None
    if lower in STOPWORDS:
        if len(word) >= 2 and word.isupper():
            return ACRONYM_MARK + lower
        return None
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif len(word) >= 3 and word[-1] == "s" and word[:-1].isupper() and word[:-1].isalpha():
        lower = lower[:-1]  # an acronym's plural: "CBDCs", "NGOs" are "CBDC", "NGO"
    return stem(lower)


def terms(text: str) -> list[str]:
    """The search terms of a text in order (stopwords dropped), plus joined hyphenated words.

    "Indo-Pacific" gives "indo", "pacif" and also "indopacif", so either spelling matches.
    """
    return analyse(text)[0]


def analyse(text: str) -> tuple[list[str], list[str]]:
    """A text's search terms (as `terms` gives them) and its words, in one pass."""
    normal = normalize(text)
    found = _WORD.findall(normal)
    out = [t for w in found if (t := term_of(w))]
    if "-" in normal:
        for compound in _HYPHENATED.findall(normal):
            joined = compound.replace("-", "")
            if not joined.isdigit() and len(joined) <= MAX_WORD_CHARS:
                out.append(stem(joined.lower()))
    return out, found


def fold(text: str) -> str:
    """Lowercase, normalised text with collapsed whitespace, for comparisons."""
    return " ".join(normalize(text).lower().split())


# A bibliographic reference starts with its authors and year and a colon ("Dresen, Robert 2023:",
# "The Fund For Peace 2023:"), or is a cross-reference ("Ibid.", "NATO 2023, n. 5.").
_REFERENCE_START = re.compile(r"^[^:.]{0,120}?\b(?:1[5-9]|20)\d\d[a-z]?\s*[:,]|^ibid\b", re.I)
_NOTE_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%])[.!?](?=\s+[A-Z])")
_MIN_STATEMENT_WORDS = 4
_PROSE_WORDS = 3
# Other marks of a reference, in any citation style: a pointer ("See …", "Cf. …", "Source: …"),
# a quoted title in Title Case ("“Brendan Eich Steps Down as Mozilla CEO”"), a closing
# "…, by Ann Author." or "…, February 24, 2021[, p. 9]." (outlet and date).
_POINTER = re.compile(r"^(?:see|cf|compare|source|sources|available|accessed|retrieved)\b", re.I)
_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOSING = re.compile(
    r"(?:,\s+by\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|&))*"
    rf"|,\s+(?:{_MONTH}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+)?(?:1[5-9]|20)\d\d"
    r"(?:,\s*pp?\.\s*[\w–-]+)?)\s*[.)]?$",
    re.I,
)
_CAPITALISED_SHARE = 0.7  # of a quoted text's longer words, for it to read as a title


def _is_reference(piece: str) -> bool:
    """Whether one sentence of a note cites a source rather than stating something."""
    if _REFERENCE_START.match(piece) or _POINTER.match(piece) or _CLOSING.search(piece):
        return True
    if "http" in piece or "<" in piece:
        return True
    return any(_title_case(m.group(1)) for m in _QUOTED.finditer(piece))


def _title_case(text: str) -> bool:
    """Whether most longer words of `text` are capitalised, as in a title (at least two)."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'-]*", text) if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 2 and capitalised >= _CAPITALISED_SHARE * len(long_words)


def _reads_as_prose(piece: str) -> bool:
    """Whether a sentence has the small words of prose (three at least), not only names."""
    return sum(1 for w in words(piece) if w[:1].islower()) >= _PROSE_WORDS


def note_statement(text: str) -> str:
    """The prose a footnote states, or "" for a bare reference (see `note_statement_span`)."""
    start, end = note_statement_span(text)
    return text[start:end]


def note_statement_span(text: str) -> tuple[int, int]:
    """Where a footnote's prose runs: before its reference, or right after a leading one.

    "In the current Fragile States Index, Iraq is at 27 of 179. The Fund For Peace 2023: …"
    gives its first sentence; "Labour Force Survey, 2024. The figure for employees is 79 per
    cent." gives its second; "Masala, Carlo 2023: Bedingt abwehrbereit…" gives nothing (0, 0).
    """
    ends = [*(m.end() for m in _NOTE_SENTENCE_END.finditer(text)), len(text)]
    start = end = 0
    for sentence_end in ends:
        piece = text[end:sentence_end].strip()
        if not piece:
            break
        # after a leading reference, a line of names ("Harbor Counter.") is the reference's too
        if _is_reference(piece) or (start > 0 and end == start and not _reads_as_prose(piece)):
            if end > start:
                break  # the prose ran up to this reference
            start = sentence_end  # a reference first: the prose, if any, comes after it
        end = sentence_end
    while start < end and text[start].isspace():
        start += 1
    end = len(text[:end].rstrip())
    if len(words(text[start:end])) < _MIN_STATEMENT_WORDS:
        return 0, 0
    return start, end
