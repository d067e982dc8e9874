"""A client that hangs up before its answer (a host dropping a future) leaves no traceback on stderr.

The runner prints progress on stderr; stray socketserver tracebacks from the loopback hive would drown it.
Other server errors must still be reported.
"""

from __future__ import annotations

import socket
import struct

from conformance.hive import HiveSimulator, Scenario
from conformance.hive._loopback import _Server
from tests.hive.conftest import RAW_CONFIG_REQUEST, RUN_1


def test_client_reset_before_the_answer_prints_nothing(capsys):
    sim = HiveSimulator(Scenario.from_dict({"runs": [RUN_1], "faults": {"config": {"kind": "hold"}}}))
    with sim.loopback_server() as address:
        client = socket.create_connection((address.host, address.port))
        client.sendall(RAW_CONFIG_REQUEST)
        sim.wait_for_held("config", timeout=5.0)
        # SO_LINGER 0: close with a reset, so the server's write of the held answer fails
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        assert sim.release("config") == 1
    assert len(sim.requests_for("config")) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_other_server_errors_are_still_reported(capsys):
    server = _Server.__new__(_Server)  # the default report needs no bound socket
    try:
        raise ValueError("a bug in the simulator")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert "a bug in the simulator" in capsys.readouterr().err
