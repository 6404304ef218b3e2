"""Request latency of `framing serve` (gunicorn) for one article, over real HTTP.

    python benchmarks/latency.py [ARTICLE] [--calls 100] [--model DIR]

Starts `framing serve` on a free local port, then times CALLS requests of
POST /v1/classify with the article, and as a baseline in the same process CALLS requests
of GET /healthz (the cost of HTTP and Flask without the model). Prints the medians, the
90th percentiles and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from framing.paths import DEFAULT_MODEL_DIR, PROJECT_ROOT

DEMO = PROJECT_ROOT.parent / "shared" / "seed" / "crocus_article.txt"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _time(request: urllib.request.Request | str, calls: int) -> list[float]:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEMO)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args()
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("framing")), "serve", "--port", str(port),
         "--workers", "1", "--model", str(args.model)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/readyz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        text = args.article.read_text(encoding="utf-8")
        request = urllib.request.Request(
            base + "/v1/classify", data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        _time(request, 5)  # warm up
        classify = _time(request, args.calls)
        health = _time(base + "/healthz", args.calls)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name, t in (("POST /v1/classify", classify), ("GET /healthz (baseline)", health)):
        print(f"{name:<26} median {statistics.median(t):6.2f} ms   "
              f"p90 {statistics.quantiles(t, n=10)[-1]:6.2f} ms   ({len(t)} calls)")
    print(f"ratio of medians: x{statistics.median(classify) / statistics.median(health):.1f} "
          f"({args.article.name}, {len(text):,} characters)")


if __name__ == "__main__":
    main()
