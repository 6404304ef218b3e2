"""Training, evaluation and classification as users run them through `framing`."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

from framing.store import load_model
from training import train as train_module
from training.cli import EXIT_DATA, EXIT_INTERRUPTED, EXIT_MODEL, EXIT_USAGE, main
from training.data import read_labeled_csv
from training.pipeline import CANDIDATES, build_pipeline
from training.train import splits, train

from .conftest import CUSTOM_LABELS


def run(*argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_train_writes_a_complete_model(trained_model, small_csv) -> None:
    manifest = load_model(trained_model).manifest
    data = read_labeled_csv(small_csv)
    assert manifest["labels"] == data.label_set
    assert manifest["training_data"]["rows"] == len(data)
    assert manifest["training_data"]["sha256"] == data.sha256
    assert manifest["cv"]["grouped_by"] == "event_id"
    cv = manifest["metrics"]["cv"]
    assert 0.3 < cv["macro_f1"] <= 1.0
    assert 0.0 <= cv["ece"] < 0.3 and 0.0 <= cv["brier"] < 1.0
    card = (trained_model / "MODEL_CARD.md").read_text()
    assert f"{cv['macro_f1']:.3f}" in card


def test_same_seed_same_metrics(small_csv, tmp_path) -> None:
    first = train(small_csv, tmp_path / "a", seed=7)
    second = train(small_csv, tmp_path / "b", seed=7)
    assert first["metrics"] == second["metrics"]
    assert first["artifact"]["sha256"] == second["artifact"]["sha256"]


def test_grouped_folds_never_share_an_event(small_csv) -> None:
    data = read_labeled_csv(small_csv)
    groups = np.asarray(data.groups)
    for train_idx, test_idx in splits(data, seed=0):
        assert not set(groups[train_idx]) & set(groups[test_idx])


def test_custom_label_set_trains_evaluates_and_classifies(custom_csv, tmp_path) -> None:
    model_dir = tmp_path / "custom"
    code, out, err = run("train", "--data", str(custom_csv), "--out", str(model_dir))
    assert code == 0, err
    assert load_model(model_dir).manifest["labels"] == sorted(set(CUSTOM_LABELS.values()))
    code, out, err = run("evaluate", "--model", str(model_dir), "--data", str(custom_csv),
                         "--out", str(tmp_path / "report"))
    assert code == 0, err
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    assert set(report["metrics"]["per_label"]) == set(CUSTOM_LABELS.values())
    article = tmp_path / "article.txt"
    article.write_text("Mourners gathered at the gates.\n\nBy Staff Reporter\n")
    code, out, err = run("classify", str(article), "--model", str(model_dir), "--format", "json")
    assert code == 0, err
    paragraphs = json.loads(out)["paragraphs"]
    # No "none" label here, so the byline goes to the model like any paragraph.
    assert [p["boilerplate"] for p in paragraphs] == [None, "byline"]
    assert [p["label"] for p in paragraphs] == ["human_cost", "other"]


def test_evaluate_writes_three_reports_with_plots(trained_model, small_csv, tmp_path) -> None:
    code, out, err = run("evaluate", "--model", str(trained_model), "--data", str(small_csv),
                         "--out", str(tmp_path))
    assert code == 0, err
    page = (tmp_path / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 3
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["misclassified_total"] == round(
        report["metrics"]["n"] * (1 - report["metrics"]["accuracy"])
    )
    for row in report["misclassified"]:
        assert row["label"] != row["predicted"]
        assert sum(row["scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert set(report["top_terms"]) == set(report["labels"])
    assert "## Confusion matrix" in (tmp_path / "report.md").read_text()


def test_evaluate_cv_reports_cross_validation(custom_csv, tmp_path) -> None:
    code, out, err = run("evaluate", "--cv", "--data", str(custom_csv), "--out", str(tmp_path))
    assert code == 0, err
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["title"].startswith("Cross-validation")
    assert report["metrics"]["n"] == len(read_labeled_csv(custom_csv))


def test_bad_data_exits_1_and_writes_nothing(tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nonly one row,a\n")
    code, out, err = run("train", "--data", str(bad), "--out", str(tmp_path / "model"))
    assert code == EXIT_DATA
    assert f"{bad}:" in err and "only one label" in err
    assert not (tmp_path / "model").exists()


def test_interrupted_training_keeps_the_old_model(trained_model, small_csv, monkeypatch,
                                                  tmp_path) -> None:
    before = (trained_model / "model.joblib").read_bytes()

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(train_module, "save_model", interrupt)
    code, out, err = run("train", "--data", str(small_csv), "--out", str(trained_model))
    assert code == EXIT_INTERRUPTED
    assert (trained_model / "model.joblib").read_bytes() == before
    load_model(trained_model)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["train"], EXIT_USAGE),
        (["no-such-command"], EXIT_USAGE),
        (["evaluate", "--cv", "--model", "m", "--data", "x.csv", "--out", "r"], EXIT_USAGE),
        (["train", "--data", "/nonexistent/data.csv", "--out", "m"], EXIT_DATA),
        (["classify", "/nonexistent/article.txt"], EXIT_DATA),
    ],
)
def test_exit_codes(argv, expected) -> None:
    assert run(*argv)[0] == expected


def test_missing_model_exits_3(small_csv, tmp_path) -> None:
    code, out, err = run("evaluate", "--model", str(tmp_path / "none"), "--data",
                         str(small_csv), "--out", str(tmp_path / "r"))
    assert code == EXIT_MODEL
    assert "no model at" in err


def test_classify_reads_stdin_and_scores_every_label(trained_model, monkeypatch) -> None:
    text = "Officials denied the claims.\n\nRescuers searched the rubble\nall night.\n"
    code, out, err = run("classify", "-", "--model", str(trained_model), "--format", "csv",
                         stdin=text, monkeypatch=monkeypatch)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["text"] for r in rows] == [
        "Officials denied the claims.", "Rescuers searched the rubble all night."
    ]
    labels = load_model(trained_model).labels
    for row in rows:
        assert sum(float(row[lab]) for lab in labels) == pytest.approx(1.0, abs=1e-3)
        assert row["label"] == max(labels, key=lambda lab: float(row[lab]))


def test_classify_refuses_empty_input(trained_model, monkeypatch) -> None:
    code, out, err = run("classify", "-", "--model", str(trained_model), stdin="  \n",
                         monkeypatch=monkeypatch)
    assert code == EXIT_DATA and "no text" in err


def test_build_pipeline_rejects_unknown_parameters() -> None:
    with pytest.raises(TypeError, match="gamma"):
        build_pipeline(gamma=1)
    for params in CANDIDATES.values():
        assert build_pipeline(**params).steps[-1][0] == "clf"
