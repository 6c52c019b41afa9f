#!/usr/bin/env python3
# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks an Odoo served behind the proxy (scripts/serve.sh): a user logs in through the
proxy, the web client's page loads from the HTTP workers, a websocket opens through the
proxy to the gevent process, and a notification the server sends to that user arrives on
it within seconds. Exits non-zero with the reason otherwise.

    check_serve.py --url http://127.0.0.1:18080 --db DB [--login admin --password admin]
"""

import argparse
import http.cookiejar
import json
import sys
import time
import urllib.request

import websocket


class Client:
    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            self.url + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            answer = json.load(response)
        if answer.get("error"):
            raise RuntimeError(f"{path}: {answer['error'].get('data', {}).get('message')}")
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        with self.opener.open(self.url + path, timeout=60) as response:
            return response.status, response.read()

    @property
    def session_id(self):
        return next(c.value for c in self.cookies if c.name == "session_id")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()

    client = Client(args.url, args.db)
    session = client.rpc(
        "/web/session/authenticate",
        {"db": args.db, "login": args.login, "password": args.password},
    )
    uid = session["uid"]
    status, page = client.get("/odoo")
    if status != 200 or b"odoo.__session_info__" not in page:
        sys.exit(f"the web client did not load through the proxy (HTTP {status})")
    print(f"logged in as {args.login} (uid {uid}); the web client loads through the proxy")

    ws_url = "ws" + client.url[len("http") :] + "/websocket"
    ws = websocket.create_connection(
        ws_url,
        cookie=f"session_id={client.session_id}",
        origin=client.url,
        timeout=args.timeout,
    )
    ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
    print(f"websocket open through the proxy: {ws_url}")

    # a change of the user's own settings is pushed to the user's partner channel
    settings = client.call(
        "res.users.settings", "search_read", [["user_id", "=", uid]], ["id"]
    ) or [{"id": client.call("res.users.settings", "create", {"user_id": uid})}]
    current = client.call(
        "res.users.settings", "read", [settings[0]["id"]], ["is_discuss_sidebar_category_chat_open"]
    )[0]["is_discuss_sidebar_category_chat_open"]
    sent = time.monotonic()
    client.call(
        "res.users.settings",
        "set_res_users_settings",
        [settings[0]["id"]],
        {"is_discuss_sidebar_category_chat_open": not current},
    )
    deadline = sent + args.timeout
    while time.monotonic() < deadline:
        ws.settimeout(max(deadline - time.monotonic(), 0.1))
        try:
            frame = ws.recv()
        except websocket.WebSocketTimeoutException:
            break
        if not frame:
            continue
        for notification in json.loads(frame):
            if notification.get("message", {}).get("type") == "res.users.settings":
                print(f"live notification received in {time.monotonic() - sent:.2f} s")
                ws.close()
                return 0
    ws.close()
    sys.exit(f"no live notification within {args.timeout:.0f} s over {ws_url}")


if __name__ == "__main__":
    sys.exit(main())
