"""The NLTK analysis works offline and keeps what the frames depend on."""

import os
import subprocess
import sys

from framing.text import StemNgrams, stem_tokens, token_spans, tokenize


def test_negations_survive_tokenising_and_stemming() -> None:
    tokens = stem_tokens("Officials didn't comment: no evidence, nothing, never.")
    assert tokens.count("not") == 1
    for negation in ("no", "nothing", "never"):
        assert negation in tokens


def test_lowercases_and_stems_inflections_together() -> None:
    assert stem_tokens("Denied")[0] == stem_tokens("denies")[0] == stem_tokens("DENYING")[0]


def test_numbers_share_one_token() -> None:
    assert stem_tokens("killed 1,200 in 2024") == ["kill", "<num>", "in", "<num>"]


def test_token_spans_point_into_the_original_text() -> None:
    text = "The Kremlin won't say, “we will inform you”."
    spans = token_spans(text)
    assert [t for t, _, _ in spans] == tokenize(text)
    assert [text[s:e] for _, s, e in spans][:5] == ["The", "Kremlin", "wo", "n't", "say"]


def test_needs_no_nltk_data(tmp_path) -> None:
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    code = "from framing.text import stem_tokens; print(stem_tokens('Rescuers searched'))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "rescuer" in result.stdout


def test_stem_ngrams_are_unigrams_then_bigrams() -> None:
    assert StemNgrams(2)("Police denied it") == ["polic", "deni", "it", "polic deni", "deni it"]
    assert StemNgrams(3)("a b c")[-1] == "a b c"
    assert StemNgrams(1)("Police denied") == ["polic", "deni"]
