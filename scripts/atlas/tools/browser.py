"""Debian's chromium, driven by Playwright, for browser tests and PDF printing.
Never downloads a browser."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import shutil
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        """A missing address gets the site's 404.html with status 404, as on GitHub Pages:
        a project site's own (/<project>/404.html) under its folder, else the root's."""
        first = self.path.lstrip("/").split("/", 1)[0]
        candidates = [Path(self.directory) / first / "404.html"] if first else []
        page = next((p for p in [*candidates, Path(self.directory) / "404.html"] if p.is_file()), None)
        if code != 404 or page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(_QuietHandler):
    """Compresses text files with gzip when the browser accepts it, and keeps connections
    open (HTTP/1.1), as a real host does. Pagefind's own index files are compressed
    already and are sent as they are. Headers and body leave at once (no Nagle delay:
    without this, every response on a kept-open connection waited ~40 ms for an ACK)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or not path.name.endswith(COMPRESSIBLE):
            return super().send_head()
        data = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)


@functools.lru_cache(maxsize=256)
def _compressed(path: Path, _mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextlib.contextmanager
def serve(directory: Path, compress: bool = False):
    """Serve a built site on an ephemeral loopback port; yields the base URL.
    `compress`: gzip text files, as a real host would (for page weight and Lighthouse)."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def print_pdf(page_obj, url: str, path: Path) -> None:
    page_obj.goto(url, wait_until="load")
    page_obj.emulate_media(media="print")
    page_obj.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
