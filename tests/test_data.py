"""Bad training CSVs are refused with the file, the line, the column and the reason."""

from __future__ import annotations

import pytest

from training.data import TrainingDataError, read_labeled_csv

FOUR_ROWS = "".join(f'"Paragraph {i} with some words",{"ab"[i % 2]}\n' for i in range(4))


def _write(tmp_path, content, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


@pytest.mark.parametrize(
    ("content", "line", "column", "reason"),
    [
        ("text,label\n", None, None, "no data rows"),
        ("", None, None, "empty file"),
        ("text,category\nhello,a\n", 1, "label", "missing required column"),
        ("body,label\nhello,a\n", 1, "text", "missing required column"),
        ("text,label,label\nx,a,a\n", 1, "label", "more than once"),
        ("text,label\n" + FOUR_ROWS + '"   ",a\n', 6, "text", "empty text"),
        ("text,label\n" + FOUR_ROWS + "some text,\n", 6, "label", "empty label"),
        ("text,label\nfine,a\nan extra,a,field\n", 3, None, "expected 2 fields"),
        ('text,label\nfine,a\n"never closed,a\nmore,b\n', 3, None, "malformed CSV"),
        ("text,label\n" + "x1,a\nx2,a\nx3,a\nx4,a\nx5,a\ny1,b\ny2,b\n", 7, "label",
         "label 'b' has 2 row(s)"),
        ("text,label\n" + "".join(f"t{i},only\n" for i in range(10)), None, "label",
         "only one label"),
        ("text,label,secondary\n" + "".join(f"t{i},{'ab'[i % 2]},\n" for i in range(12))
         + "t,a,zzz\n", 14, "secondary", "unknown secondary label 'zzz'"),
        ("text,label,group\n" + "".join(f"t{i},{'ab'[i % 2]},g{i % 3}\n" for i in range(20)),
         None, "group", "3 distinct groups"),
    ],
)
def test_bad_csv_is_refused_with_place_and_reason(tmp_path, content, line, column, reason):
    path = _write(tmp_path, content)
    with pytest.raises(TrainingDataError) as caught:
        read_labeled_csv(path)
    error = caught.value
    assert reason in error.reason
    assert error.line == line
    assert error.column == column
    assert str(path) in str(error)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(TrainingDataError, match="file not found"):
        read_labeled_csv(tmp_path / "absent.csv")


def test_binary_file(tmp_path) -> None:
    path = _write(tmp_path, b"PK\x03\x04\x00\x00binary zip data", name="data.xlsx")
    with pytest.raises(TrainingDataError, match="binary file"):
        read_labeled_csv(path)


def test_wrong_encoding_names_the_line(tmp_path) -> None:
    path = _write(tmp_path, "text,label\nfine,a\nCaf\u00e9 blast,b\n", encoding="latin-1")
    with pytest.raises(TrainingDataError) as caught:
        read_labeled_csv(path)
    assert caught.value.line == 3
    assert "not UTF-8" in caught.value.reason


def test_good_csv_with_multiline_field_bom_and_extra_columns(tmp_path) -> None:
    content = "\ufeffid,text,label,event_id,notes\n" + "".join(
        f'r{i},"line one\nline two {i}",{"ab"[i % 2]},ev{i % 5},ignored\n' for i in range(20)
    )
    data = read_labeled_csv(_write(tmp_path, content))
    assert len(data) == 20
    assert data.texts[0] == "line one\nline two 0"
    assert data.label_set == ["a", "b"]
    assert data.group_column == "event_id"
    assert data.ids[:2] == ["r0", "r1"]


def test_line_numbers_count_multiline_records(tmp_path) -> None:
    content = 'text,label\n"two\nlines",a\n"",b\n'
    with pytest.raises(TrainingDataError) as caught:
        read_labeled_csv(_write(tmp_path, content))
    assert caught.value.line == 4
