"""A TCP relay in front of an Elasticsearch node that acts when the ``nth`` bulk request passes through it,
so a loss lands mid-run at the same point on a fast or a slow machine (no timer to race)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
from collections.abc import Callable


class BulkRelay:
    def __init__(self, target_port: int, nth: int, action: Callable[[], None], cut: bool = False):
        """``action`` runs once, before the ``nth`` bulk is forwarded; with ``cut`` the relay then stops
        forwarding anything (the node behind it is gone for the client)."""
        self.target_port, self.nth, self.action, self.cut = target_port, nth, action, cut
        self.bulks, self.fired = 0, False
        self.lock = threading.Lock()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src, dst, from_client):
        tail = b""
        try:
            while data := src.recv(65536):
                if from_client:
                    window = tail + data
                    with self.lock:
                        self.bulks += window.count(b" /_bulk") - tail.count(b" /_bulk")
                        if self.bulks >= self.nth and not self.fired:
                            self.action()
                            self.fired = True
                        if self.fired and self.cut:
                            return
                    tail = window[-16:]
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self):
        self.server.close()


def kill_pid_file(pid_file) -> Callable[[], None]:
    """An action: SIGKILL the process whose pid the file holds, as a crashed machine would go."""
    return lambda: os.kill(int(pid_file.read_text()), signal.SIGKILL)
