import socket

import pytest
from django.core.management import CommandError, call_command


@pytest.fixture
def no_exec(monkeypatch):
    """Starting granian would replace the test process; record the call instead."""
    started = []
    monkeypatch.setattr("os.execv", lambda path, argv: started.append(argv))
    return started


def test_serve_refuses_a_port_another_server_listens_on(no_exec):
    with socket.socket() as occupant:
        # granian listens with SO_REUSEPORT; so does this stand-in for a first `medsocial serve`.
        occupant.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        occupant.bind(("127.0.0.1", 0))
        occupant.listen()
        port = occupant.getsockname()[1]
        with pytest.raises(CommandError, match=f"Port {port} on 127.0.0.1 is already in use"):
            call_command("serve", "--port", str(port), "--no-collectstatic")
    assert no_exec == []


def test_serve_starts_granian_on_a_free_port(no_exec):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    call_command("serve", "--port", str(port), "--no-collectstatic")
    assert len(no_exec) == 1 and str(port) in no_exec[0]
