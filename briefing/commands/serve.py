"""Serve: the report folder on 127.0.0.1, with live reload for the analyst at work.

The briefing itself has no script. Only the page this server hands out gets one small
script, allowed by its hash in the page's Content-Security-Policy, that waits on a
server-sent event and reloads when a rebuild has finished.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RELOAD_PATH = "/__reload"
_SCRIPT = f'new EventSource("{RELOAD_PATH}").onmessage = () => location.reload();'
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()


class Reloads:
    """Counts finished rebuilds; reload streams wait for the count to move."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0
        self.closed = False

    def notify(self) -> None:
        with self._changed:
            self.generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait_past(self, generation: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.generation != generation or self.closed,
                                   timeout)
            return self.generation


def with_live_reload(html: str) -> str:
    """The page with the reload script added and allowed, for serving only."""
    policy = "default-src &#39;none&#39;;"
    allowed = (f"{policy} script-src &#39;sha256-{_SCRIPT_HASH}&#39;; "
               "connect-src &#39;self&#39;;")
    return html.replace(policy, allowed, 1).replace(
        "</body>", f"<script>{_SCRIPT}</script>\n</body>", 1)


class _Handler(SimpleHTTPRequestHandler):
    reloads: Reloads

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == RELOAD_PATH:
            self._stream_reloads()
        elif path in ("/", "/index.html"):
            self._send_page()
        else:
            super().do_GET()

    def do_HEAD(self) -> None:
        if self.path.split("?", 1)[0] in ("/", "/index.html"):
            self._send_page(body_too=False)  # the same headers as the page a GET gets
        else:
            super().do_HEAD()

    def _send_page(self, body_too: bool = True) -> None:
        try:
            html = (Path(self.directory) / "index.html").read_text(encoding="utf-8")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "no briefing built yet")
            return
        body = with_live_reload(html).encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body_too:
            self.wfile.write(body)

    def _stream_reloads(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.reloads.generation
        try:
            while not self.reloads.closed:
                now = self.reloads.wait_past(seen, timeout=15)
                # A comment line keeps the connection open; an event asks for a reload.
                self.wfile.write(b"data: reload\n\n" if now != seen else b": waiting\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for build problems


class Server:
    """The running server: its address, and a way to tell pages to reload or to stop."""

    def __init__(self, folder: Path, port: int) -> None:
        self.reloads = Reloads()
        handler = partial(type("Handler", (_Handler,), {"reloads": self.reloads}),
                          directory=str(folder))
        self._http = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.reloads.close()
        self._http.shutdown()
        self._http.server_close()
