"""``councilx review --serve OUTDIR``: the review pages of a batch, with corrections saved as they are made.

A local HTTP server (standard library, 127.0.0.1 only). Routes:

- ``GET /``: the list of reports; ``GET /r/<stem>``: a report's review page with the correcting controls;
- ``GET /api/<stem>/correction``: the report's correction file as it is now (``{}`` when none);
- ``POST /api/<stem>/decision`` (``Content-Type: application/json``, a ``models.correction.Decision``):
  records one decision as a patch to the file, under a lock, written atomically; answers the file.

Each change is one small patch applied by the server to what the file holds at that moment, never a
whole file from the browser, so two tabs never lose each other's changes.
"""

from __future__ import annotations

import json
import re
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

from pydantic import ValidationError

from extract import load_document
from models.correction import Decision, Span
from models.document import Document
from models.errors import CouncilxError
from models.report import Report
from pipelines.corrections import correction_path, load_correction, record_decision
from pipelines.render import render_review
from pipelines.render.correcting import correcting_page

HOST = "127.0.0.1"
MAX_BODY = 1_000_000
_STEM = re.compile(r"^[^/\\]+$")


class ReviewStore:
    """The batch folder's reports and their documents (read once each), and the corrections folder."""

    def __init__(self, outdir: Path, corrections: Path) -> None:
        self.outdir, self.corrections = outdir, corrections
        self._cache: dict[str, tuple[Report, Document]] = {}
        self._lock = threading.Lock()

    def stems(self) -> list[str]:
        return sorted(p.stem for p in self.outdir.glob("*.json"))

    def load(self, stem: str) -> tuple[Report, Document]:
        """The report and its source document; ``CouncilxError`` when either is missing or has changed."""
        path = self.outdir / f"{stem}.json"
        if not _STEM.match(stem) or not path.is_file():
            raise KeyError(stem)
        with self._lock:
            if stem in self._cache:
                return self._cache[stem]
        try:
            report = Report.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            raise CouncilxError(f"{path.name} is not a councilx report JSON") from None
        source = Path(report.source.path)
        if not source.exists():
            raise CouncilxError(f"its source file {source} is not there to show")
        document = load_document(source)
        if document.source.sha256 != report.source.sha256:
            raise CouncilxError(f"its source file {source} has changed since the report was made; run batch again")
        with self._lock:
            self._cache[stem] = (report, document)
        return report, document

    def correction(self, stem: str) -> dict:
        path = correction_path(self.corrections, stem)
        return json.loads(load_correction(path).model_dump_json()) if path.exists() else {"decisions": []}

    def decide(self, stem: str, body: dict) -> dict:
        """Validate one decision against the report and its text, and record it."""
        report, document = self.load(stem)
        decision = Decision.model_validate(body)
        if decision.action == "add":
            span = decision.evidence
            if span is None or span.end > len(document.text) or document.text[span.start : span.end] != span.quote:
                raise CouncilxError("the selected text is not the report's text at that place; select it again")
            page = document.page_at(span.start)
            decision = decision.model_copy(update={"evidence": Span(**{**span.model_dump(), "page": page})})
        saved = record_decision(self.corrections, stem, report, decision)
        return json.loads(saved.model_dump_json())


def _handler(store: ReviewStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "councilx-review"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: str, ctype: str = "text/html; charset=utf-8") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def _json(self, status: int, obj: object) -> None:
            self._send(status, json.dumps(obj), "application/json")

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = [unquote(p) for p in urlparse(self.path).path.split("/") if p]
            try:
                if not parts:
                    links = "".join(f'<li><a href="/r/{escape(s)}">{escape(s)}</a></li>' for s in store.stems())
                    self._send(200, f"<!DOCTYPE html><title>councilx review</title><h1>Reports</h1><ul>{links}</ul>")
                elif len(parts) == 2 and parts[0] == "r":
                    report, document = store.load(parts[1])
                    page = correcting_page(render_review(report, document), parts[1], store.correction(parts[1]))
                    self._send(200, page)
                elif len(parts) == 3 and parts[0] == "api" and parts[2] == "correction":
                    store.load(parts[1])
                    self._json(200, store.correction(parts[1]))
                else:
                    self._send(404, "not found", "text/plain")
            except KeyError:
                self._send(404, "no such report", "text/plain")
            except CouncilxError as e:
                self._send(409, str(e), "text/plain; charset=utf-8")

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            parts = [unquote(p) for p in urlparse(self.path).path.split("/") if p]
            if len(parts) != 3 or parts[0] != "api" or parts[2] != "decision":
                return self._json(404, {"error": "not found"})
            # A page on another site cannot send JSON here without a CORS preflight, which is never answered.
            if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
                return self._json(415, {"error": "send application/json"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._json(413, {"error": "too large"})
            try:
                body = json.loads(self.rfile.read(length) or b"null")
                self._json(200, store.decide(parts[1], body))
            except KeyError:
                self._json(404, {"error": "no such report"})
            except ValidationError as e:
                first = e.errors()[0]
                self._json(400, {"error": f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"})
            except (CouncilxError, ValueError) as e:
                self._json(400, {"error": str(e).splitlines()[0]})

    return Handler


def make_server(outdir: Path, corrections: Path, port: int = 0) -> ThreadingHTTPServer:
    """The review server on 127.0.0.1 (port 0: a free port; ``server.server_address`` says which)."""
    server = ThreadingHTTPServer((HOST, port), _handler(ReviewStore(outdir, corrections)))
    server.daemon_threads = True
    return server
