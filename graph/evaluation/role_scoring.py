"""Scoring roles: does the extractor say what each paper introduces and evaluates on?

A role gold file (`data/roles/`, the rules in `data/roles/README.md`) is in the shared
gold schema with `source` "paperkg-roles": `text` is "<title>\\n\\n<abstract>", and each
entity's `label` is the role the paper gives it, INTRODUCES or EVALUATES_ON, with its
`coarse` type and the other forms the paper uses for it (`aliases`).

Each record is extracted as ingest extracts a paper (`Extractor.extract`, title and
abstract split at the first blank line, all records in one batch), and each entity takes
its paper-level role, the strongest over its mentions, as the store keeps it on the
paper-entity edge (`Role.strength`). Scored per role at the level of (paper, entity):

- predicted INTRODUCES: the entities whose paper-level role is INTRODUCES;
- predicted EVALUATES_ON: those whose role is EVALUATES_ON and whose type is DATASET or
  BENCHMARK (the only types the gold gives that role);
- a predicted entity matches a gold entity of the same role when any of its forms (its
  name, its aliases, the texts of its mentions in the paper) equals the gold text or one
  of its aliases, casefolded and with whitespace normalised;
- predictions and gold entities pair one to one (a maximum matching), so two predicted
  entities for one gold entity ("MUSE" and "MUSE benchmark" kept apart) count one right
  and one false positive. A record with no gold entities still counts: anything predicted
  there is a false positive.

Each miss gets a cause, which says where the remaining recall is: "other role" (an entity
of the gold's name was extracted, with another role or type: a role rule can fix it),
"other extent" (no entity of that name, but a mention overlaps a place the gold names it:
"PaQ" for "PaQ-RT-DETR", a matching or span problem) or "not extracted" (nothing there:
extraction recall, which no role rule can fix).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.graph.errors import GoldFormatError
from paperkg.graph.evaluation.gold import GoldDocument, iter_gold
from paperkg.graph.evaluation.runner import fresh_for_corpus
from paperkg.graph.evaluation.scoring import Counts
from paperkg.graph.records import EntityType, Paper, PaperExtraction, Role

logger = logging.getLogger(__name__)

ROLE_SOURCE = "paperkg-roles"
SCORED_ROLES = (Role.INTRODUCES, Role.EVALUATES_ON)
_EVALUATED_TYPES = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_TITLE_BREAK = "\n\n"
# Why a gold entity was missed (see the module docstring), in the order they are reported.
NOT_EXTRACTED, OTHER_EXTENT, OTHER_ROLE = "not extracted", "other extent", "other role"
MISS_CAUSES = (NOT_EXTRACTED, OTHER_EXTENT, OTHER_ROLE)


@dataclass(frozen=True)
class RoleEntity:
    """One (paper, entity) pair with a role, on the gold or the predicted side.

    `forms` are the folded names it may be matched by; `start`/`end` place one mention in
    the record's text, for showing it in context; `found` is, for a gold entity, the role
    and type the extractor gave the same entity, if it found it at all, and `cause` which
    of `MISS_CAUSES` that is, should the entity be missed.
    """

    doc_id: str
    role: Role
    name: str
    type: str
    forms: frozenset[str]
    start: int
    end: int
    found: str = ""
    cause: str = ""


@dataclass
class RoleDocument:
    """One scored record: its text, its gold and predicted pairs, and which were paired."""

    doc_id: str
    text: str
    gold: list[RoleEntity]
    predicted: list[RoleEntity]
    pairs: list[tuple[int, int]] = field(default_factory=list)


def fold_form(name: str) -> str:
    """A name as the role scorer compares it: casefolded, whitespace runs as one space."""
    return " ".join(name.casefold().split())


def split_record(text: str) -> tuple[str, str]:
    """(title, abstract) of a role-gold text: split at the first blank line.

    A text with no blank line is all abstract, with an empty title.
    """
    title, found, abstract = text.partition(_TITLE_BREAK)
    return (title, abstract) if found else ("", text)


def read_role_gold(path: str | os.PathLike) -> list[GoldDocument]:
    """The records of a role gold file, checked to be role gold.

    Raises:
        SourceNotFoundError: The file does not exist.
        GoldFormatError: A line breaks the gold schema, or a label is not a scored role.
    """
    documents = list(iter_gold(path))
    labels = {role.value for role in SCORED_ROLES}
    for document in documents:
        for entity in document.entities:
            if entity.label not in labels:
                raise GoldFormatError(
                    f"{document.where}: label {entity.label!r} of {entity.text!r} is not a role "
                    f"({' or '.join(sorted(labels))}); is this a role gold file? Entity gold "
                    "files are scored by `paperkg eval GOLD` without --roles."
                )
    return documents


def gold_role_entities(document: GoldDocument) -> list[RoleEntity]:
    """The gold (paper, entity) pairs of one record."""
    return [
        RoleEntity(document.doc_id, Role(e.label), e.text, e.coarse or "",
                   frozenset(fold_form(f) for f in (e.text, *e.aliases)), e.start, e.end)
        for e in document.entities
    ]


def predicted_role_entities(doc_id: str, extraction: PaperExtraction) -> list[RoleEntity]:
    """The entities of one extracted paper whose paper-level role is scored.

    Offsets are into "<title>\\n\\n<abstract>", so that errors show in the gold's text.
    """
    offset = len(extraction.paper.title) + len(_TITLE_BREAK) if extraction.paper.title else 0
    entities = {e.id: e for e in extraction.entities}
    best: dict[str, object] = {}
    forms: dict[str, set[str]] = {}
    for mention in extraction.mentions:
        forms.setdefault(mention.entity_id, set()).add(fold_form(mention.text))
        held = best.get(mention.entity_id)
        if held is None or mention.role.strength > held.role.strength:
            best[mention.entity_id] = mention
    found = []
    for entity_id, mention in best.items():
        entity = entities.get(entity_id)
        entity_type = entity.type if entity is not None else mention.type
        if mention.role not in SCORED_ROLES:
            continue
        if mention.role is Role.EVALUATES_ON and entity_type not in _EVALUATED_TYPES:
            continue
        names = forms[entity_id]
        if entity is not None:
            names |= {fold_form(n) for n in (entity.name, *entity.aliases)}
        start = mention.start + (offset if mention.field == "abstract" else 0)
        found.append(RoleEntity(doc_id, mention.role, entity.name if entity else mention.text,
                                entity_type.value, frozenset(names), start,
                                start + mention.end - mention.start))
    return sorted(found, key=lambda e: e.start)


def describe_found(extraction: PaperExtraction, gold: RoleEntity, text: str) -> tuple[str, str]:
    """What the extractor made of a gold entity, as (cause, description): the roles and
    types of the entities named like it ("other role"), else the mentions that overlap a
    place the gold names it in `text` ("other extent"), else "not extracted"."""
    roles: dict[str, tuple[Role, EntityType]] = {}
    for mention in extraction.mentions:
        if fold_form(mention.text) in gold.forms:
            held = roles.get(mention.entity_id)
            if held is None or mention.role.strength > held[0].strength:
                roles[mention.entity_id] = (mention.role, mention.type)
    if roles:
        return OTHER_ROLE, "extracted as " + "; ".join(f"{t.value} {r.value}" for r, t in roles.values())
    places = _gold_places(text, gold)
    offset = len(extraction.paper.title) + len(_TITLE_BREAK) if extraction.paper.title else 0
    overlapping = {}
    for mention in extraction.mentions:
        start = mention.start + (offset if mention.field == "abstract" else 0)
        end = start + mention.end - mention.start
        if any(start < place_end and place_start < end for place_start, place_end in places):
            overlapping.setdefault(mention.text, f"{mention.text!r} {mention.type.value} {mention.role.value}")
    if overlapping:
        return OTHER_EXTENT, "extracted in another extent: " + "; ".join(overlapping.values())
    return NOT_EXTRACTED, "not found by the extractor"


def _gold_places(text: str, gold: RoleEntity) -> list[tuple[int, int]]:
    """Every place in `text` where a form of a gold entity occurs, in any case and spacing."""
    places = [(gold.start, gold.end)]
    for form in gold.forms:
        pattern = r"\s+".join(re.escape(word) for word in form.split())
        places += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)] if pattern else []
    return places


def match_role_entities(gold: Sequence[RoleEntity], predicted: Sequence[RoleEntity]) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing of gold and predicted entities of the same role that
    share a form, as (gold index, predicted index); augmenting paths (Kuhn, 1955)."""
    partner_of_predicted: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p, candidate in enumerate(predicted):
            if p in seen or candidate.role is not gold[g].role or not candidate.forms & gold[g].forms:
                continue
            seen.add(p)
            if p not in partner_of_predicted or augment(partner_of_predicted[p], seen):
                partner_of_predicted[p] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted((g, p) for p, g in partner_of_predicted.items())


@dataclass
class RoleReport:
    """The role scores of one gold file: counts per role and every scored record."""

    name: str
    documents: list[RoleDocument] = field(default_factory=list)
    seconds: float = 0.0

    def miss_causes(self, role: Role) -> Counter:
        """How many misses of one role have each cause (`MISS_CAUSES`)."""
        causes: Counter = Counter()
        for document in self.documents:
            paired = {g for g, _ in document.pairs}
            causes.update(e.cause for i, e in enumerate(document.gold) if e.role is role and i not in paired)
        return causes

    def counts(self, role: Role) -> Counts:
        """True positives, false positives and misses of one role over all records."""
        total = Counts()
        for document in self.documents:
            paired = {(g, p) for g, p in document.pairs}
            tp = sum(1 for g, _ in paired if document.gold[g].role is role)
            gold = sum(1 for e in document.gold if e.role is role)
            predicted = sum(1 for e in document.predicted if e.role is role)
            total.add(Counts(tp, predicted - tp, gold - tp))
        return total


def score_roles(
    documents: Sequence[GoldDocument], extractor, name: str = "roles", progress: bool = False
) -> RoleReport:
    """Extract every record as a paper, as ingest does, and score its roles.

    Args:
        documents: Role gold records (see `read_role_gold`).
        extractor: An `Extractor` (anything with `extract(papers) -> PaperExtraction`s); the
            records are extracted by a fresh copy of it (`runner.fresh_for_corpus`).
        name: The report's name (the gold file's).
        progress: Show a progress bar over the records.
    """
    papers = [Paper(id=str(i), title=split_record(d.text)[0], abstract=split_record(d.text)[1],
                    source=d.where) for i, d in enumerate(documents)]
    extractor = fresh_for_corpus(extractor)  # names discovered in other files are not matched here
    started = time.perf_counter()
    extractions = list(_with_progress(extractor.extract(papers), len(papers), progress))
    report = RoleReport(name, seconds=time.perf_counter() - started)
    by_id = {e.paper.id: e for e in extractions}
    for i, document in enumerate(documents):
        extraction = by_id.get(str(i)) or PaperExtraction(papers[i])
        gold = []
        for g in gold_role_entities(document):
            cause, found = describe_found(extraction, g, document.text)
            gold.append(RoleEntity(g.doc_id, g.role, g.name, g.type, g.forms, g.start, g.end, found, cause))
        predicted = predicted_role_entities(document.doc_id, extraction)
        report.documents.append(RoleDocument(document.doc_id, document.text, gold, predicted,
                                             match_role_entities(gold, predicted)))
    return report


def evaluate_roles(path: str | os.PathLike, extractor, progress: bool = False) -> RoleReport:
    """Read a role gold file and score `extractor` on it (see `score_roles`)."""
    return score_roles(read_role_gold(path), extractor, Path(path).name, progress)


def _with_progress(items: Iterable, total: int, progress: bool) -> Iterable:
    if not progress:
        return items
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (a pipe, a log file, a test runner).
    return tqdm(items, total=total, unit="paper", desc="extracting", leave=False, disable=None)
