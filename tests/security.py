"""Helpers of the security tests (unit and e2e): a loopback listener that counts requests,
and extraction records whose names are injection payloads."""

from __future__ import annotations

import http.server
import threading

import pyoxigraph as ox

from kg.records import Article, EntityRecord, EventRecord, Extraction, Span


class Listener:
    """A loopback HTTP server that records every request and answers an empty document."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                hits.append(f"{self.command} {self.path}")
                body = b'{"@context": {"name": "http://example.org/name"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = _any

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PAYLOAD = "Foo> <http://x/p> <http://x/o> . <http://x/b"


SPARQL_PAYLOAD = 'x" } UNION {?s ?p ?o} #'


XSS = "<img src=x onerror=alert(1)>"


def injected_extraction(name: str = PAYLOAD, doc_id: str = PAYLOAD) -> Extraction:
    text = f"{name} attacked a checkpoint."
    x = Extraction(Article(id=doc_id, text=text, title=name, source=name))
    x.entities[name] = EntityRecord(
        name,
        name,
        ("ArmedGroup",),
        aliases={name, SPARQL_PAYLOAD},
        mentions=[Span(0, len(name), name)],
    )
    x.events.append(
        EventRecord(
            name,
            ("Attack",),
            name,
            roles={"perpetrator": [name]},
            evidence=[Span(0, len(text), text)],
        )
    )
    return x


def canonical(triples) -> set:
    """``triples`` as Oxigraph stores them (it writes ``"0.70"^^xsd:decimal`` as ``"0.7"``)."""
    from kg.store import from_ox, to_ox

    mem = ox.Store()
    g = ox.NamedNode("http://example.org/g")
    mem.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in set(triples))
    return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in mem}


# --------------------------------------------------------------------------- endpoint
def refused_queries(url: str) -> list[str]:
    return [
        f"SELECT * {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE SILENT <{url}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ BIND(<{url}sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * {{ \\u0053ERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        f"select * {{ service <{url}sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}> SELECT * {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"LOAD <{url}data.ttl>",
        f"SELECT * {{ ?s ?p ?o }} ; LOAD <{url}data.ttl>",
        "ASK FROM <file:///etc/passwd> { ?s ?p ?o }",
    ]
