"""Take screenshots of the desk's main views into docs/screenshots/*.png.

    .venv/bin/python docs/screenshots/take.py [--store PATH]

Without ``--store`` it fills temporary stores with the tests' own small records
(tests/web/desk_corpus.py, and tests/web/desk_customary.py for the customary
view and the event page's sides). Uses the system Chromium (.ci/browser-deps.sh).
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
    sides: dict[str, str] = {}
    if args.store:
        url = args.store
        views["customary"] = "/customary?sender=kim-jong-un&recipient=xi-jinping&occasion=anniversary"
    else:
        sys.path.insert(0, str(REPO / "tests" / "web"))
        import desk_corpus
        import desk_customary

        url = str(Path(tempfile.mkdtemp(prefix="missive-shots-")) / "desk.db")
        info = desk_corpus.build(url)
        views["event"] = "/events/ev-kim-xi-2021"
        views["page"] = f"/pages/{info['pages']['kcna-2021-10-01.txt']}"
        views["event-phone"] = "/events/ev-kim-xi-2021"
        # The customary record: years sent, missing and late; reports from several sides.
        customary_url = str(Path(tempfile.mkdtemp(prefix="missive-shots-")) / "customary.db")
        desk_customary.build(customary_url)
        sides = {"customary": "/customary?sender=kim-jong-un&recipient=xi-jinping&occasion=anniversary",
                 "event-sides": "/events/cu-kim-xi-2019"}
    servers = [_serve(create_app(url))]
    if sides:
        servers.append(_serve(create_app(customary_url)))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            shots = [(servers[0][2], name, path) for name, path in views.items()]
            shots += [(servers[-1][2], name, path) for name, path in sides.items()]
            for port, name, path in shots:
                width = 390 if name.endswith("phone") else 1280
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"http://127.0.0.1:{port}{path}")
                out = HERE / f"{name}.png"
                page.screenshot(path=str(out), full_page=True)
                page.close()
                print(out.relative_to(REPO))
            browser.close()
    finally:
        for server, thread, _ in servers:
            server.should_exit = True
            thread.join(timeout=10)


def _serve(app: object) -> tuple[uvicorn.Server, threading.Thread, int]:
    """Start a uvicorn server for ``app`` on a free local port."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, port


if __name__ == "__main__":
    main()
