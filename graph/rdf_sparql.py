"""A read-only SPARQL 1.1 endpoint over the export: pyoxigraph's Store, with a time limit.

The store is loaded from the N-Triples export of the knowledge graph (`bulk_load`), so it
answers exactly what `paperkg export` writes; it is kept on disk beside the database and
rebuilt when the graph changes (`rdf_sparql_store.py`). Queries run in a
worker thread that stops reading solutions at the deadline; a query that is still busy
then (a long ORDER BY before its first row) is answered with `SparqlTimeout` while the
worker finishes alone, and at most `MAX_RUNNING` such workers exist at a time. Updates are
never run: the endpoint only calls `Store.query`, whose grammar has no INSERT or DELETE.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import PaperkgError
from .kg import KnowledgeGraph
from .rdf_sparql_store import SparqlStoreCache
from .vocab import PREFIXES

MAX_RUNNING = 2
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_TYPES = {  # media type -> writer of SELECT/ASK results
    "application/sparql-results+json": "json", "application/json": "json",
    "text/csv": "csv", "application/sparql-results+xml": "xml", "application/xml": "xml",
}
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/rdf+xml": ox.RdfFormat.RDF_XML}


class SparqlError(PaperkgError):
    """A SPARQL request that cannot be answered: bad syntax, an update, or a bad format."""


class SparqlTimeout(PaperkgError):
    """A SPARQL query ran past the endpoint's time limit."""


@dataclass(frozen=True)
class SparqlAnswer:
    body: bytes
    media_type: str


class SparqlEndpoint:
    """Answers SPARQL queries over `kg`'s export, the store built on first use."""

    def __init__(self, kg: KnowledgeGraph, base: str, time_limit: float = 10.0, folder: Path | None = None):
        self.kg, self.base, self.time_limit = kg, base, time_limit
        self._stores = SparqlStoreCache(kg, base, folder)
        self._pool = ThreadPoolExecutor(MAX_RUNNING, thread_name_prefix="sparql")
        self._slots = threading.BoundedSemaphore(MAX_RUNNING)

    def store(self) -> ox.Store:
        """The store of the graph's export (raises `SparqlLoading` while the first is built)."""
        return self._stores.store()

    def answer(self, query: str, accept: str = "") -> SparqlAnswer:
        """Run `query` and serialise its answer in the best type `accept` allows.

        Raises:
            SparqlError: the query does not parse (updates do not), or no format fits.
            SparqlTimeout: the query ran past the time limit.
            SparqlLoading: the store is still being built from the export.
        """
        store = self.store()
        if not self._slots.acquire(blocking=False):
            raise SparqlTimeout(f"{MAX_RUNNING} queries are already running; try again shortly")
        deadline = time.monotonic() + self.time_limit
        future = self._pool.submit(self._run, store, query, accept, deadline)
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return future.result(timeout=self.time_limit + 0.5)
        except FutureTimeout:
            raise SparqlTimeout(self._too_long()) from None

    def _too_long(self) -> str:
        return (f"the query ran longer than {self.time_limit:g} s; add a LIMIT, narrow its "
                "patterns, or run it on `paperkg export` output in your own store")

    def _run(self, store: ox.Store, query: str, accept: str, deadline: float) -> SparqlAnswer:
        try:
            results = store.query(query, prefixes={p: str(ns) for p, ns in PREFIXES.items()})
        except SyntaxError as exc:
            refused = "update" if _looks_like_update(query) else "query"
            if refused == "update":
                raise SparqlError("this endpoint is read-only: updates are refused") from exc
            raise SparqlError(f"the query does not parse: {exc}") from exc
        if isinstance(results, ox.QueryBoolean):
            kind = pick_media_type(accept, RESULT_TYPES, "application/sparql-results+json")
            return SparqlAnswer(_boolean(bool(results), RESULT_TYPES[kind]), kind)
        if isinstance(results, ox.QueryTriples):
            kind = pick_media_type(accept, GRAPH_TYPES, "text/turtle")
            triples = _until(results, deadline)
            del results  # pyoxigraph's results must be dropped in the thread that made them
            if triples is None:
                raise SparqlTimeout(self._too_long())
            prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if kind == "text/turtle" else None
            return SparqlAnswer(ox.serialize(triples, format=GRAPH_TYPES[kind], prefixes=prefixes), kind)
        kind = pick_media_type(accept, RESULT_TYPES, "application/sparql-results+json")
        names = [v.value for v in results.variables]
        rows = _until(results, deadline)
        del results
        if rows is None:
            raise SparqlTimeout(self._too_long())
        return SparqlAnswer(SOLUTION_WRITERS[RESULT_TYPES[kind]](names, rows), kind)


def _looks_like_update(query: str) -> bool:
    words = {w.upper() for w in query.replace("{", " ").split()}
    return bool(words & {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"})


def pick_media_type(accept: str, offered: dict, default: str) -> str:
    """The first media type of `accept` (by q) that is offered; `default` for */* or none."""
    ranked = []
    for n, part in enumerate(accept.split(",")):
        kind, _, params = part.strip().partition(";")
        q = next((float(v) for k, _, v in (p.strip().partition("=") for p in params.split(";"))
                  if k == "q" and v.replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, n, kind.strip().lower()))
    for _, _, kind in sorted(ranked):
        if kind in offered:
            return kind
        if kind in ("*/*", "application/*", "text/*", ""):
            return default
    if not accept.strip():
        return default
    raise SparqlError(f"cannot answer in {accept!r}; ask for one of {', '.join(offered)}")


def _until(items, deadline: float) -> list | None:
    """The items read before the deadline, or None when it passed first."""
    kept = []
    for item in items:
        if time.monotonic() > deadline:
            return None
        kept.append(item)
    return kept


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(names: list[str], rows: list) -> bytes:
    bindings = [{n: _json_term(row[n]) for n in names if row[n] is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode()


def _csv(names: list[str], rows: list) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([[row[n].value if row[n] is not None else "" for n in names] for row in rows])
    return out.getvalue().encode()


def _xml(names: list[str], rows: list) -> bytes:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    parts += [f"<variable name={quoteattr(n)}/>" for n in names]
    parts.append("</head>\n<results>\n")
    for row in rows:
        parts.append("<result>")
        for n in names:
            term = row[n]
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                inner = f"<uri>{escape(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                inner = f"<bnode>{escape(term.value)}</bnode>"
            else:
                attr = (f" xml:lang={quoteattr(term.language)}" if term.language else
                        "" if term.datatype.value == XSD_STRING else
                        f" datatype={quoteattr(term.datatype.value)}")
                inner = f"<literal{attr}>{escape(term.value)}</literal>"
            parts.append(f"<binding name={quoteattr(n)}>{inner}</binding>")
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts).encode()


def _boolean(value: bool, writer: str) -> bytes:
    if writer == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if writer == "csv":
        return f"_askResult\r\n{str(value).lower()}\r\n".encode()
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n").encode()


SOLUTION_WRITERS = {"json": _json, "csv": _csv, "xml": _xml}
