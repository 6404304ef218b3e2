"""The five frames of the default codebook (docs/codebook.md is the full text)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """One label of the codebook."""

    name: str
    title: str
    definition: str


FRAMES: tuple[Frame, ...] = (
    Frame(
        "official_denial",
        "Official denial",
        "An official actor (government, police, military, agency, company, party, armed "
        "group) denies, rejects, dismisses, downplays or deflects: claims called baseless, "
        "'no evidence', refusing to answer, rejecting responsibility, insisting everything "
        "was handled properly.",
    ),
    Frame(
        "blame_attribution",
        "Blame attribution",
        "Responsibility or cause is assigned to an actor: claims of responsibility, "
        "accusations against a state, group or person, suspects named, charged or "
        "convicted, negligence attributed, counter-accusations.",
    ),
    Frame(
        "security_failure",
        "Security failure",
        "The event is framed as a failure to prevent, protect or respond: missed "
        "warnings, intelligence lapses, security gaps, skipped inspections, a slow or "
        "botched response, inquiries and resignations over failures.",
    ),
    Frame(
        "humanitarian",
        "Humanitarian",
        "The human cost and care for people: the dead and injured as the focus, victims' "
        "and survivors' stories, grief, memorials, rescue, hospitals, aid, the displaced.",
    ),
    Frame(
        "none",
        "No frame",
        "Bylines, datelines, captions and credits, related-article lines, URLs and other "
        "page furniture; background, chronology and procedural facts without a frame.",
    ),
)

LABELS: tuple[str, ...] = tuple(f.name for f in FRAMES)
NO_FRAME = "none"
