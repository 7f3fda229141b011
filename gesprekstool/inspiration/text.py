"""Text normalisation for the library's full-text search, the same on every database.

Both the indexed text and the query go through `terms()`: accents are folded ("Súdwest-Fryslân" becomes
"sudwest fryslan"), words are split on anything that is not a letter or digit, common Dutch function words
are dropped and every word is reduced to its Dutch stem ("schulden" and "schuld" both become "schuld").
The database then only ever compares plain ASCII stems, so SQLite FTS5 and PostgreSQL behave alike.

Pure Python (no Django), so it is cheap to test and safe to use inside migrations.
"""

import functools
import re
import unicodedata

import snowballstemmer

# Letters that Unicode decomposition does not split into a base letter and a mark.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
_WORD = re.compile(r"[a-z0-9]+")
_DOUBLE_END = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")

# Function words that say nothing about a text's subject. Kept short on purpose: a word missing here
# only costs a little ranking precision, a content word wrongly listed here could never be found.
STOPWORDS = frozenset(
    """
    aan al als bij dan dat de den der des deze die dit door een en er het hij hoe in is je met na naar
    niet nog of om onder op over te ten ter tot u uit van voor wat we wel wie wij zij zijn zo
    """.split()
)


def fold(text: str) -> str:
    """Lower case without accents: "Súdwest-Fryslân" -> "sudwest-fryslan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _stemmer():
    # "dutch_porter" is Snowball's classic Dutch algorithm. The newer "dutch" one also strips the prefix
    # "ge-", which turns "gezondheid" into "zon" and "gemeente" into "meen": too coarse for this library.
    return snowballstemmer.stemmer("dutch_porter")


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The Dutch stem of a folded word; a doubled final consonant is made single so that
    "gezinnen" and "gezin", "lessen" and "les" meet."""
    stemmed = _stemmer().stemWord(word)
    return _DOUBLE_END.sub(r"\1", stemmed)


def words(text: str) -> list[str]:
    """The folded words of a text, without function words."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS]


def terms(text: str) -> list[str]:
    """The stems of a text, in order, duplicates kept (they count for ranking)."""
    return [stem(w) for w in words(text)]


def index_text(*parts: str) -> str:
    """What is stored in the search index for these texts: their stems separated by spaces."""
    return " ".join(t for part in parts if part for t in terms(part))


def query_terms(query: str, *, limit: int = 12) -> list[str]:
    """The distinct stems of a search query, in the order typed; at most `limit` of them."""
    seen: list[str] = []
    for term in terms(query):
        if term not in seen:
            seen.append(term)
    return seen[:limit]
