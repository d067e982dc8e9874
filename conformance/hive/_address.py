"""Addresses for tests that need a hive that is not there."""

from __future__ import annotations

import socket

from ._records import HiveAddress


def closed_address() -> HiveAddress:
    """A 127.0.0.1 port with nothing listening (bound, then closed): connecting to it is refused.

    Another process could take the port in between; on a test machine that is rare enough to ignore.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return HiveAddress("127.0.0.1", port)
