"""Reading a file named on the command line: regular files only, and only up to a size cap.

``/dev/zero`` would be read without end, a FIFO would block the open until a writer comes, and a
directory is not input: each is a one-line InputFileError (exit 2) before any byte is read. The open is
non-blocking so that a FIFO is refused instead of waited for.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from conformance.errors import BadInput

MiB = 1024 * 1024


class InputFileError(BadInput):
    """The path is missing, not a regular file, too big, or unreadable; the message is one line."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them (a bigger file is an error)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot open: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputFileError(f"{path}: is a directory")
        raise InputFileError(f"{path}: not a regular file ({_kind(mode)})")
    with os.fdopen(fd, "rb") as file:  # buffered: read(n) loops until n bytes or end of file
        try:
            data = file.read(max_bytes + 1)  # a file that grew since fstat is still capped
        except OSError as exc:
            raise InputFileError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise InputFileError(f"{path}: larger than {max_bytes} bytes")
    return data


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "a special file")
