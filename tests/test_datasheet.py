"""The datasheet's figures are the data's, not typed by hand."""

from framing.paths import DATASHEET_MD
from training.datasheet import render


def test_datasheet_is_generated_from_current_data() -> None:
    assert DATASHEET_MD.read_text(encoding="utf-8") == render(), (
        "training/data/README.md is stale: run python -m training.datasheet"
    )
