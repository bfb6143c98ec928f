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


def test_serve_starts_while_connections_of_a_stopped_server_linger(no_exec):
    with socket.socket() as listener:
        # As granian does: its connections then let a new listener bind over their TIME_WAIT.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        served, _ = listener.accept()
        served.close()  # the server side closes first, so its end waits in TIME_WAIT
        client.recv(1)
        client.close()
    call_command("serve", "--port", str(port), "--no-collectstatic")
    assert len(no_exec) == 1 and str(port) in no_exec[0]


def test_serve_runs_the_given_threads_per_worker(no_exec):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    call_command("serve", "--port", str(port), "--threads", "3", "--no-collectstatic")
    argv = no_exec[0]
    assert argv[argv.index("--blocking-threads") + 1] == "3"
