"""The respx backend: httpx requests to one base URL are answered in-process by the simulator.

respx is a test dependency, so it is imported only when this backend is used. Transport faults become the
httpx exceptions a real network would produce: refused -> ConnectError, hang -> ReadTimeout after the fault's
``seconds``; a held or delayed request whose backend exits gets ReadError.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ._records import HiveAddress

if TYPE_CHECKING:
    import httpx

    from ._simulator import HiveSimulator


@contextmanager
def respx_backend(sim: HiveSimulator, base_url: str) -> Iterator[HiveAddress]:
    import httpx
    import respx

    url = httpx.URL(base_url)
    if url.scheme != "http" or not url.host:
        raise ValueError(f"base_url must be http://host[:port], got {base_url!r}")
    address = HiveAddress(url.host, url.port or 80)
    session = sim.open_session()

    def side_effect(request: httpx.Request) -> httpx.Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        raw_path = request.url.raw_path.decode("ascii")
        outcome = sim.handle(session, request.method, raw_path, request.read(), headers)
        if outcome.kind == "refused":
            raise httpx.ConnectError("[hive simulator] connection refused", request=request)
        if outcome.kind == "hang":
            assert outcome.fault is not None
            sim.wait_stopped(session, outcome.fault.delay)
            raise httpx.ReadTimeout("[hive simulator] no answer (hang fault)", request=request)
        if outcome.kind == "aborted":
            raise httpx.ReadError("[hive simulator] backend stopped before answering", request=request)
        assert outcome.response is not None
        response = outcome.response
        return httpx.Response(response.status, content=response.body, headers={"content-type": response.content_type})

    try:
        with respx.mock(base_url=address.base_url, assert_all_called=False) as router:
            router.route().mock(side_effect=side_effect)
            yield address
    finally:
        sim.close_session(session)
