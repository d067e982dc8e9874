"""Addresses for tests that need a hive that is not there."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

from ._records import HiveAddress


@contextmanager
def closed_address() -> Iterator[HiveAddress]:
    """A 127.0.0.1 port with nothing listening, for as long as the block runs: connecting is refused.

    The port stays bound (never listening) until the block exits: closing it first would let another
    process (a parallel test's server on an ephemeral port) take it, and the connection would be accepted.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield HiveAddress("127.0.0.1", sock.getsockname()[1])
