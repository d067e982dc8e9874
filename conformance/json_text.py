"""Strict JSON text: the one grammar meant wherever this project says a string "must be JSON".

RFC 8259 JSON: Python's extensions NaN, Infinity and -Infinity are not JSON. Arrays and objects may nest at
most MAX_DEPTH levels: json.loads recurses once per level, so a valid but deeply nested text (a million
``[``) would otherwise end in RecursionError, and 128 is serde_json's default limit, so a text accepted
here is one a Rust hive or guest can parse too. The depth is measured before parsing, in linear time.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from conformance.errors import BadInput

MAX_DEPTH = 128
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 and -1 as signed bytes
_NOT_BRACKET = bytes(set(range(256)) - set(b"[]{}"))


class JsonTextError(BadInput):
    """Not strict JSON, or nested deeper than allowed; the message says which (one line)."""


_CHUNK = 1 << 14  # brackets summed per step of nests_deeper's scan


def _steps(text: str) -> memoryview:
    """+1 per opening and -1 per closing bracket outside strings, as signed bytes."""
    return memoryview(_STRING.sub("", text).encode("utf-8", "surrogatepass").translate(_STEP, _NOT_BRACKET)).cast("b")


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (brackets inside strings do not count)."""
    return max(0, max(accumulate(_steps(text)), default=0))


def nests_deeper(text: str, limit: int) -> bool:
    """Whether ``text`` nests deeper than ``limit``: `nesting_depth(text) > limit`, but a scan in chunks
    that stops at the first chunk going deeper, so a hostile text of a million ``[`` costs microseconds
    rather than a full pass (a host checks every config a guest sends)."""
    steps, depth = _steps(text), 0
    for start in range(0, len(steps), _CHUNK):
        sums = list(accumulate(steps[start : start + _CHUNK], initial=depth))
        if max(sums) > limit:
            return True
        depth = sums[-1]
    return False


def _reject_constant(name: str) -> Any:
    raise JsonTextError(f"{name} is not JSON")


def loads_strict(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """Parse RFC 8259 JSON nested at most ``max_depth`` levels; JsonTextError (one line) otherwise."""
    if isinstance(text, bytes | bytearray):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonTextError(f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    # a text with at most max_depth opening brackets cannot nest deeper: skip the scan
    if text.count("[") + text.count("{") > max_depth and nests_deeper(text, max_depth):
        raise JsonTextError(f"arrays and objects nested deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except JsonTextError:
        raise
    except json.JSONDecodeError as exc:
        raise JsonTextError(f"not JSON: {exc}") from None
    except RecursionError:  # not reachable within MAX_DEPTH; kept so no input can escape as a crash
        raise JsonTextError("arrays and objects nested deeper than this process can parse") from None
