"""Raw article text to paragraphs, with offsets and boilerplate flags.

Text pasted from a browser arrives with blank lines between paragraphs, hard-wrapped
lines, paragraphs broken in the middle of a sentence, and page furniture (bylines, date
lines, photo captions and credits, "Related article" lines, URLs). ``segment`` returns
each paragraph's text with the lines joined, its ``start``/``end`` offsets in the
original text, and whether it is boilerplate, which the classifier labels ``none``.
Every word of the input lands in exactly one paragraph, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FINAL = tuple(".!?:;\"'”’)]»…")
_URL = re.compile(r"^(?:<)?(?:https?://|www\.)\S+", re.I)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url", re.compile(r"^(?:original url|source|link|url)\s*:\s*(?:\S+)?$|^(?:https?://|www\.)",
                       re.I)),
    ("related", re.compile(
        r"^(?:related(?: article| story| stories| coverage| content)?|read (?:more|also|next)|"
        r"see also|also read|more|more on this story|recommended)\s*[:|>»-]", re.I)),
    ("byline", re.compile(
        r"^(?:by|words by|written by|reporting by|story by)\s+[A-Z\u00C0-\u024F][^.!?]{0,80}$"
        r"|^(?:staff (?:reporter|writer)|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}\s*\|\s*"
        r"[\w ]{3,40})$", re.I)),
    ("dateline", re.compile(
        r"^(?:(?:published|updated|posted|last (?:modified|updated)(?: on)?|first published"
        r"(?: on)?)\b[^.]{0,60}|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+"
        + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}),?\s+\d{4}(?:[,\s]+[^.]{0,40})?|"
        r"\d{4}-\d{2}-\d{2}(?:[ T][\d:]+)?(?:\s*\w{2,4})?|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
        r"(?:\s*(?:gmt|utc|est|edt|bst|cet|ist))?)$", re.I)),
    ("caption", re.compile(
        r"(?:^|[.!?)]\s+)(?:photo(?:graph)?|picture|image|credit|source|illustration)s?\s*:"
        r"\s*[^.]{2,80}$|\((?:photo|credit|courtesy)[^)]{2,80}\)$|(?:^|[.!?]\s+)"
        r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s?/\s?(?:[A-Z][\w&.'’-]*\s?){1,5}$"
        r"|\b(?:getty images|afp via getty|ap photo|reuters/)", re.I)),
    ("furniture", re.compile(
        r"^(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|"
        r"share (?:this|on)\b.{0,40}|listen to (?:this )?article.{0,20}|\d+\s*min(?:ute)?s?\s*read|"
        r"comments?\s*\(?\d*\)?|sign up\b.{0,80}|subscribe\b.{0,60}|©.{0,80}|copyright\b.{0,80}|"
        r"most (?:read|popular)|follow us\b.{0,60}|\d+ photos?\b.{0,40}|watch:.{0,80}|"
        r"click here.{0,60}|leer en español)$", re.I)),
)
_MAX_BOILERPLATE_WORDS = 40


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article and where it came from (no offsets when the caller
    sent paragraphs already split)."""

    index: int
    text: str
    start: int | None
    end: int | None
    boilerplate: bool
    kind: str | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without its line break."""
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.group() == "":
            break
        content = match.group().rstrip("\r\n")
        spans.append((match.start(), match.start() + len(content)))
    return spans


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, each line trimmed to its non-space extent."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        line = text[start:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            current.append((start + lead, start + len(line.rstrip())))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _ends_sentence(s: str) -> bool:
    return s.rstrip().endswith(_FINAL)


def _starts_lower(s: str) -> bool:
    first = s.lstrip()[:1]
    return first.islower()


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group a block's lines into paragraphs: hard wraps join, line-per-paragraph splits."""
    if len(lines) == 1:
        return [lines]
    lengths = [end - start for start, end in lines]
    width = max(lengths)
    wrapped = sum(
        1 for (s, e), n in zip(lines[:-1], lengths[:-1], strict=True)
        if n >= 0.6 * width and not _ends_sentence(text[s:e])
    )
    hard_wrapped = wrapped * 2 >= len(lines) - 1
    groups = [[lines[0]]]
    for prev, line, prev_len in zip(lines, lines[1:], lengths, strict=False):
        prev_text, line_text = text[prev[0]:prev[1]], text[line[0]:line[1]]
        if hard_wrapped:
            new_paragraph = _ends_sentence(prev_text) and prev_len < 0.7 * width
        else:
            new_paragraph = not (not _ends_sentence(prev_text) and _starts_lower(line_text))
        if new_paragraph:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def boilerplate_kind(paragraph: str) -> str | None:
    """Which kind of page furniture a paragraph is, or None for article text."""
    stripped = " ".join(paragraph.split())
    if len(stripped.split()) > _MAX_BOILERPLATE_WORDS:
        return None
    for kind, pattern in _BOILERPLATE:
        if pattern.search(stripped):
            return kind
    return None


def segment(text: str) -> list[Paragraph]:
    """Split raw article text into paragraphs (see the module docstring)."""
    groups: list[list[tuple[int, int]]] = []
    for block in _blocks(text):
        groups.extend(_split_block(text, block))
    # Re-join a paragraph broken mid-sentence: no final punctuation, next starts lower.
    merged: list[list[tuple[int, int]]] = []
    for group in groups:
        if merged:
            prev_text = text[merged[-1][0][0]:merged[-1][-1][1]]
            this_text = text[group[0][0]:group[-1][1]]
            if (
                not _ends_sentence(prev_text)
                and _starts_lower(this_text)
                and not _URL.match(this_text)
                and boilerplate_kind(prev_text) is None
            ):
                merged[-1].extend(group)
                continue
        merged.append(list(group))
    out = []
    for index, group in enumerate(merged):
        joined = " ".join(" ".join(text[s:e].split()) for s, e in group)
        kind = boilerplate_kind(joined)
        out.append(Paragraph(index, joined, group[0][0], group[-1][1], kind is not None, kind))
    return out
