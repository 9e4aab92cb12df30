"""The --watch server serves the report's own files to this machine's browser, and nothing
else to anyone: no other file, no folder listing, no other Host, no framing, no noise."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands import watch as watch_module
from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]


class Served:
    """``build-report --watch`` running in a thread on a free port."""

    def __init__(self, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.port = 0
        real = watch_module.watch

        def watch(*args: object, **kwargs: object) -> int:
            def on_ready(url: str) -> None:
                self.port = int(url.rstrip("/").rsplit(":", 1)[1])
                self.ready.set()

            return real(*args, stop=self.stop, on_ready=on_ready, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(watch_module, "watch", watch)
        self.code: int | None = None
        self.thread = threading.Thread(target=self._run, args=(argv,), daemon=True)
        self.thread.start()

    def _run(self, argv: list[str]) -> None:
        self.code = main([*argv, "--watch", "--port", "0"])

    def get(
        self, path: str, host: str | None = None, method: str = "GET"
    ) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        if host != "":
            connection.putheader("Host", host or f"127.0.0.1:{self.port}")
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)


@pytest.fixture
def served(project: Project, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    running = Served(["--findings", str(project())], monkeypatch)
    assert running.ready.wait(10), "the server did not start"
    yield running
    running.close()
    assert running.code == 0


def test_only_the_reports_own_files_are_served(served: Served) -> None:
    from briefing.output.write import REPORT_FILES

    for path in ("/", *(f"/{name}" for name in REPORT_FILES)):
        assert served.get(path).status == 200, path
    for path in (
        "/etc/passwd",
        "/../findings.yaml",
        "/..%2ffindings.yaml",
        "/sources/",
        "/sources/news.txt",
        "//etc/passwd",
        "/%00",
        "/index.html%00.json",
        "/report/",
        "/.git/config",
    ):
        assert served.get(path).status == 404, path


def test_no_folder_is_ever_listed(served: Served) -> None:
    response = served.get("/?C=M;O=A")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert served.get("/./").status == 404


def test_a_request_for_another_host_is_refused(served: Served) -> None:
    assert served.get("/", host="evil.example").status == 421
    assert served.get("/", host=f"evil.example:{served.port}").status == 421
    assert served.get("/", host=f"127.0.0.1:{served.port + 1}").status == 421
    assert served.get("/", host="").status == 400
    assert served.get("/", host=f"localhost:{served.port}").status == 200


def test_every_answer_carries_the_safety_headers(served: Served) -> None:
    for path, host in (
        ("/", None),
        ("/findings.json", None),
        ("/nothing", None),
        ("/", "evil.example"),
    ):
        response = served.get(path, host=host)
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("X-Frame-Options") == "DENY", path
        assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy"), path
        assert response.getheader("Cache-Control") == "no-store", path


def test_the_page_policy_header_allows_the_reload_script_and_nothing_from_outside(
    served: Served,
) -> None:
    policy = served.get("/").getheader("Content-Security-Policy")
    assert policy.startswith("default-src 'none';")
    assert "script-src 'sha256-" in policy and "connect-src 'self'" in policy
    assert "http" not in policy


def test_a_non_report_out_folder_is_refused_before_anything_is_served(
    project: Project, tmp_path: Path, run: Callable[..., Run]
) -> None:
    findings = project(SAMPLE_FINDINGS.replace("reliability: C", "reliability: Z"))
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("secret")
    result = run("--findings", str(findings), "--out", str(home), "--watch", "--port", "0")
    assert result.code == 2
    assert "holds files a build does not write" in result.stderr
    assert (home / ".ssh" / "id_rsa").read_text() == "secret"


def test_an_idle_connection_is_closed(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.commands import serve

    monkeypatch.setattr(serve._Handler, "timeout", 1)
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")  # and then nothing
        started = time.monotonic()
        while sock.recv(1024):
            pass
        assert time.monotonic() - started < 10  # closed by the server, not by our timeout


def test_a_client_that_resets_its_connection_prints_nothing(
    served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    for _ in range(5):
        sock = socket.create_connection(("127.0.0.1", served.port), timeout=5)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.sendall(b"GET /__reload HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % served.port)
        sock.close()  # with linger 0: a reset
    garbage = socket.create_connection(("127.0.0.1", served.port), timeout=5)
    garbage.sendall(b"\x00\xff\r\n\r\n")
    garbage.recv(1024)
    garbage.close()
    time.sleep(0.3)
    assert capsys.readouterr().err == ""
    assert served.get("/").status == 200


def test_a_request_naming_two_hosts_is_refused(served: Served) -> None:
    ours = f"Host: 127.0.0.1:{served.port}\r\n".encode()
    for hosts in (ours + b"Host: evil.example\r\n", b"Host: evil.example\r\n" + ours):
        with socket.create_connection(("127.0.0.1", served.port), timeout=5) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\n" + hosts + b"\r\n")
            assert sock.recv(64).startswith(b"HTTP/1.1 400 "), hosts
