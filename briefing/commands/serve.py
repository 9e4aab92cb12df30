"""Serve: the report on 127.0.0.1 for the analyst at work, with live reload, and nothing else.

The server answers for the report's own files only, by name (``/``, ``/index.html``,
``/findings.json``, ``/estimates.csv``) and the reload stream: no other path maps to a
file, so no request can reach anything outside the report, and no folder is listed. It
answers only requests addressed to ``127.0.0.1:PORT`` or ``localhost:PORT``, so a web page
that rebinds its own host name to 127.0.0.1 cannot read the briefing either.

The briefing itself has no script. Only the page this server hands out gets one small
script, allowed by its hash, that waits on a server-sent event and reloads when a rebuild
has finished; when the last rebuild failed, the page also carries its problems on top.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import os
import re
import socket
import stat
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RELOAD_PATH = "/__reload"
_SCRIPT = f'new EventSource("{RELOAD_PATH}").onmessage = () => location.reload();'
_OVERLAY_CSS = (
    ".build-problems{position:fixed;inset:auto 1rem 1rem 1rem;z-index:10;max-height:60vh;"
    "overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#4a0000;"
    "border:3px solid #b00020;border-radius:.5rem;font:14px/1.5 ui-monospace,monospace;"
    "box-shadow:0 .5rem 2rem rgba(0,0,0,.35)}"
    ".build-problems h2{margin:0 0 .5rem;font:bold 16px/1.3 system-ui,sans-serif}"
    ".build-problems p{margin:.5rem 0 0;font:14px/1.4 system-ui,sans-serif}"
    ".build-problems ol{margin:0;padding-left:1.5rem}"
    ".build-problems li{white-space:pre-wrap;overflow-wrap:anywhere}")


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


_SCRIPT_HASH = _hash(_SCRIPT)
_OVERLAY_HASH = _hash(_OVERLAY_CSS)
# The report's files, by the path they are served at, with their media types.
_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
          "/index.html": ("index.html", "text/html; charset=utf-8"),
          "/findings.json": ("findings.json", "application/json"),
          "/estimates.csv": ("estimates.csv", "text/csv; charset=utf-8")}
_PAGE_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# For files that are not the page: nothing runs, nothing loads, nothing frames them.
_DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"
_IDLE_SECONDS = 15  # a connection that sends nothing for this long is closed
_PING_SECONDS = 10  # the reload stream says something at least this often


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


def with_live_reload(page: str, problems: list[str] | None = None) -> str:
    """The page with the reload script added and allowed, and the last rebuild's problems
    laid over it when there are any; for serving only."""
    policy = "default-src &#39;none&#39;;"
    allowed = (f"{policy} script-src &#39;sha256-{_SCRIPT_HASH}&#39;; "
               "connect-src &#39;self&#39;;")
    page = page.replace(policy, allowed, 1)
    extra = f"<script>{_SCRIPT}</script>\n"
    if problems:
        page = page.replace("style-src ", f"style-src &#39;sha256-{_OVERLAY_HASH}&#39; ", 1)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
        extra = (f"<style>{_OVERLAY_CSS}</style>\n"
                 '<aside class="build-problems" role="alert" aria-labelledby="build-problems-h">'
                 '<h2 id="build-problems-h">The last rebuild failed</h2>'
                 f"<ol>{items}</ol><p>The briefing below is the last good build; this note "
                 "goes when the findings build again.</p></aside>\n" + extra)
    return page.replace("</body>", extra + "</body>", 1)


def header_policy(page: str) -> str:
    """The page's own Content-Security-Policy, sent as a header too, where it can also
    forbid framing (a meta tag cannot)."""
    found = _PAGE_POLICY.search(page)
    policy = html.unescape(found.group(1)) if found else "default-src 'none'"
    return f"{policy}; frame-ancestors 'none'"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = _IDLE_SECONDS
    protocol_version = "HTTP/1.1"
    def version_string(self) -> str:
        return "build-report"

    def handle(self) -> None:
        # A client that goes away or falls silent is no news for the terminal.
        with contextlib.suppress(ConnectionError, TimeoutError, OSError):
            super().handle()

    def do_GET(self) -> None:
        self._answer(body_too=True)

    def do_HEAD(self) -> None:
        self._answer(body_too=False)

    def _answer(self, body_too: bool) -> None:
        if not self._addressed_to_us():
            return
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == RELOAD_PATH and body_too:
            self._stream_reloads()
            return
        if path not in _FILES:
            self._refuse(HTTPStatus.NOT_FOUND, "not part of the briefing")
            return
        name, media_type = _FILES[path]
        body = _read_report_file(self.server.folder / name)
        if body is None:
            self._refuse(HTTPStatus.NOT_FOUND, "no briefing built yet")
            return
        if name == "index.html":
            page = with_live_reload(body.decode("utf-8", "replace"), self.server.problems)
            body, policy = page.encode("utf-8"), header_policy(page)
        else:
            policy = _DATA_POLICY
        self._send(HTTPStatus.OK, media_type, body, policy, body_too)

    def _addressed_to_us(self) -> bool:
        given = self.headers.get_all("Host") or []
        if len(given) != 1:  # none, or several that could be read two ways
            self._refuse(HTTPStatus.BAD_REQUEST, "one Host header is needed")
            return False
        host = given[0].strip().lower()
        if host not in self.server.hosts:
            self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "this server answers for "
                         f"{self.server.hosts[0]} only")
            return False
        return True

    def _refuse(self, status: HTTPStatus, why: str) -> None:
        self._send(status, "text/plain; charset=utf-8", f"{status.value} {why}\n".encode(),
                   _DATA_POLICY, self.command != "HEAD")

    def _send(self, status: HTTPStatus, media_type: str, body: bytes, policy: str,
              body_too: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self._safety_headers(policy)
        self.end_headers()
        if body_too:
            self.wfile.write(body)

    def _safety_headers(self, policy: str) -> None:
        self.send_header("Content-Security-Policy", policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")

    def _stream_reloads(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self._safety_headers(_DATA_POLICY)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        reloads = self.server.reloads
        seen = reloads.generation
        while not reloads.closed:
            now = reloads.wait_past(seen, timeout=_PING_SECONDS)
            # A comment line keeps the connection open; an event asks for a reload.
            self.wfile.write(b"data: reload\n\n" if now != seen else b": waiting\n\n")
            self.wfile.flush()
            seen = now

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        # Malformed requests (bad request lines, overlong headers) get the same plain,
        # header-guarded answer as everything else.
        self.close_connection = True
        self._send(HTTPStatus(code), "text/plain; charset=utf-8",
                   f"{code} {message or ''}\n".encode(), _DATA_POLICY,
                   self.command not in (None, "HEAD"))

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for build problems


def _read_report_file(path: Path) -> bytes | None:
    """A file of the report, if it is a regular file there (a link is not followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        return f.read() if stat.S_ISREG(os.fstat(fd).st_mode) else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, folder: Path, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.folder = folder
        self.reloads = Reloads()
        self.problems: list[str] = []
        bound = self.server_address[1]
        self.hosts = (f"127.0.0.1:{bound}", f"localhost:{bound}")

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket],
                     client_address: Any) -> None:
        pass  # a request that breaks its connection is not the analyst's problem


class Server:
    """The running server: its address, and a way to tell pages to reload or to stop."""

    def __init__(self, folder: Path, port: int) -> None:
        self._http = _Server(folder, port)
        self.reloads = self._http.reloads
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    def show_problems(self, lines: list[str]) -> None:
        """Lay these problems over the served page (an empty list takes them away)."""
        self._http.problems = list(lines)

    def stop(self) -> None:
        self.reloads.close()
        self._http.shutdown()
        self._http.server_close()
