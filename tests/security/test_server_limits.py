"""Any local user can connect to the --watch server: however many connections they open,
however slowly they send, the analyst's page still answers and saves are still rebuilt."""

from __future__ import annotations

import errno
import http.client
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_watch import Watching, wait_for

from briefing.commands import serve
from conftest import SAMPLE_FINDINGS

Project = Callable[..., Path]


@pytest.fixture
def watching(project: Project, monkeypatch: pytest.MonkeyPatch) -> Iterator[Watching]:
    running = Watching(project(), monkeypatch)
    yield running
    running.close()
    assert running.code == 0


def _port(watching: Watching) -> int:
    return int(watching.url.rstrip("/").rsplit(":", 1)[1])


def _status(port: int, path: str = "/") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except (ConnectionError, TimeoutError, http.client.HTTPException):
        return 0  # turned away without an answer
    finally:
        connection.close()


def _start_and_stall(port: int) -> socket.socket:
    """A connection that starts a request and never finishes it."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Slow: " % port)
    return sock


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        while sock.recv(4096):
            pass
    except ConnectionResetError:
        pass
    except TimeoutError:
        return False
    return True


def test_connections_beyond_the_cap_are_turned_away_at_once(watching: Watching) -> None:
    port = _port(watching)
    started = time.monotonic()
    flood = [_start_and_stall(port) for _ in range(serve.MOST_CONNECTIONS + 8)]
    # Not held up in the kernel's queue either (where a browser's connection would wait).
    assert time.monotonic() - started < 2
    try:
        for sock in flood[serve.MOST_CONNECTIONS :]:
            sock.settimeout(5)
            assert sock.recv(64).startswith(b"HTTP/1.1 503 "), "an extra connection was held"
        assert _status(port) in (0, 503)  # the analyst's page is refused too, not left hanging
    finally:
        for sock in flood:
            sock.close()
    assert wait_for(lambda: _status(port) == 200, 10), "the page did not answer again"


def test_stalled_requests_are_dropped_so_the_page_answers_during_a_flood(
    watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacker keeps every connection open; the deadline still frees the places."""
    monkeypatch.setattr(serve, "REQUEST_SECONDS", 1)
    port = _port(watching)
    flood = [_start_and_stall(port) for _ in range(serve.MOST_CONNECTIONS + 8)]
    try:
        assert wait_for(lambda: _status(port) == 200, 10), "the page did not answer"
        watching.findings.write_text(
            SAMPLE_FINDINGS.replace("Turnout was **high**.", "Seen under a flood.")
        )
        assert wait_for(lambda: "Seen under a flood." in watching.written()), (
            "a save made during the flood was not rebuilt"
        )
    finally:
        for sock in flood:
            sock.close()


def test_a_request_trickled_in_byte_by_byte_is_cut_off_at_the_deadline(
    watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every byte renews the idle timeout; the total time for the headers does not."""
    monkeypatch.setattr(serve, "REQUEST_SECONDS", 1)
    sock = _start_and_stall(_port(watching))
    started = time.monotonic()
    try:
        for _ in range(40):  # 8 s of trickling, far past the deadline
            try:
                sock.sendall(b"x")
            except (BrokenPipeError, ConnectionResetError):
                break
            if _closed_by_server(sock, 0.2):
                break
        took = time.monotonic() - started
    finally:
        sock.close()
    assert took < 4, f"the trickled request was held for {took:.1f} s"


def test_a_new_reload_stream_beyond_the_cap_ends_the_oldest(watching: Watching) -> None:
    port = _port(watching)
    streams = []
    try:
        for _ in range(serve.MOST_STREAMS + 1):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /__reload HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
            assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
            streams.append(sock)
        assert _closed_by_server(streams[0], 5), "the oldest stream was kept"
        assert not _closed_by_server(streams[-1], 0.3), "the newest stream was ended"
        assert _status(port) == 200
    finally:
        for sock in streams:
            sock.close()


class _OutOfDescriptors:
    """A listening socket whose every accept fails as it does at the descriptor limit."""

    def __init__(self, real: socket.socket) -> None:
        self.real = real
        self.accepts = 0

    def accept(self) -> Any:
        self.accepts += 1
        raise OSError(errno.EMFILE, "Too many open files")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_running_out_of_descriptors_pauses_accepting_instead_of_spinning(tmp_path: Path) -> None:
    server = serve.Server(tmp_path, 0)
    listening = server._http.socket
    failing = _OutOfDescriptors(listening)
    server._http.socket = failing  # type: ignore[assignment]
    port = listening.getsockname()[1]
    waiting = socket.create_connection(("127.0.0.1", port), timeout=5)  # keeps it readable
    try:
        time.sleep(1)
        assert failing.accepts <= 20, f"{failing.accepts} accepts in one second"
        assert failing.accepts >= 1
    finally:
        waiting.close()
        stopper = threading.Thread(target=server.stop)
        stopper.start()
        stopper.join(5)


def test_a_request_with_megabytes_of_headers_is_refused(watching: Watching) -> None:
    """Each header line is within its limit; together they are far past any browser's."""
    port = _port(watching)
    line = b"X-Pad: " + b"a" * 60_000 + b"\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port)
        answer = b""
        try:
            for _ in range(90):
                sock.sendall(line)
            sock.sendall(b"\r\n")
            answer = sock.recv(64)
        except (BrokenPipeError, ConnectionResetError):
            pass  # cut off while sending: refused all the same
    assert not answer.startswith(b"HTTP/1.1 200"), "5 MB of headers were read and answered"
    assert _status(port) == 200


def test_a_report_file_is_read_once_per_version_however_many_ask(
    watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many slow readers of a large page share one copy of it."""
    reads: list[str] = []
    real = serve._servable

    def counted(name: str, body: bytes, problems: tuple[str, ...]) -> tuple[bytes, str]:
        reads.append(name)
        return real(name, body, problems)

    monkeypatch.setattr(serve, "_servable", counted)
    port = _port(watching)
    first = watching.page()
    assert all(watching.page() == first for _ in range(5))
    assert _status(port, "/findings.json") == _status(port, "/findings.json") == 200
    assert reads == ["index.html", "findings.json"]
    watching.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "New."))
    assert wait_for(lambda: "New." in watching.page())
    assert reads.count("index.html") == 2
