"""The product as users run it: `framing serve` (gunicorn) over HTTP, and the web page
driven in Debian's chromium by Playwright."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from framing.paths import PROJECT_ROOT

from .conftest import ARTICLE

CHROMIUM = "/usr/bin/chromium"
SCREENSHOT = PROJECT_ROOT / "reports" / "web-page.png"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture(scope="module")
def server(trained_model):
    """`framing serve` on a free port; stopped with SIGTERM afterwards."""
    port = _free_port()
    framing = Path(sys.executable).with_name("framing")
    process = subprocess.Popen(
        [str(framing), "serve", "--port", str(port), "--workers", "1", "--model",
         str(trained_model)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("FRAMING_")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if _get(base + "/readyz")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("framing serve did not start:\n" + (process.stdout.read() or ""))
        time.sleep(0.3)
    yield base
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=30)
    assert "gunicorn" in output.lower()


def test_serve_answers_over_http(server) -> None:
    request = urllib.request.Request(
        server + "/v1/classify", data=json.dumps({"text": ARTICLE}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Server"].lower().startswith("gunicorn")
        body = json.loads(response.read())
    assert len(body["paragraphs"]) == 8
    assert sum(p["boilerplate"] for p in body["paragraphs"]) == 5
    status, error = _get(server + "/v1/nothing")
    assert status == 404 and error["error"]["code"] == "not_found"


def test_web_page_in_chromium(server) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium: apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        external = []
        page.on("request", lambda r: None if r.url.startswith(server) else external.append(r.url))
        page.goto(server + "/")
        textarea = page.get_by_label("Article text")
        textarea.fill(ARTICLE)
        textarea.press("Control+Enter")  # the keyboard path, no mouse
        expect(page.locator("#status")).to_contain_text("8 paragraphs analysed", timeout=15000)
        paragraphs = page.locator("#paragraphs > li")
        expect(paragraphs).to_have_count(8)
        expect(page.locator("#paragraphs > li.boilerplate")).to_have_count(5)
        assert page.locator("#paragraphs mark").count() > 0  # evidence highlighted
        labels = _get(server + "/v1/model")[1]["manifest"]["labels"]
        expect(page.locator("#chart .bar-row")).to_have_count(len(labels))
        expect(page.locator("#dominant")).to_contain_text("Dominant frame:")
        first = paragraphs.first
        assert first.evaluate("e => getComputedStyle(e).borderLeftColor") != "rgba(0, 0, 0, 0)"
        page.get_by_role("button", name="Analyse").focus()
        assert page.evaluate("document.activeElement.id") == "analyse"
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
    assert external == []
