"""Linguistic cue features: the frames are acts (deny, blame, fail, suffer), not topics.

``CueFeatures`` turns each paragraph into a few dozen numbers computed with the NLTK
analysis of ``framing.text``: lexicons of denial, blame, failure and harm words, an
official actor as the subject of a denial or speech verb, negation, quotes and reported
speech, and the shape of page furniture (bylines, credits, URLs, short headline lines).
It lives here, not in a script, so that a pickled pipeline loads wherever
``framing`` is installed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from framing.text import NEGATIONS, stem, tokenize


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


OFFICIAL = _stems(
    "ministry minister spokesman spokeswoman spokesperson government police military army "
    "agency official officials authorities department company firm president mayor "
    "governor commander chief director regulator embassy operator council cabinet "
    "kremlin navy force forces statement administration prosecutor"
)
DENIAL = _stems(
    "deny denied denies denial reject rejected dismiss dismissed baseless unfounded false "
    "refute rebuff defend defended insist insisted maintain contest dispute refuse refused "
    "decline declined downplay provocative speculation premature groundless fabrication "
    "smear propaganda complied compliance protocol properly adequate regret unverified "
    "isolated collateral exaggerated misleading irresponsible allegations"
)
BLAME = _stems(
    "blame blamed accuse accused responsibility responsible claimed behind perpetrator "
    "suspect suspects arrested charged indicted convicted sentenced detained culprit "
    "mastermind orchestrated sponsored prosecutors prosecution negligence caused fault "
    "lawsuit sued guilty murder homicide manslaughter attacker attackers gunman bomber "
    "carried militants hackers linked"
)
FAILURE = _stems(
    "fail failed failure failures failings warning warnings warned ignored lapse lapses gap "
    "gaps overlooked missed inspection inspections audit inquiry probe review resign "
    "resigned resignation delay delayed slow late lack inadequate shortcomings should "
    "prevent prevented botched chaotic understaffed overcrowded breach vulnerable lessons "
    "complacency apologise apologize apologised negligent unheeded alarm sirens "
    "safeguards oversight loophole"
)
HARM = _stems(
    "killed dead death deaths died injured wounded victims victim families family mourn "
    "mourners mourning funeral vigil grief grieving memorial hospital hospitals rescue "
    "rescuers survivors survivor blood donors displaced aid shelter evacuated tribute "
    "condolences bodies missing orphaned trauma tears candles toll casualties sickened "
    "homeless relief"
)
SPEECH = _stems(
    "said says say told stated announced according added noted stressed tweeted wrote "
    "statement insisted claimed asked"
)
FURNITURE = _stems(
    "photo photograph credit images getty updated published read related advertisement "
    "share comments newsletter subscribe minute listen edited editing reporting copyright "
    "caption gallery video watch skip"
)

_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.I)
_CREDIT = re.compile(r"\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*\s?/\s?[A-Z][\w&.' -]+$")
_BYLINE = re.compile(r"^\W*by\s+[A-Z]", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:GMT|UTC|EST|EDT|BST|CET)\b")
_QUOTES = re.compile(r"[\"“”«»]")

FEATURE_NAMES: tuple[str, ...] = (
    "official", "denial", "blame", "failure", "harm", "speech", "negation", "furniture",
    "official_denies", "official_speaks", "negated_speech", "quotes", "opens_with_quote",
    "question", "log_tokens", "short", "no_final_stop", "title_case", "digits",
    "url", "credit", "byline", "time", "first_person",
)


def _share(count: int, cap: int = 3) -> float:
    return min(count, cap) / cap


def cue_vector(text: str) -> list[float]:
    """The cue features of one paragraph, in ``FEATURE_NAMES`` order."""
    tokens = tokenize(text)
    stems = [stem(t) for t in tokens]
    n = max(len(stems), 1)

    def near(left: frozenset[str], right: frozenset[str], window: int = 6) -> bool:
        positions = [i for i, s in enumerate(stems) if s in left]
        return any(
            s in right for i in positions for s in stems[i + 1 : i + 1 + window]
        )

    words = text.split()
    capitalised = sum(w[:1].isupper() for w in words)
    stripped = text.rstrip()
    return [
        _share(sum(s in OFFICIAL for s in stems)),
        _share(sum(s in DENIAL for s in stems)),
        _share(sum(s in BLAME for s in stems)),
        _share(sum(s in FAILURE for s in stems)),
        _share(sum(s in HARM for s in stems)),
        _share(sum(s in SPEECH for s in stems)),
        _share(sum(t in NEGATIONS for t in tokens)),
        _share(sum(s in FURNITURE for s in stems)),
        float(near(OFFICIAL, DENIAL)),
        float(near(OFFICIAL, SPEECH)),
        float(near(SPEECH, NEGATIONS, window=4) or near(NEGATIONS, SPEECH, window=3)),
        _share(len(_QUOTES.findall(text)), cap=4),
        float(bool(_QUOTES.match(text.lstrip()))),
        float("?" in text),
        math.log1p(n) / 5.0,
        float(n <= 12),
        float(not stripped.endswith((".", '"', "”", "!", "?", "'", "’"))),
        capitalised / max(len(words), 1),
        sum(ch.isdigit() for ch in text) / max(len(text), 1),
        float(bool(_URL.search(text))),
        float(bool(_CREDIT.search(stripped))),
        float(bool(_BYLINE.match(text))),
        float(bool(_TIME.search(text))),
        _share(sum(t in ("i", "we", "our", "my", "us") for t in tokens)),
    ]


class CueFeatures(TransformerMixin, BaseEstimator):
    """Paragraph texts to a sparse matrix of cue features (stateless)."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    def fit(self, X: Iterable[str], y: object = None) -> CueFeatures:
        self.n_features_out_ = len(FEATURE_NAMES)
        return self

    def transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        rows = [cue_vector(text) for text in X]
        matrix = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURE_NAMES))
        return sparse.csr_matrix(matrix * self.scale)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray([f"cue__{name}" for name in FEATURE_NAMES], dtype=object)
