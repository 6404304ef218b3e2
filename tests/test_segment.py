"""Segmentation keeps every word, in order, and flags the page furniture."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment import boilerplate_kind, segment

WORDS = st.sampled_from(
    ["the", "Police", "said.", "killed", "By", "AFP", "Photo:", "https://x.org/a", "—", "“Yes,”",
     "İstanbul", "officials", "denied", "it", "March", "28,", "2024", "rescuers?", "a/b", "ok:"]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\t", "\n\n\n"])


@st.composite
def articles(draw) -> str:
    parts = draw(st.lists(st.tuples(WORDS, SEPARATORS), min_size=0, max_size=60))
    lead = draw(st.sampled_from(["", "\n", "  \n\n"]))
    return lead + "".join(w + s for w, s in parts)


@settings(max_examples=200, deadline=None)
@given(articles())
def test_no_word_is_lost_duplicated_or_reordered(text: str) -> None:
    paragraphs = segment(text)
    assert [w for p in paragraphs for w in p.text.split()] == text.split()


@settings(max_examples=150, deadline=None)
@given(articles())
def test_offsets_cover_each_paragraphs_words_in_order(text: str) -> None:
    previous_end = 0
    for i, p in enumerate(segment(text)):
        assert p.index == i
        assert previous_end <= p.start < p.end <= len(text)
        assert text[p.start:p.end].split() == p.text.split()
        previous_end = p.end


@given(st.text(max_size=300))
def test_any_text_segments_without_error(text: str) -> None:
    assert [w for p in segment(text) for w in p.text.split()] == text.split()


def test_blank_lines_split_and_hard_wraps_join() -> None:
    text = (
        "Rescuers worked through the night at the collapsed\n"
        "market, where dozens of traders were trapped, officials\n"
        "said on Tuesday.\n\nThe mayor declared three days of mourning.\n"
    )
    assert [p.text for p in segment(text)] == [
        "Rescuers worked through the night at the collapsed market, where dozens of traders "
        "were trapped, officials said on Tuesday.",
        "The mayor declared three days of mourning.",
    ]


def test_one_paragraph_per_line_splits() -> None:
    text = "Officials denied the claims.\nRescuers searched the rubble.\nBy Ana Duarte\n"
    assert [p.text for p in segment(text)] == [
        "Officials denied the claims.", "Rescuers searched the rubble.", "By Ana Duarte",
    ]


def test_paragraph_broken_mid_sentence_is_rejoined() -> None:
    text = "He said the minister would not visit the site of the\n\nblast where crews still dig.\n"
    (only,) = segment(text)
    assert only.text == (
        "He said the minister would not visit the site of the blast where crews still dig."
    )
    assert (only.start, only.end) == (0, len(text) - 1)


def test_headline_before_lowercase_url_is_not_joined() -> None:
    assert len(segment("Original url:\n\nhttps://example.org/story\n")) == 2


def test_boilerplate_kinds() -> None:
    cases = {
        "By Marta Illes and Jonah Pike": "byline",
        "Published 14 March 2025": "dateline",
        "March 28, 2024": "dateline",
        "Updated 17:42 GMT": "dateline",
        "Mourners leave flowers at the gate. Photo: Ilsa Varga/Daybreak Images": "caption",
        "Crowds outside the hall on Friday. Pavel Rusu / Northlight Agency": "caption",
        "Related article: Survivors describe the night of the fire": "related",
        "Read more: Inquiry opens into ferry sinking": "related",
        "https://www.example.org/2025/03/14/story": "url",
        "Original url:": "url",
        "Advertisement": "furniture",
        "3 min read": "furniture",
    }
    for text, kind in cases.items():
        assert boilerplate_kind(text) == kind, text


def test_article_sentences_are_not_boilerplate() -> None:
    for text in (
        "By the time firefighters arrived, the roof had collapsed.",
        "The ministry said on March 28, 2024 that the claims were baseless.",
        "Police denied that officers had ignored the warnings, calling the reports false.",
        "More than 200 people were injured, the health ministry said.",
        "Share prices of the operator fell 12% on Monday.",
    ):
        assert boilerplate_kind(text) is None, text
