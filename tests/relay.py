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


class StatusRelay:
    """An HTTP relay in front of a node that answers a request itself when ``answer(request_line, body)``
    gives a status (429, 503, 413, …), with an error body as the node would send; otherwise forwards it.
    The client sends one request at a time on a connection, so an answer never overtakes the node's."""

    REASONS = {413: ("content_too_long_exception", "request body is too large"),
               429: ("es_rejected_execution_exception", "rejected execution of bulk request (write queue full)"),
               503: ("cluster_block_exception", "blocked by: [SERVICE_UNAVAILABLE/2/no master]")}

    def __init__(self, target_port: int, answer: Callable[[str, bytes], int | None]):
        self.target_port, self.answer = target_port, answer
        self.answered: list[int] = []
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
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        import json
        import re

        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        threading.Thread(target=self._back, args=(upstream, client), daemon=True).start()
        buffer = b""
        try:
            while True:
                while b"\r\n\r\n" not in buffer:
                    if not (data := client.recv(65536)):
                        return
                    buffer += data
                head, _, rest = buffer.partition(b"\r\n\r\n")
                found = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                length = int(found.group(1)) if found else 0
                while len(rest) < length:
                    if not (data := client.recv(65536)):
                        return
                    rest += data
                body, buffer = rest[:length], rest[length:]
                status = self.answer(head.split(b"\r\n", 1)[0].decode("latin-1"), body)
                if status is None:
                    upstream.sendall(head + b"\r\n\r\n" + body)
                    continue
                self.answered.append(status)
                kind, reason = self.REASONS.get(status, ("exception", f"status {status}"))
                error = {"root_cause": [{"type": kind, "reason": reason}], "type": kind, "reason": reason}
                payload = json.dumps({"error": error, "status": status}).encode()
                client.sendall(f"HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n"
                               f"X-Elastic-Product: Elasticsearch\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
                               + payload)
        except OSError:
            pass
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    @staticmethod
    def _back(src, dst):
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self):
        self.server.close()
