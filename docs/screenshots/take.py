"""Take screenshots of the desk's main views into docs/screenshots/*.png.

    .venv/bin/python docs/screenshots/take.py [--store PATH]

Without ``--store`` it fills a temporary store with the tests' own small record
(tests/web/desk_corpus.py). Uses the system Chromium (.ci/browser-deps.sh).
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="an existing store to show (default: the tests' record)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from missive.web import create_app

    views = {"timeline": "/", "actor": "/actors/kim-jong-un"}
    if args.store:
        url = args.store
    else:
        sys.path.insert(0, str(REPO / "tests" / "web"))
        import desk_corpus

        url = str(Path(tempfile.mkdtemp(prefix="missive-shots-")) / "desk.db")
        info = desk_corpus.build(url)
        views["event"] = "/events/ev-kim-xi-2021"
        views["page"] = f"/pages/{info['pages']['kcna-2021-10-01.txt']}"
        views["event-phone"] = "/events/ev-kim-xi-2021"
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            for name, path in views.items():
                width = 390 if name.endswith("phone") else 1280
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"http://127.0.0.1:{port}{path}")
                out = HERE / f"{name}.png"
                page.screenshot(path=str(out), full_page=True)
                page.close()
                print(out.relative_to(REPO))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
