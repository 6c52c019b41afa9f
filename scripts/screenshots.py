# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Takes the README's screenshots of the suite's main screens (backend and portal, as
the demo's zh_CN users) with headless Chromium, from a running server with the demo
data (``./scripts/start.sh``).

    python scripts/screenshots.py [--url http://localhost:8069] [--db property_demo]

Writes docs/screenshots/*.png; remake them after a change to what they show."""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DESKTOP = (1400, 900)
PHONE = (375, 812)
# file, login (password = login), page, size, what must be on the page when it is ready
SHOTS = (
    ("home.png", "assistant", "/odoo/property-home", DESKTOP, ".o_property_home .o_kanban_record"),
    ("requests.png", "assistant", "/odoo/property-requests", DESKTOP, ".o_list_renderer"),
    ("complaints.png", "supervisor", "/odoo/property-complaints", DESKTOP, ".o_list_renderer"),
    ("home-phone.png", "engineer", "/odoo/property-home", PHONE, ".o_kanban_record"),
    (
        "kpi-dashboard.png",
        "supervisor",
        "/odoo/action-property_kpi.action_property_kpi_dashboard",
        DESKTOP,
        ".o_spreadsheet_dashboard_action .o-grid",
    ),
    ("kpis.png", "supervisor", "/odoo/property-kpis", DESKTOP, ".o_list_renderer"),
    ("duty-calendar.png", "supervisor", "/odoo/property-duty-shifts", DESKTOP, ".o_calendar_view"),
    ("portal-home.png", "owner", "/my", PHONE, "#property_quick_actions"),
    ("portal-request.png", "owner", "/new/ticket?kind=repair", PHONE, "select[name=category]"),
    ("portal-invoices.png", "owner", "/my/invoices", PHONE, ".o_portal_my_doc_table, table"),
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self, binary):
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="property-shots-")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--lang=zh-CN",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                pages = requests.get(f"http://127.0.0.1:{self.port}/json/list", timeout=1).json()
                page = next(p for p in pages if p["type"] == "page")
                break
            except (requests.RequestException, StopIteration, ValueError):
                time.sleep(0.1)
        else:
            self.close()
            sys.exit("Chromium did not start.")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.call("Emulation.setTimezoneOverride", timezoneId="Asia/Shanghai")
        self.call("Emulation.setLocaleOverride", locale="zh-CN")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def session_id(url, db, login):
    response = requests.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": login}},
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error"):
        sys.exit(f"{login} cannot log in on {url} ({db}): is the demo database running?")
    return response.cookies["session_id"]


def shoot(browser, url, db, name, login, path, size, ready):
    width, height = size
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    browser.call("Network.enable")
    browser.call("Network.clearBrowserCookies")
    host = url.split("://", 1)[1].split("/", 1)[0].split(":")[0]
    browser.call(
        "Network.setCookie",
        name="session_id",
        value=session_id(url, db, login),
        domain=host,
        path="/",
    )
    browser.call("Page.navigate", url=f"{url}{path}")
    selector = json.dumps(ready)
    for _attempt in range(150):
        if browser.evaluate(
            f"document.readyState === 'complete' && !!document.querySelector({selector})"
        ):
            break
        time.sleep(0.2)
    else:
        where = browser.evaluate("location.href")
        shot = browser.call("Page.captureScreenshot", format="png")
        (OUT / f"failed-{name}").write_bytes(base64.b64decode(shot["data"]))
        sys.exit(f"{name}: {path} as {login} did not show {ready} (at {where}).")
    time.sleep(1.5)  # the web client's last renders and fonts
    shot = browser.call("Page.captureScreenshot", format="png")
    (OUT / name).write_bytes(base64.b64decode(shot["data"]))
    print(f"wrote docs/screenshots/{name} ({login}, {path}, {width}×{height})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="property_demo")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    browser = Browser(args.chromium)
    try:
        for name, login, path, size, ready in SHOTS:
            shoot(browser, args.url.rstrip("/"), args.db, name, login, path, size, ready)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
