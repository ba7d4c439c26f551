"""The SPARQL endpoint's pyoxigraph store, kept on disk beside the database.

The whole corpus (74,728 papers, 9.5 million triples) takes two to five minutes to load,
and held in memory it took 3.6 GB. On disk it takes 1.3 GB of disk and opens again in
0.1 s at 40 MB. So the store lives in `<db>.sparql/<key>/`, where the key names what it holds: the
IRI base, the database's latest change and the exporter's code. A server opens a store
whose key matches at once, read-only, so every worker process can share it. Otherwise one
process at a time (a lock file) builds a new one in a background thread, from the
N-Triples export in chunks, so memory stays bounded. Meanwhile queries wait up to ten
seconds (a small graph is built by then), are answered from the previous store when
there is one (it lags the database by the papers written since), or get `SparqlLoading`.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from .errors import PaperkgError
from .kg import KnowledgeGraph
from .rdf_blocks import iter_blocks
from .rdf_writers import iter_chunks

log = logging.getLogger(__name__)

# Bytes of N-Triples per bulk load. The whole corpus from one 1.5 GB file peaked at 1.8 GB;
# in 256 MB chunks a serving process peaked at 2.0 GB with its own graph (1.1 GB after);
# 64 MB chunks halved the loader's peak and doubled its time.
LOAD_CHUNK = 256 << 20
# The exporter's code: a store built by other code holds other triples.
_EXPORT_SOURCES = ("rdf_blocks.py", "rdf_iris.py", "rdf_writers.py", "vocab.py", "ontology.py")


class SparqlLoading(PaperkgError):
    """The SPARQL store is being built from the export and there is none to answer from yet."""


def _code_digest() -> str:
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for name in _EXPORT_SOURCES:
        path = here / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class SparqlStoreCache:
    """The pyoxigraph store of `kg`'s export under `base`, on disk, rebuilt as the graph changes.

    Args:
        kg: the knowledge graph (its store's path places the folder; `change_seq` keys it).
        base: the IRI base of the export.
        folder: where stores live; default `<db>.sparql` beside the database, or a
            temporary folder when that cannot be written.
    """

    def __init__(self, kg: KnowledgeGraph, base: str, folder: Path | None = None):
        self.kg, self.base = kg, base
        self.folder = folder or _default_folder(Path(kg.store.path))
        self._code = _code_digest()
        self._open: tuple[str, ox.Store] | None = None
        self._building: threading.Thread | None = None
        self._started = 0.0
        self._failure: str | None = None
        self._lock = threading.Lock()

    def key(self) -> str:
        text = f"{self.base}\n{self.kg.change_seq}\n{self._code}"
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    def store(self, wait: float = 10.0) -> ox.Store:
        """The store for the graph as it is now; the previous one while a new one is built.

        Args:
            wait: seconds to wait for a build before answering from the previous store.

        Raises:
            SparqlLoading: a build is under way (here or in another worker) and no store is
                open yet; or the last build failed.
        """
        key = self.key()
        with self._lock:
            if self._open and self._open[0] == key:
                return self._open[1]
            if (self.folder / key).is_dir():
                return self._open_ready(key)
            self._start_build(key)
            thread = self._building
        if thread is not None:
            thread.join(wait)
        with self._lock:
            if (self.folder / key).is_dir():
                return self._open_ready(key)
            if self._open:
                return self._open[1]
            if self._failure:
                raise SparqlLoading(self._failure)
            raise SparqlLoading(
                f"the SPARQL store is being built from the export (started {time.time() - self._started:.0f} s "
                "ago; a few minutes for 75,000 papers, once: it is kept on disk); retry shortly")

    def _open_ready(self, key: str) -> ox.Store:
        store = ox.Store.read_only(str(self.folder / key))
        self._open = (key, store)
        return store

    def _start_build(self, key: str) -> None:
        if self._building is not None and self._building.is_alive():
            return
        self._started, self._failure = time.time(), None
        self._building = threading.Thread(target=self._build, args=(key,), name="sparql-load", daemon=True)
        self._building.start()

    def _build(self, key: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX)  # another worker building: wait for it
                if not (self.folder / key).is_dir():
                    self._load_into(key)
                self._drop_others(key)
            except Exception as exc:  # the thread's only report is this message
                log.exception("building the SPARQL store failed")
                self._failure = (f"the SPARQL store could not be built in {self.folder} ({exc}); "
                                 "check free disk space there and restart the server")
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _load_into(self, key: str) -> None:
        start = time.perf_counter()
        building = self.folder / f"{key}.building"
        shutil.rmtree(building, ignore_errors=True)
        store = ox.Store(str(building))
        pending: list[bytes] = []
        size = 0
        for chunk in iter_chunks(iter_blocks(self.kg, self.base), "nt", self.base):
            pending.append(chunk)
            size += len(chunk)
            if size >= LOAD_CHUNK:
                store.bulk_load(input=b"".join(pending), format=ox.RdfFormat.N_TRIPLES)
                pending, size = [], 0
        if pending:
            store.bulk_load(input=b"".join(pending), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closed before the move, so that readers open a finished store
        os.rename(building, self.folder / key)
        log.info("SPARQL store built in %s in %.1f s", self.folder / key, time.perf_counter() - start)

    def _drop_others(self, key: str) -> None:
        """Remove stores of older keys (open ones stay readable until closed: Linux unlink)."""
        for path in self.folder.iterdir():
            if path.is_dir() and path.name != key and not path.name.endswith(".building"):
                shutil.rmtree(path, ignore_errors=True)


def _default_folder(db: Path) -> Path:
    folder = db.with_name(db.name + ".sparql")
    try:
        folder.mkdir(exist_ok=True)
        probe = folder / ".probe"
        probe.touch()
        probe.unlink()
        return folder
    except OSError:
        return Path(tempfile.mkdtemp(prefix="paperkg-sparql-"))
