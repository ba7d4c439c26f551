"""The one place an export's statements are made: subject blocks, read record by record.

A block is a subject and its (predicate, object) pairs. Terms are plain values, because an
export of the whole corpus makes millions of them and rdflib terms cost microseconds each:
an IRI is a `str`; a literal is a `Lit` (lexical form, datatype IRI or "@lang"). The writers
of `rdf_writers.py` turn blocks into text; `rdf.iter_triples` turns them into rdflib terms.

Order, which `rdf_import.py` relies on: the vocabulary, then every entity, then each paper
followed by the evidence of its links and its results, then the extractor. Every paper-entity
link carries one `pkg:Mention` as evidence (PROV-O): the most confident mention of the
link's strongest role, with its text, offsets, sentence, confidence, component, the
extractor's version and `prov:wasDerivedFrom` the paper.
"""

from __future__ import annotations

import logging
from dataclasses import replace
import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from importlib import metadata
from typing import NamedTuple

from rdflib import BNode, Literal, URIRef

from .kg import KnowledgeGraph
from .rdf_iris import (
    arxiv_iri, check_base, entity_iri, mention_iri, paper_iri, result_iri, web_iri,
)
from .records import Entity, EntityType, Mention, Paper, Result, Role
from .vocab import (
    BIBO, CLASS_OF_TYPE, FABIO, PKG, PROPERTY_OF_ROLE, SCHEMA, SCHEMA_CLASS_OF_TYPE, vocabulary_graph,
)

log = logging.getLogger(__name__)


class Lit(NamedTuple):
    """A literal: its lexical form and its datatype IRI, or "@en" for a language tag."""

    lexical: str
    datatype: str | None = None


Term = str | Lit
Block = tuple[str, list[tuple[str, Term]]]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER, XSD_DECIMAL, XSD_DATE = XSD + "integer", XSD + "decimal", XSD + "date"
XSD_YEAR = XSD + "gYear"
DCT, DC = "http://purl.org/dc/terms/", "http://purl.org/dc/elements/1.1/"
PROV, RDFS = "http://www.w3.org/ns/prov#", "http://www.w3.org/2000/01/rdf-schema#"
SKOS_ALT, OWL_SAME = "http://www.w3.org/2004/02/skos/core#altLabel", "http://www.w3.org/2002/07/owl#sameAs"
WIKIDATA, HUGGING_FACE = "http://www.wikidata.org/entity/", "https://huggingface.co/"
P = {name: str(PKG[name]) for name in PKG.__annotations__}

# Characters XML 1.0 forbids (RDF/XML could not carry them) and lone surrogates (no UTF-8).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Which way a metric improves, by its lower-cased name as papers write it.
_LOWER_IS_BETTER = re.compile(
    r"\b(fid|kid|error|err|wer|cer|ter|loss|perplexity|ppl|mse|rmse|mae|eer|latency|lpips|"
    r"distance|chamfer|nfe)\b")
_HIGHER_IS_BETTER = re.compile(
    r"\b(accuracy|acc|f1|bleu|rouge(-\w+)?|meteor|precision|recall|auc|auroc|map|ndcg|mrr|"
    r"psnr|ssim|iou|miou|em|exact match|success rate|pass@\d+|win rate|top-\d|clip score)\b")
_ROLE_PROPS = {role: str(prop) for role, prop in PROPERTY_OF_ROLE.items()}
_DATASETS = (EntityType.DATASET, EntityType.BENCHMARK)


def text_literal(value: str | None) -> Lit | None:
    """A plain literal of `value` without characters no RDF syntax can carry; None if empty."""
    cleaned = _UNWRITABLE.sub("", value or "").strip()
    return Lit(cleaned) if cleaned else None


def decimal_literal(value: float) -> Lit:
    """An xsd:decimal with every digit of the float: 0.1 -> "0.1", 1e-05 -> "0.00001"."""
    text = repr(float(value))
    if "e" in text:
        text = format(Decimal(text), "f")
    return Lit(text, XSD_DECIMAL)


def metric_direction(metric: str | None) -> str | None:
    """pkg:lowerIsBetter for FID or error rates, pkg:higherIsBetter for accuracy; else None."""
    name = (metric or "").lower()
    if _LOWER_IS_BETTER.search(name):
        return P["lowerIsBetter"]
    if _HIGHER_IS_BETTER.search(name):
        return P["higherIsBetter"]
    return None


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The installed paperkg's version: what wrote the export's evidence."""
    try:
        return metadata.version("paperkg")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


def _texts(pairs: list, predicate: str, values: Iterable[str | None]) -> None:
    for value in values:
        literal = text_literal(value)
        if literal is not None:
            pairs.append((predicate, literal))


def paper_block(paper: Paper, base: str) -> Block:
    """A paper as a pkg:Paper and schema:ScholarlyArticle with DCTERMS, FaBiO and BIBO fields."""
    pairs: list[tuple[str, Term]] = [(RDF_TYPE, P["Paper"]), (RDF_TYPE, str(SCHEMA.ScholarlyArticle))]
    _texts(pairs, DCT + "title", [paper.title])
    _texts(pairs, DCT + "abstract", [paper.abstract])
    if paper.date is not None:
        pairs.append((DCT + "issued", Lit(paper.date.isoformat(), XSD_DATE)))
    if paper.publication_year is not None:
        pairs.append((str(FABIO.hasPublicationYear), Lit(f"{int(paper.publication_year):04d}", XSD_YEAR)))
    _texts(pairs, P["venue"], [paper.venue])
    _texts(pairs, str(BIBO.doi), [paper.doi])
    if paper.authors_count is not None:
        pairs.append((P["authorsCount"], Lit(str(int(paper.authors_count)), XSD_INTEGER)))
    if paper.upvotes is not None:
        pairs.append((P["upvotes"], Lit(str(int(paper.upvotes)), XSD_INTEGER)))
    _texts(pairs, DC + "creator", paper.authors)
    _texts(pairs, DCT + "subject", paper.categories)
    code = {iri for iri in map(web_iri, paper.code_urls) if iri is not None}
    pairs += [(str(SCHEMA.codeRepository), iri) for iri in sorted(code)]
    other = {iri for iri in map(web_iri, paper.urls) if iri is not None} - code
    pairs += [(DCT + "references", iri) for iri in sorted(other)]
    if paper.arxiv_id:
        page = arxiv_iri(paper.arxiv_id)
        pairs += [(str(SCHEMA.sameAs), page), (PROV + "wasDerivedFrom", page)]
        _texts(pairs, str(FABIO.hasArXivID), [page.rsplit("/abs/", 1)[-1]])
    return paper_iri(base, paper.id), list(dict.fromkeys(pairs))


def _external(scheme: str, value: str) -> tuple[str, Term] | None:
    scheme, value = scheme.strip().lower(), value.strip()
    if scheme == "wikidata" and re.fullmatch(r"Q[1-9][0-9]*", value):
        return OWL_SAME, WIKIDATA + value
    if scheme in ("hf", "huggingface") and value:
        return str(SCHEMA.sameAs), web_iri(HUGGING_FACE + value) or HUGGING_FACE
    if scheme == "arxiv" and value:
        return P["introducedBy"], arxiv_iri(value)
    literal = text_literal(f"{scheme}:{value}")
    return (P["externalId"], literal) if literal else None


def entity_block(entity: Entity, base: str) -> Block:
    """An entity typed by kind, with its name, aliases, variant link and external ids."""
    pairs: list[tuple[str, Term]] = [
        (RDF_TYPE, str(CLASS_OF_TYPE[entity.type])), (RDF_TYPE, str(SCHEMA_CLASS_OF_TYPE[entity.type]))]
    _texts(pairs, RDFS + "label", [entity.name])
    _texts(pairs, SKOS_ALT, entity.aliases)
    if entity.variant_of:
        pairs.append((P["variantOf"], entity_iri(base, entity.variant_of)))
    pairs += [pair for pair in (_external(s, v) for s, v in entity.external_ids) if pair]
    if entity.origin == "discovered":
        pairs.append((PROV + "wasAttributedTo", P["extractor"]))
    return entity_iri(base, entity.id), list(dict.fromkeys(pairs))


def link_evidence(mentions: list[Mention]) -> list[Mention]:
    """One mention a linked entity: the most confident of the strongest role, earliest first."""
    best: dict[str, Mention] = {}
    for m in mentions:
        key = (m.role.strength, m.confidence, m.field == "title", -m.start)
        held = best.get(m.entity_id)
        if held is None or key > (held.role.strength, held.confidence, held.field == "title", -held.start):
            best[m.entity_id] = m
    return [best[e] for e in sorted(best)]


def link_pairs(paper: str, evidence: list[Mention], types: dict[str, EntityType], base: str,
               ) -> Iterator[tuple[str, Term]]:
    """A paper's links: pkg:mentions, the role's sub-property, the LPWC-aligned property."""
    for m in evidence:
        entity = entity_iri(base, m.entity_id)
        yield P["mentions"], entity
        if m.role is not Role.MENTIONS:
            yield _ROLE_PROPS[m.role], entity
        kind = types.get(m.entity_id, m.type)
        if kind in _DATASETS and m.role in (Role.USES, Role.EVALUATES_ON):
            yield P["usesDataset"], entity
        elif kind is EntityType.METHOD:
            yield P["hasMethod"], entity
        elif kind is EntityType.TASK:
            yield P["hasTask"], entity
        yield P["evidence"], mention_iri(paper, m)


def mention_block(paper: str, m: Mention, base: str) -> Block:
    """The evidence of one link, as a prov:Entity derived from the paper."""
    pairs: list[tuple[str, Term]] = [
        (RDF_TYPE, P["Mention"]), (P["ofEntity"], entity_iri(base, m.entity_id)),
        (P["role"], _ROLE_PROPS[m.role]),
    ]
    _texts(pairs, P["text"], [m.text])
    pairs += [(P["field"], Lit(m.field)), (P["start"], Lit(str(m.start), XSD_INTEGER)),
              (P["end"], Lit(str(m.end), XSD_INTEGER))]
    _texts(pairs, P["sentence"], [m.sentence])
    pairs += [(P["confidence"], decimal_literal(m.confidence)), (P["component"], Lit(m.component)),
              (P["extractorVersion"], Lit(extractor_version())),
              (PROV + "wasDerivedFrom", paper), (PROV + "wasAttributedTo", P["extractor"])]
    return mention_iri(paper, m), pairs


def result_block(result: Result, base: str) -> Block:
    """A reported number: value (xsd:decimal), unit, metric, direction, what and by whom."""
    pairs: list[tuple[str, Term]] = [(RDF_TYPE, P["Result"]), (P["onEntity"], entity_iri(base, result.entity_id))]
    _texts(pairs, P["metric"], [result.metric])
    pairs.append((P["value"], decimal_literal(result.value)))
    _texts(pairs, P["unit"], [result.unit])
    direction = metric_direction(result.metric)
    if direction:
        pairs.append((P["direction"], direction))
    if result.model_id:
        pairs.append((P["byModel"], entity_iri(base, result.model_id)))
    if result.metric_id:
        pairs.append((P["metricEntity"], entity_iri(base, result.metric_id)))
    pairs += [(P["field"], Lit(result.field)), (P["start"], Lit(str(result.start), XSD_INTEGER)),
              (P["end"], Lit(str(result.end), XSD_INTEGER))]
    _texts(pairs, P["sentence"], [result.sentence])
    pairs += [(PROV + "wasDerivedFrom", paper_iri(base, result.paper_id)),
              (PROV + "wasAttributedTo", P["extractor"])]
    return result_iri(base, result), list(dict.fromkeys(pairs))


def vocabulary_blocks() -> Iterator[Block]:
    """The vocabulary (rdflib terms) as blocks, subjects and statements sorted."""
    graph = vocabulary_graph()
    for subject in sorted(set(graph.subjects())):
        yield str(subject), [(str(p), _plain(o)) for p, o in sorted(graph.predicate_objects(subject))]


def _plain(term) -> Term:
    if isinstance(term, Literal):
        return Lit(str(term), f"@{term.language}" if term.language else
                   (str(term.datatype) if term.datatype and str(term.datatype) != XSD + "string" else None))
    return str(term)


def to_rdflib(term: Term) -> URIRef | Literal:
    """A block's term as an rdflib term."""
    if isinstance(term, Lit):
        if term.datatype and term.datatype.startswith("@"):
            return Literal(term.lexical, lang=term.datatype[1:])
        return Literal(term.lexical, datatype=URIRef(term.datatype) if term.datatype else None)
    return BNode(term[2:]) if term.startswith("_:") else URIRef(term)


def _by_paper(groups: Iterable, key) -> Iterator[tuple[str, list]]:
    """(paper id, records) from a stream grouped by paper, records grouped first if single."""
    current, held = None, []
    for item in groups:
        items = item if isinstance(item, list) else [item]
        pid = key(items[0])
        if pid != current and held:
            yield current, held
            held = []
        current = pid
        held.extend(items)
    if held:
        yield current, held


def paper_blocks(paper: Paper, mentions: list[Mention], results: list[Result],
                 types: dict[str, EntityType], base: str) -> Iterator[Block]:
    """A paper's block, then the evidence of its links, then its results."""
    subject, pairs = paper_block(paper, base)
    evidence = link_evidence(mentions)
    pairs += link_pairs(subject, evidence, types, base)
    blocks = [result_block(r, base) for r in _finite(results)]
    pairs += dict.fromkeys((P["reports"], iri) for iri, _ in blocks)
    yield subject, pairs
    yield from (mention_block(subject, m, base) for m in evidence)
    yield from dict(blocks).items()  # the same result read twice is one node


def iter_blocks(kg: KnowledgeGraph, base: str, vocab: bool = True) -> Iterator[Block]:
    """Every block of the export, in the order the module docstring gives."""
    base = check_base(base)
    if vocab:
        yield from vocabulary_blocks()
    types: dict[str, EntityType] = {}
    for entity in _known_parents(kg, kg.iter_entities()):
        types[entity.id] = entity.type
        yield entity_block(entity, base)
    mentions = _by_paper(kg.iter_mentions(), lambda m: m.paper_id)
    results = _by_paper(kg.iter_results(), lambda r: r.paper_id)
    next_m, next_r = next(mentions, None), next(results, None)
    for paper in kg.iter_papers():  # all three streams are ordered by paper id
        found_m = found_r = []
        if next_m is not None and next_m[0] == paper.id:
            found_m, next_m = next_m[1], next(mentions, None)
        if next_r is not None and next_r[0] == paper.id:
            found_r, next_r = next_r[1], next(results, None)
        yield from paper_blocks(paper, found_m, found_r, types, base)


def _known_parents(kg: KnowledgeGraph, entities: Iterable[Entity], page: int = 500) -> Iterator[Entity]:
    """The entities, a variant link to an entity the store does not hold dropped (a corpus
    database has a few), so that no export points at a node it does not describe."""
    held: list[Entity] = []
    for entity in _with_end(entities):
        if entity is not None:
            held.append(entity)
        if held and (entity is None or len(held) >= page):
            parents = {e.variant_of for e in held if e.variant_of}
            known = set(kg.entities(sorted(parents))) if parents else set()
            for e in held:
                if e.variant_of and e.variant_of not in known:
                    log.info("entity %s is a variant of %s, which the store does not hold; "
                             "link left out", e.id, e.variant_of)
                    e = replace(e, variant_of=None)
                yield e
            held = []


def _with_end(items: Iterable) -> Iterator:
    yield from items
    yield None


def resource_blocks(kg: KnowledgeGraph, base: str, kind: str, node_id: str) -> list[Block] | None:
    """What the export says about one paper (with its evidence and results) or one entity
    (with the links of the papers that mention it); None when there is no such node."""
    base = check_base(base)
    if kind == "paper":
        paper = kg.paper(node_id)
        if paper is None:
            return None
        mentions = kg.mentions_of([node_id]).get(node_id, [])
        types = {e.id: e.type for e in kg.entities([m.entity_id for m in mentions]).values()}
        return list(paper_blocks(paper, mentions, kg.results_of([node_id]).get(node_id, []), types, base))
    entity = kg.entity(node_id)
    if entity is None:
        return None
    entity = next(_known_parents(kg, [entity]))
    subject = entity_iri(base, entity.id)
    incoming = [(paper_iri(base, pid), [(P["mentions"], subject)]) for pid in sorted(kg.papers_of(entity.id))]
    return [entity_block(entity, base), *incoming]


def _finite(results: list[Result]) -> list[Result]:
    kept = [r for r in results if math.isfinite(r.value)]
    if len(kept) < len(results):
        log.warning("%d results of paper %s have no finite value; left out",
                    len(results) - len(kept), results[0].paper_id)
    return kept
