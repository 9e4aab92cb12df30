"""Live reload: what the served page gets on top of the briefing, and the count of
rebuilds its reload streams follow.

The briefing has no script. The page the server hands out gets one small script, allowed by
its hash, that waits on a server-sent event at ``RELOAD_PATH`` and reloads when a rebuild
has finished; after a failed rebuild, the page also carries its problems on top, in a
style allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import threading
from collections.abc import Iterator

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
    ".build-problems li{white-space:pre-wrap;overflow-wrap:anywhere}"
)


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


_SCRIPT_HASH = _hash(_SCRIPT)
_OVERLAY_HASH = _hash(_OVERLAY_CSS)
_OVERLAY_SOURCE = f"&#39;sha256-{_OVERLAY_HASH}&#39; "  # put first in the page's style-src
_PING_SECONDS = 10  # the reload stream says something at least this often
MOST_STREAMS = 16  # about as many browser tabs as an analyst keeps on one briefing


class Reloads:
    """Counts finished rebuilds; reload streams wait for the count to move. At most
    ``most_streams`` streams follow it at once: a new one ends the oldest."""

    def __init__(self, most_streams: int = MOST_STREAMS) -> None:
        self._changed = threading.Condition()
        self.generation = 0
        self.closed = False
        self._streams: list[object] = []  # the streams following, oldest first
        self._most_streams = most_streams

    def notify(self) -> None:
        with self._changed:
            self.generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def follow(self) -> Following:
        """One reload stream, counted from this call, so that streams are ended oldest
        first in the order they were asked for."""
        me = object()
        with self._changed:
            self._streams.append(me)
            if len(self._streams) > self._most_streams:
                del self._streams[0]
                self._changed.notify_all()
            return Following(self, me, self.generation)

    def _leave(self, stream: object) -> None:
        with self._changed:
            if stream in self._streams:
                self._streams.remove(stream)

    def _next(self, stream: object, seen: int) -> int | None:
        """The generation after ``seen``, or ``seen`` again after a quiet while; None
        once this stream is to end."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.generation != seen or self.closed or stream not in self._streams,
                _PING_SECONDS,
            )
            if self.closed or stream not in self._streams:
                return None
            return self.generation

    @property
    def streams(self) -> int:
        """How many reload streams are following now."""
        with self._changed:
            return len(self._streams)


class Following:
    """One stream's view of the rebuilds: iterated, True when a rebuild has finished,
    False after ``_PING_SECONDS`` of quiet, until the server stops or a newer stream needs
    its place; ``close`` gives its place up, whether or not it was iterated."""

    def __init__(self, reloads: Reloads, me: object, seen: int) -> None:
        self._reloads, self._me, self._seen = reloads, me, seen

    def __iter__(self) -> Iterator[bool]:
        while (now := self._reloads._next(self._me, self._seen)) is not None:
            yield now != self._seen
            self._seen = now

    def close(self) -> None:
        self._reloads._leave(self._me)


def with_live_reload(page: bytes, problems: list[str] | None = None) -> bytes:
    """The page with the reload script added and allowed, and the last rebuild's problems
    laid over it when there are any; for serving only. Worked on as bytes and copied once:
    everything looked for and added is ASCII or encoded, and a page of tens of megabytes
    is served again after every rebuild."""
    policy = b"default-src &#39;none&#39;;"
    allowed = f" script-src &#39;sha256-{_SCRIPT_HASH}&#39;; connect-src &#39;self&#39;;"
    edits = [(_after(page, policy), allowed)]
    extra = f"<script>{_SCRIPT}</script>\n"
    if problems:
        edits.append((_after(page, b"style-src "), _OVERLAY_SOURCE))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
        extra = (
            f"<style>{_OVERLAY_CSS}</style>\n"
            '<aside class="build-problems" role="alert" aria-labelledby="build-problems-h">'
            '<h2 id="build-problems-h">The last rebuild failed</h2>'
            f"<ol>{items}</ol><p>The briefing below is the last good build; this note "
            "goes when the findings build again.</p></aside>\n" + extra
        )
    # The closing tag is the page's last: looked for from the end, not after megabytes.
    edits.append((page.rfind(b"</body>"), extra))
    return _inserted(page, edits)


def _after(page: bytes, text: bytes) -> int:
    """Where the first ``text`` in the page ends; -1 when there is none."""
    at = page.find(text)
    return at + len(text) if at >= 0 else -1


def _inserted(page: bytes, edits: list[tuple[int, str]]) -> bytes:
    """The page with each text inserted at its offset (-1: not found, left out)."""
    view, done = memoryview(page), 0
    pieces: list[bytes | memoryview] = []
    for at, text in sorted(edit for edit in edits if edit[0] >= 0):
        pieces += [view[done:at], text.encode("utf-8")]
        done = at
    pieces.append(view[done:])
    return b"".join(pieces)
