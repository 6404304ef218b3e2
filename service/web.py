"""The web page: paste an article, see each paragraph's frame."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

bp = Blueprint("web", __name__)


@bp.get("/")
def index() -> Any:
    return render_template("index.html")
