"""Text analysis for the pipeline: NLTK tokenising and Snowball stemming, no NLTK data.

The functions here are referenced by saved pipelines, so they must stay importable under
these names: a pickled model stores ``framing.text.stem_tokens``, not its code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer

# Words, numbers (with inner separators) and contractions' negation stay whole tokens.
_TOKENIZER = RegexpTokenizer(r"\d+(?:[.,:]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = SnowballStemmer("english", ignore_stopwords=False)
_NEGATIONS = frozenset({"no", "not", "never", "nor", "none", "nobody", "nothing", "neither"})
_NEGATED_CONTRACTION = re.compile(r"n['’]t$")
_NUMBER = re.compile(r"^\d[\d.,:]*$")
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets in ``text``; "didn't" gives "did" and "not"."""
    spans: list[tuple[str, int, int]] = []
    for start, end in _TOKENIZER.span_tokenize(text):
        token = text[start:end].lower().replace("’", "'")
        if _NEGATED_CONTRACTION.search(token):
            head = token[:-3]
            if head:
                spans.append((_CONTRACTED.get(head, head), start, end - 3))
            spans.append(("not", end - 3, end))
        else:
            spans.append((token, start, end))
    return spans


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; "didn't" becomes "did" "not" so negation is kept."""
    return [token for token, _, _ in token_spans(text)]


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball stem of one lower-cased token; negations and numbers keep a fixed form."""
    if token in _NEGATIONS:
        return token
    if _NUMBER.match(token):
        return "<num>"
    return _STEMMER.stem(token)


def stem_tokens(text: str) -> list[str]:
    """Tokenise, lowercase and stem: the analyser the TF-IDF step uses."""
    return [stem(t) for t in tokenize(text)]
