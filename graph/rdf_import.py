"""Rebuild a store from paperkg's own RDF export: `from_rdf(path, store)`.

The reverse of `rdf_blocks`: entities become `Entity` records, each paper block with the
evidence and results after it becomes one `PaperExtraction` (its mentions are the links'
evidence, one a link). The file is read as a stream with pyoxigraph, in the order the
export writes it (entities, then each paper followed by its evidence and results), so
memory holds the entities and one batch of papers. Export -> import -> export gives an
isomorphic graph. Mention counts beyond the evidence and noun-phrase spans are not in RDF,
so they do not come back.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyoxigraph
from tqdm import tqdm

from .errors import PaperkgError
from .rdf import format_of_file
from .rdf_blocks import DC, DCT, OWL_SAME, P, PROV, RDF_TYPE, RDFS, SKOS_ALT, WIKIDATA, HUGGING_FACE
from .rdf_iris import ARXIV_ABS, id_from_iri
from .records import Entity, EntityType, Mention, Paper, PaperExtraction, Result, Role
from .store import BatchReport, Store
from .vocab import BIBO, CLASS_OF_TYPE, FABIO, PROPERTY_OF_ROLE, SCHEMA

log = logging.getLogger(__name__)

_OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML,
}
_TYPE_OF_CLASS = {str(cls): kind for kind, cls in CLASS_OF_TYPE.items()}
_ROLE_OF_PROPERTY = {str(prop): role for role, prop in PROPERTY_OF_ROLE.items()}
Props = dict[str, list]


def check_source(path: str | Path) -> pyoxigraph.RdfFormat:
    """The pyoxigraph format of an export file; raises PaperkgError if unknown or missing."""
    return _OXIGRAPH_FORMATS[format_of_file(path)]


def _subjects(path: Path, progress: bool) -> Iterator[tuple[str, Props]]:
    """(subject, {predicate: [values]}) for each run of statements about one subject."""
    format = check_source(path)
    current, props = None, defaultdict(list)
    try:
        for quad in tqdm(pyoxigraph.parse(path=str(path), format=format), unit=" triples",
                         disable=not progress, desc="import"):
            subject = quad.subject.value
            if subject != current and current is not None:
                yield current, props
                props = defaultdict(list)
            current = subject
            obj = quad.object
            props[quad.predicate.value].append(obj.value)
    except SyntaxError as exc:
        raise PaperkgError(f"{path} is not valid RDF: {exc}; export it again") from exc
    if current is not None:
        yield current, props


def _one(props: Props, predicate: str, default=None):
    values = props.get(predicate)
    return values[0] if values else default


def _entity(eid: str, props: Props, base: str) -> Entity | None:
    kinds = [_TYPE_OF_CLASS[c] for c in props.get(RDF_TYPE, []) if c in _TYPE_OF_CLASS]
    if not kinds:
        return None
    external = [("wikidata", v[len(WIKIDATA):]) for v in props.get(OWL_SAME, []) if v.startswith(WIKIDATA)]
    external += [("hf", v[len(HUGGING_FACE):]) for v in props.get(str(SCHEMA.sameAs), [])
                 if v.startswith(HUGGING_FACE)]
    external += [("arxiv", v[len(ARXIV_ABS):]) for v in props.get(P["introducedBy"], [])]
    external += [tuple(v.split(":", 1)) for v in props.get(P["externalId"], []) if ":" in v]
    name = _one(props, RDFS + "label", eid)
    parent = _one(props, P["variantOf"])
    return Entity(eid, name, kinds[0], tuple(props.get(SKOS_ALT, [])),
                  variant_of=id_from_iri(base, "entity", parent) if parent else None,
                  external_ids=tuple(external),
                  origin="discovered" if P["extractor"] in props.get(PROV + "wasAttributedTo", []) else "gazetteer")


def _paper(pid: str, props: Props) -> Paper:
    issued = _one(props, DCT + "issued")
    code = tuple(props.get(str(SCHEMA.codeRepository), []))
    count, upvotes = _one(props, P["authorsCount"]), _one(props, P["upvotes"])
    year = _one(props, str(FABIO.hasPublicationYear))
    return Paper(
        id=pid, title=_one(props, DCT + "title", ""), abstract=_one(props, DCT + "abstract", ""),
        date=date.fromisoformat(issued) if issued else None,
        authors=tuple(props.get(DC + "creator", [])),
        authors_count=int(count) if count is not None else None,
        upvotes=int(upvotes) if upvotes is not None else None,
        code_urls=code, urls=code + tuple(props.get(DCT + "references", [])),
        arxiv_id=_one(props, str(FABIO.hasArXivID)), categories=tuple(props.get(DCT + "subject", [])),
        source="rdf import", year=int(year) if year is not None else None,
        venue=_one(props, P["venue"]), doi=_one(props, str(BIBO.doi)),
    )


class _Importer:
    """Collects one paper's blocks and writes papers to the store a batch at a time."""

    def __init__(self, store: Store, base: str, batch_size: int):
        self.store, self.base, self.batch_size = store, base, batch_size
        self.types: dict[str, EntityType] = {}
        self.entities: list[Entity] = []
        self.paper: tuple[str, Props] | None = None
        self.mentions: list[Mention] = []
        self.results: list[Result] = []
        self.batch: list[PaperExtraction] = []
        self.report = BatchReport()

    def entity_id(self, iri: str) -> str | None:
        return id_from_iri(self.base, "entity", iri)

    def add(self, subject: str, props: Props) -> None:
        classes = props.get(RDF_TYPE, [])
        if P["Paper"] in classes:
            self.end_paper()
            self.paper = (id_from_iri(self.base, "paper", subject) or subject, props)
        elif P["Mention"] in classes:
            self.add_mention(props)
        elif P["Result"] in classes:
            self.add_result(props)
        elif (eid := self.entity_id(subject)) is not None and (entity := _entity(eid, props, self.base)):
            self.types[eid] = entity.type
            self.entities.append(entity)

    def add_mention(self, props: Props) -> None:
        eid = self.entity_id(_one(props, P["ofEntity"], ""))
        if self.paper is None or eid not in self.types:
            log.warning("a mention of %s names no known paper or entity; left out", eid)
            return
        self.mentions.append(Mention(
            self.paper[0], _one(props, P["field"]), int(_one(props, P["start"])),
            int(_one(props, P["end"])), _one(props, P["text"], ""), _one(props, P["sentence"], ""),
            self.types[eid], eid, float(_one(props, P["confidence"])), _one(props, P["component"], ""),
            _ROLE_OF_PROPERTY.get(_one(props, P["role"]), Role.MENTIONS)))

    def add_result(self, props: Props) -> None:
        if self.paper is None:
            return
        model, metric = _one(props, P["byModel"]), _one(props, P["metricEntity"])
        self.results.append(Result(
            self.paper[0], _one(props, P["field"], "abstract"), int(_one(props, P["start"], 0)),
            int(_one(props, P["end"], 0)), _one(props, P["sentence"], ""),
            self.entity_id(_one(props, P["onEntity"], "")) or "", _one(props, P["metric"]),
            float(_one(props, P["value"])), _one(props, P["unit"]),
            self.entity_id(model) if model else None, self.entity_id(metric) if metric else None))

    def end_paper(self) -> None:
        if self.paper is None:
            if self.entities:  # entities come before the first paper: write them first
                self.flush_entities()
            return
        pid, props = self.paper
        self.batch.append(PaperExtraction(_paper(pid, props), tuple(self.mentions), (), tuple(self.results)))
        self.paper, self.mentions, self.results = None, [], []
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush_entities(self) -> None:
        self.store.add_entities(self.entities)
        self.entities = []

    def flush(self) -> None:
        if self.entities:
            self.flush_entities()
        if self.batch:
            self.report += self.store.write_batch(self.batch)
            self.batch = []


def detect_base(path: Path) -> str:
    """The base IRI of an export: what precedes "paper/" in its first paper's IRI."""
    for subject, props in _subjects(path, progress=False):
        if P["Paper"] in props.get(RDF_TYPE, []) and "/paper/" in subject:
            return subject[:subject.index("/paper/") + 1]
    raise PaperkgError(f"{path} holds no pkg:Paper; pass an export written by `paperkg export`")


def from_rdf(path: str | Path, store: Store, base: str | None = None, batch_size: int = 500,
             progress: bool = False) -> BatchReport:
    """Read a paperkg export into `store`; returns what was added, updated, unchanged.

    Raises:
        PaperkgError: the file is missing, not RDF, or holds no paperkg papers.
    """
    path = Path(path)
    importer = _Importer(store, base or detect_base(path), batch_size)
    for subject, props in _subjects(path, progress):
        importer.add(subject, props)
    importer.end_paper()
    importer.flush()
    return importer.report
