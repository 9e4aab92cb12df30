"""Serve: the report on 127.0.0.1 for the analyst at work, with live reload, and nothing else.

The server answers for the report's own files only, by name (``/``, ``/index.html``,
``/findings.json``, ``/estimates.csv``) and the reload stream: no other path maps to a
file, so no request can reach anything outside the report, and no folder is listed. It
answers only requests addressed to ``127.0.0.1:PORT`` or ``localhost:PORT``, so a web page
that rebinds its own host name to 127.0.0.1 cannot read the briefing either.

Any local user can connect, so the server's own resources are bounded: at most
``MOST_CONNECTIONS`` connections are served at once (more are turned away at once), at most
``MOST_STREAMS`` of them reload streams (a new one ends the oldest, which a browser then
opens again), a request's line and headers must all arrive within ``REQUEST_SECONDS`` and
come to at most ``HEAD_BYTES``, each file's answer is held once however many ask for it, and
running out of file descriptors pauses accepting instead of spinning on it.

What the served page gets on top of the briefing (the reload script, the problems of a
failed rebuild) and the reload streams' count of rebuilds are in ``live_reload.py``.
"""

from __future__ import annotations

import contextlib
import errno
import html
import io
import os
import re
import socket
import stat
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .live_reload import MOST_STREAMS as MOST_STREAMS
from .live_reload import RELOAD_PATH, Reloads, with_live_reload
from .timed_reader import HeadTooLarge, TimedReader

# The report's files, by the path they are served at, with their media types.
_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/findings.json": ("findings.json", "application/json"),
    "/estimates.csv": ("estimates.csv", "text/csv; charset=utf-8"),
    "/annotations.jsonld": ("annotations.jsonld", "application/ld+json"),
    "/briefing.stix.json": ("briefing.stix.json", "application/json"),
    "/sources.csl.json": ("sources.csl.json", "application/json"),
}
_PAGE_POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# For files that are not the page: nothing runs, nothing loads, nothing frames them.
_DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"
_IDLE_SECONDS = 15  # a connection that sends nothing for this long is closed
# Well under the usual limit of 1,024 descriptors, so that a rebuild always has its own.
MOST_CONNECTIONS = 48
# A request trickled in a byte at a time would otherwise hold its connection for ever.
REQUEST_SECONDS = 10
# A request's line and headers in all; a browser sends a few KB. Without it, 100 header
# lines of 64 KB each are allowed, several MB held per connection.
HEAD_BYTES = 128 * 1024
# Out of descriptors, the listening socket stays readable: accepting again at once spins.
_ACCEPT_PAUSE = 0.1
_OUT_OF_RESOURCES = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
_BUSY_TEXT = b"503 too many connections: try again in a moment\n"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\nRetry-After: 1\r\nConnection: close\r\n"
    b"X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
    b"Content-Security-Policy: %s\r\n\r\n%s" % (len(_BUSY_TEXT), _DATA_POLICY.encode(), _BUSY_TEXT)
)


def header_policy(page: bytes) -> str:
    """The page's own Content-Security-Policy, sent as a header too, where it can also
    forbid framing (a meta tag cannot)."""
    found = _PAGE_POLICY.search(page)
    policy = (
        html.unescape(found.group(1).decode("utf-8", "replace")) if found else "default-src 'none'"
    )
    return f"{policy}; frame-ancestors 'none'"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = _IDLE_SECONDS
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return "build-report"

    def setup(self) -> None:
        super().setup()
        self._reader = TimedReader(
            self.connection, self.timeout or _IDLE_SECONDS, REQUEST_SECONDS, HEAD_BYTES
        )
        self.rfile = io.BufferedReader(self._reader)

    def handle(self) -> None:
        # A client that goes away or falls silent is no news for the terminal.
        with contextlib.suppress(ConnectionError, TimeoutError, OSError):
            super().handle()

    def handle_one_request(self) -> None:
        # The time starts when the server waits for a request, so a connection that
        # trickles or says nothing at all is closed by then either way.
        self._reader.expect_request()
        try:
            super().handle_one_request()
        except HeadTooLarge:
            self._reader.request_in()
            self.connection.settimeout(self.timeout)
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large")

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        # The request is in: the answer is written under the idle timeout alone.
        self._reader.request_in()
        self.connection.settimeout(self.timeout)
        return parsed

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
        found = self.server.served(name)
        if found is None:
            self._refuse(HTTPStatus.NOT_FOUND, "no briefing built yet")
            return
        body, policy = found
        self._send(HTTPStatus.OK, media_type, body, policy, body_too)
        if name == "index.html" and body_too:
            self.server.page_sent()

    def _addressed_to_us(self) -> bool:
        given = self.headers.get_all("Host") or []
        if len(given) != 1:  # none, or several that could be read two ways
            self._refuse(HTTPStatus.BAD_REQUEST, "one Host header is needed")
            return False
        host = given[0].strip().lower()
        if host not in self.server.hosts:
            self._refuse(
                HTTPStatus.MISDIRECTED_REQUEST,
                f"this server answers for {self.server.hosts[0]} only",
            )
            return False
        return True

    def _refuse(self, status: HTTPStatus, why: str) -> None:
        self._send(
            status,
            "text/plain; charset=utf-8",
            f"{status.value} {why}\n".encode(),
            _DATA_POLICY,
            self.command != "HEAD",
        )

    def _send(
        self, status: HTTPStatus, media_type: str, body: bytes, policy: str, body_too: bool
    ) -> None:
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
        # Counted before the answer starts: a client that has its headers is following.
        with contextlib.closing(self.server.reloads.follow()) as rebuilds:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self._safety_headers(_DATA_POLICY)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            for rebuilt in rebuilds:
                # A comment line keeps the connection open; an event asks for a reload.
                self.wfile.write(b"data: reload\n\n" if rebuilt else b": waiting\n\n")
                self.wfile.flush()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Malformed requests (bad request lines, overlong headers) get the same plain,
        # header-guarded answer as everything else.
        self.close_connection = True
        self._send(
            HTTPStatus(code),
            "text/plain; charset=utf-8",
            f"{code} {message or ''}\n".encode(),
            _DATA_POLICY,
            getattr(self, "command", None) not in (None, "HEAD"),
        )

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for build problems


def _turn_away(connection: socket.socket) -> None:
    """Say "busy" without waiting on a client that does not read. What it has sent so far
    is read first: closing on unread bytes would reset the connection, and the client might
    lose the answer."""
    with contextlib.suppress(OSError):
        connection.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            connection.recv(65536)
        connection.send(_BUSY)


# What a served file's bytes were made from: the file's identity and time, and for the
# page, the problems laid over it.
_Version = tuple[int, int, int, int, tuple[str, ...]]


def _read_report_file(
    path: Path, known: _Version | None, problems: tuple[str, ...]
) -> tuple[_Version, bytes | None] | None:
    """A file of the report, if it is a regular file there (a link is not followed): its
    version, and its bytes unless that version is ``known``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        version = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, problems)
        return version, (None if version == known else f.read())


def _servable(name: str, body: bytes, problems: tuple[str, ...]) -> tuple[bytes, str]:
    """What is sent for a report file: its bytes and their Content-Security-Policy."""
    if name != "index.html":
        return body, _DATA_POLICY
    page = with_live_reload(body, list(problems))
    return page, header_policy(page)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The kernel's queue of connections not yet accepted: at socketserver's 5, a burst of
    # connections overflows it and the next one waits a second or more to be let in.
    request_queue_size = 128

    def __init__(self, folder: Path, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.folder = folder
        self.reloads = Reloads()
        self.problems: list[str] = []
        bound = self.server_address[1]
        self.hosts = (f"127.0.0.1:{bound}", f"localhost:{bound}")
        self._open: set[socket.socket] = set()  # the connections being served
        self._open_lock = threading.Lock()
        # One copy of each file's answer, shared by every connection that asks for it:
        # many slow readers of a large page hold it once, not once each.
        self._kept: dict[str, tuple[_Version, bytes, str]] = {}
        self._kept_lock = threading.Lock()
        # The rebuild (by its count) after which the page was last sent in full.
        self.page_sent_after = -1
        self._page_sent = threading.Condition()

    def page_sent(self) -> None:
        with self._page_sent:
            self.page_sent_after = self.reloads.generation
            self._page_sent.notify_all()

    def wait_page_sent(self, generation: int, seconds: float) -> bool:
        """Whether the page has been sent since rebuild ``generation``, waiting up to
        ``seconds`` for it."""
        with self._page_sent:
            return self._page_sent.wait_for(lambda: self.page_sent_after >= generation, seconds)

    def served(self, name: str) -> tuple[bytes, str] | None:
        """The answer for a report file, and its policy; None when there is no such file."""
        with self._kept_lock:
            problems = tuple(self.problems) if name == "index.html" else ()
            kept = self._kept.get(name)
            found = _read_report_file(self.folder / name, kept and kept[0], problems)
            if found is None:
                self._kept.pop(name, None)
                return None
            version, body = found
            if body is not None:  # new, or changed since it was kept
                self._kept[name] = (version, *_servable(name, body, problems))
            return self._kept[name][1:]

    def get_request(self) -> tuple[socket.socket, Any]:
        try:
            return super().get_request()
        except OSError as exc:
            if exc.errno in _OUT_OF_RESOURCES:
                time.sleep(_ACCEPT_PAUSE)
            raise  # the caller drops this attempt and waits for the next connection

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            full = len(self._open) >= MOST_CONNECTIONS
            if not full:
                self._open.add(request)
        if full:
            _turn_away(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._forget(request)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._forget(request)

    def _forget(self, request: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(request)

    @property
    def connections(self) -> int:
        """How many connections are being served now."""
        with self._open_lock:
            return len(self._open)

    def hang_up(self) -> None:
        """End every connection being served, so that stopping waits for none of them."""
        with self._open_lock:
            for connection in self._open:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        pass  # a request that breaks its connection is not the analyst's problem


class Server:
    """The running server: its address, and a way to tell pages to reload or to stop."""

    def __init__(self, folder: Path, port: int) -> None:
        self._http = _Server(folder, port)
        self.reloads = self._http.reloads
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    def wait_page_sent(self, generation: int, seconds: float) -> bool:
        """Whether an open page has fetched the briefing since rebuild ``generation``,
        waiting up to ``seconds`` for it."""
        return self._http.wait_page_sent(generation, seconds)

    def show_problems(self, lines: list[str]) -> None:
        """Lay these problems over the served page (an empty list takes them away)."""
        self._http.problems = list(lines)

    @property
    def connections(self) -> int:
        """How many connections are being served now."""
        return self._http.connections

    def stop(self) -> None:
        self.reloads.close()
        self._http.shutdown()
        self._http.hang_up()
        self._http.server_close()
