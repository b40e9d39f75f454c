"""A small HTTP server on 127.0.0.1 serving given files, or refusing them with a status."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FileServer:
    """`files` maps a path ("/db_29_0_text.zip") to bytes, or to an HTTP status to answer."""

    def __init__(self, files: dict[str, bytes | int]):
        self.files = files
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, body: bool) -> None:
                server.requests.append((self.command, self.path))
                found = server.files.get(self.path, 404)
                if isinstance(found, int):
                    self.send_error(found)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(found)))
                self.end_headers()
                if body:
                    self.wfile.write(found)

            def do_GET(self):
                self._answer(body=True)

            def do_HEAD(self):
                self._answer(body=False)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)

    def __enter__(self) -> FileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.http.shutdown()
        self.http.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}{path}"
