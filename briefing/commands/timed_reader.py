"""Timed reading: a request's bytes off a socket, with a deadline for the whole request
and a budget of bytes, so that a client trickling one byte at a time, or sending headers
without end, cannot hold a connection of the local server."""

from __future__ import annotations

import io
import math
import socket
import time
from typing import Any


class HeadTooLarge(Exception):
    """The request's line and headers ran past their budget of bytes."""


class TimedReader(io.RawIOBase):
    """The socket's bytes, with a deadline by which the request being read must be in
    (the idle timeout alone is renewed by every byte) and a budget of bytes for it."""

    def __init__(
        self, connection: socket.socket, idle: float, seconds: float, head_bytes: int
    ) -> None:
        super().__init__()
        self.connection = connection
        self.idle = idle
        self.seconds = seconds
        self.head_bytes = head_bytes
        self.deadline = math.inf
        self.budget = math.inf

    def expect_request(self) -> None:
        self.deadline = time.monotonic() + self.seconds
        self.budget = self.head_bytes

    def request_in(self) -> None:
        self.deadline = self.budget = math.inf

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request took too long to arrive")
        if self.budget <= 0:
            raise HeadTooLarge
        self.connection.settimeout(min(self.idle, left))
        got = self.connection.recv_into(buffer)
        self.budget -= got
        return got
