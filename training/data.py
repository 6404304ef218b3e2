"""Load a user's labeled CSV for training or evaluation, refusing bad input clearly.

Required columns: ``text`` and ``label``. Optional: ``id``, ``group`` or ``event_id``
(kept together in cross-validation folds) and ``secondary`` (``;``-separated labels).
Other columns are ignored. Every error names the file, the line and the column.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED = ("text", "label")
GROUP_COLUMNS = ("group", "event_id")
BINARY_SNIFF = 8192


class TrainingDataError(ValueError):
    """A labeled CSV that cannot be used, with where and why."""

    def __init__(
        self, path: Path | str, reason: str, line: int | None = None, column: str | None = None
    ) -> None:
        self.path, self.reason, self.line, self.column = str(path), reason, line, column
        where = self.path + (f":{line}" if line else "")
        super().__init__(f"{where}: " + (f"column '{column}': " if column else "") + reason)


@dataclass
class LabeledData:
    """Texts and labels read from one CSV file."""

    path: Path
    sha256: str
    texts: list[str]
    labels: list[str]
    ids: list[str]
    groups: list[str] | None = None
    group_column: str | None = None
    secondary: list[list[str]] = field(default_factory=list)

    @property
    def label_set(self) -> list[str]:
        return sorted(set(self.labels))

    def __len__(self) -> int:
        return len(self.texts)


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:BINARY_SNIFF]:
        raise TrainingDataError(path, "binary file, expected CSV text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TrainingDataError(
            path,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            line=line,
        ) from exc


def read_labeled_csv(path: Path | str, *, min_per_label: int = 5, folds: int = 5) -> LabeledData:
    """Read and check a labeled CSV; raise ``TrainingDataError`` on the first problem.

    ``min_per_label`` rows are needed of each label, and with a grouping column at least
    ``folds`` distinct groups, so that grouped cross-validation can test every label.
    Pass ``min_per_label=1, folds=0`` to read an evaluation set.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise TrainingDataError(path, "file not found") from exc
    except IsADirectoryError as exc:
        raise TrainingDataError(path, "is a directory, expected a CSV file") from exc
    text = _decode(path, raw)
    if not text.strip():
        raise TrainingDataError(path, "empty file, expected a header row with text,label")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise TrainingDataError(path, f"malformed CSV header: {exc}", line=1) from exc
    for name in REQUIRED:
        if name not in header:
            raise TrainingDataError(
                path, f"missing required column (found: {', '.join(header)})", 1, name
            )
    duplicated = [h for h, n in Counter(header).items() if n > 1 and h]
    if duplicated:
        raise TrainingDataError(path, "column appears more than once", 1, duplicated[0])
    col = {name: header.index(name) for name in header}
    group_column = next((g for g in GROUP_COLUMNS if g in col), None)

    texts, labels, ids, groups, secondary, lines = [], [], [], [], [], []
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise TrainingDataError(path, f"malformed CSV: {exc}", line=line) from exc
        if not any(field.strip() for field in record):
            continue
        if len(record) != len(header):
            raise TrainingDataError(
                path, f"expected {len(header)} fields as in the header, found {len(record)}",
                line=line,
            )
        value = record[col["text"]].strip()
        if not value:
            raise TrainingDataError(path, "empty text", line, "text")
        label = record[col["label"]].strip()
        if not label:
            raise TrainingDataError(path, "empty label", line, "label")
        texts.append(value)
        labels.append(label)
        lines.append(line)
        ids.append(record[col["id"]].strip() if "id" in col else str(len(ids) + 1))
        if group_column:
            group = record[col[group_column]].strip()
            if not group:
                raise TrainingDataError(path, "empty group", line, group_column)
            groups.append(group)
        sec = record[col["secondary"]] if "secondary" in col else ""
        secondary.append([s.strip() for s in sec.split(";") if s.strip()])

    if not texts:
        raise TrainingDataError(path, "no data rows after the header")
    counts = Counter(labels)
    if len(counts) < 2 and min_per_label > 1:
        raise TrainingDataError(
            path, f"only one label ({labels[0]!r}): a classifier needs at least two", None,
            "label",
        )
    for label, n in sorted(counts.items()):
        if n < min_per_label:
            first = lines[labels.index(label)]
            raise TrainingDataError(
                path,
                f"label {label!r} has {n} row(s); each label needs at least {min_per_label} "
                "to be learned and tested",
                first, "label",
            )
    for i, sec in enumerate(secondary):
        for s in sec:
            if s not in counts:
                raise TrainingDataError(
                    path, f"unknown secondary label {s!r} (labels: {', '.join(sorted(counts))})",
                    lines[i], "secondary",
                )
    if group_column and folds and len(set(groups)) < folds:
        raise TrainingDataError(
            path,
            f"{len(set(groups))} distinct groups; grouped {folds}-fold cross-validation needs "
            f"at least {folds}",
            None, group_column,
        )
    return LabeledData(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        texts=texts,
        labels=labels,
        ids=ids,
        groups=groups if group_column else None,
        group_column=group_column,
        secondary=secondary,
    )
