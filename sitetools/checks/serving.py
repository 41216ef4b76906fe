"""A local static server that gzips text, as a production host does."""

from __future__ import annotations

import gzip
import http.server
import threading
from functools import partial
from pathlib import Path

COMPRESSIBLE = ("text/", "application/xml", "application/atom+xml", "application/rss+xml",
                "image/svg+xml", "application/json", "application/javascript")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        content_type = self.guess_type(str(path))
        if not (accepts and path.is_file() and content_type.startswith(COMPRESSIBLE)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)
        return None


def start(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `directory` (which may not exist yet) on 127.0.0.1; the port is server.server_address[1]."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
