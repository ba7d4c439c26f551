"""The corpus step's verdict on each discovered entity, judged apart from the store.

The corpus step (corpus.py) reads each entity's mentions and writes what the rules decide;
between the two, the rules (`entity_verdict.decide_entity`, `corpus_readings.read_papers`)
read nothing but the entity's name, type and rows, and take most of the step's time
(at 75,000 papers, 145,000 entities, about three quarters of the step's CPU). So they may
run in other processes: `iter_in_order` hands chunks of entities to a pool forked for the
step and gives their verdicts back in order, while the step reads the next chunks and
writes the verdicts in the order one process would, so the store ends up the same. The
gazetteer names' readings (`read_gazetteer_chunk`) go the same way.

A verdict is plain data (`EntityVerdict`); the step applies it (`corpus._apply_verdict`).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import NamedTuple

from .corpus_model_parts import keeps_part_method
from .corpus_readings import GazetteerCase, PaperReadings, read_gazetteer_case, read_papers
from .extract.rules.acronym_senses import other_sense_papers
from .extract.rules.entity_verdict import decide_entity, fragment_papers, written_as_modifier
from .extract.rules.evidence import NAMED_DEFINITION, UNTYPED_DEFINITION, is_short_acronym, paper_reading
from .mention_votes import decode_evidence
from .records import EntityType

# Below this many entities a pool costs more than it saves (forking, a round trip a chunk):
# an incremental month touches a few thousand, 6,000 new papers name about 10,000.
POOL_MIN_ENTITIES = 5_000
# and below this many gazetteer mentions to read (6,000 new papers bring about 4,000).
POOL_MIN_READINGS = 2_000

_DEFINITION_VOTES = frozenset((UNTYPED_DEFINITION, NAMED_DEFINITION))


class EntityVerdict(NamedTuple):
    """What the corpus step does to one entity: hold its mentions (`hold`, the reason), or
    give it `type` (None: keep its own) and move or hold the papers `readings` names (None:
    none). A named tuple, not a dataclass: a 75,000-paper step sends 147,000 of them back
    from its pool, and the parent, which sets the step's pace, unpickled the dataclasses in
    about 1 CPU s."""

    entity_id: str
    hold: str | None = None
    type: EntityType | None = None
    readings: PaperReadings | None = None


# (entity id, name, type, mention rows, papers writing it in lowercase): what a verdict reads.
# A row is (paper, sentence, text, confidence, evidence, defines, reads); the sentence is
# needed, and given, only where `reads` says the paper gives a reading.
EntityCase = tuple[str, str, str, list[tuple], int]


def judge_entity(case: EntityCase, floor: float) -> EntityVerdict:
    """The verdict on one entity from its mentions (see `corpus.settle_corpus`), over the
    papers that do not name it only glued into a longer name (`fragment_papers`): those are
    held; an entity of such papers alone is not a name."""
    entity_id, name, current, rows, lowercase_papers = case
    fragments = fragment_papers((r[0], decode_evidence(r[4])) for r in rows)
    if not fragments:
        return _judge_rows(case, floor)
    if fragments >= {r[0] for r in rows}:
        return EntityVerdict(entity_id, hold="not-a-name")
    kept = [r for r in rows if r[0] not in fragments]
    verdict = _judge_rows((entity_id, name, current, kept, lowercase_papers), floor)
    if verdict.hold is not None:
        return verdict
    readings = verdict.readings or PaperReadings()
    return verdict._replace(readings=PaperReadings(readings.moved, readings.terms | fragments))


def _judge_rows(case: EntityCase, floor: float) -> EntityVerdict:
    entity_id, name, current, rows, lowercase_papers = case
    if not rows:  # its mentions went to another entity's, or none were written
        return EntityVerdict(entity_id)
    if written_as_modifier((r[0], r[2]) for r in rows):
        return EntityVerdict(entity_id, hold="not-a-name")
    evidence = [(paper, decode_evidence(vote)) for paper, _, _, _, vote, _, _ in rows]
    decision = decide_entity(name, EntityType(current), evidence, lowercase_papers, _defining_papers(rows))
    if decision.not_a_name:
        return EntityVerdict(entity_id, hold="not-a-name")
    if len({r[0] for r in rows}) == 1 and max(r[3] for r in rows) < floor:
        return EntityVerdict(entity_id, hold="below-floor")
    if decision.type is None or keeps_part_method(name, current, decision.type.value):
        return EntityVerdict(entity_id)
    # only a mention marked as giving its paper a reading can move or hold that paper; most
    # entities have none (two thirds of the decided ones at 75,000 papers), and their readings
    # need not be sought
    reading_rows = [r for r in rows if r[6]]
    if not reading_rows:
        return EntityVerdict(entity_id, type=decision.type)
    readings = _with_other_senses(name, decision.type, read_papers(name, decision.type, reading_rows), reading_rows,
                                  {r[0] for r in rows})
    if readings.moved and set(readings.moved) | readings.terms >= {r[0] for r in rows}:
        # A discovered entity is its papers: where every one reads it another way, a split
        # would leave it no paper (and a later step, over more papers, would merge them back
        # into an entity made anew). It takes the type they read where, so typed, its papers
        # read it no other way (one paper may read it two ways: then its decision stands).
        return EntityVerdict(entity_id, type=_type_its_papers_read(name, readings, reading_rows) or decision.type,
                             readings=PaperReadings(terms=readings.terms))
    return EntityVerdict(entity_id, type=decision.type, readings=readings)


def _with_other_senses(name: str, main: EntityType, readings: PaperReadings, rows, papers_of_entity: set[str]
                       ) -> PaperReadings:
    """`readings`, with the papers that expand the acronym as a technique of their own
    (`acronym_senses.other_sense_papers`) read as a method; unchanged where that would leave
    the entity no paper of its own (a discovered entity is its papers: `judge_entity`)."""
    if not rows or not is_short_acronym(name) or main not in (EntityType.METRIC, EntityType.DATASET, EntityType.BENCHMARK):
        return readings
    papers: dict[str, tuple] = {}  # a paper's first reading that defines the name
    for paper, sentence, text, *_ in rows:
        found, long = paper_reading(sentence, text)
        if papers.get(paper, (None, None, None))[2] is None:
            papers[paper] = (sentence, found, long)
    others = other_sense_papers(name, main, ((paper, *reading) for paper, reading in papers.items()))
    others -= set(readings.moved) | readings.terms
    if not others or set(readings.moved) | readings.terms | others >= papers_of_entity:
        return readings
    moved = dict(readings.moved) | {paper: (name, EntityType.METHOD) for paper in others}
    return PaperReadings(moved, readings.terms)


def _type_its_papers_read(name: str, readings: PaperReadings, rows) -> EntityType | None:
    types = {type_ for _, type_ in readings.moved.values()}
    if len(types) != 1:
        return None
    read = types.pop()
    return read if not read_papers(name, read, rows).moved else None


def judge_chunk(cases: list[EntityCase], floor: float) -> list[EntityVerdict]:
    """The verdicts of a chunk that change their entity, in order, each without what changes
    nothing: a type the entity has already, readings that move and hold no paper. Two thirds
    of the verdicts at 75,000 papers change nothing: the parent, which sets the step's pace,
    need neither unpickle (0.4 CPU s) nor apply them."""
    changes = []
    for case in cases:
        verdict = judge_entity(case, floor)
        readings = verdict.readings
        if readings is not None and not readings.moved and not readings.terms:
            verdict = verdict._replace(readings=None)
        if verdict.type is not None and verdict.type.value == case[2]:
            verdict = verdict._replace(type=None)
        if verdict.hold is not None or verdict.type is not None or verdict.readings is not None:
            changes.append(verdict)
    return changes


def _defining_papers(rows) -> int:
    """Papers where a sentence defines the name by an acronym, or the name as one: a mention
    whose definition gave a type (`defines`) or said it is a term."""
    return len({paper for paper, _, _, _, vote, defines, _ in rows if defines or vote in _DEFINITION_VOTES})


def read_gazetteer_chunk(cases: list[GazetteerCase]) -> list[PaperReadings]:
    return [read_gazetteer_case(case) for case in cases]


def iter_verdicts(chunks: Iterable[list[EntityCase]], floor: float, workers: int = 1) -> Iterator[list[EntityVerdict]]:
    """The verdicts of each chunk of entities that change their entity (`judge_chunk`), in
    order (`iter_in_order`)."""
    return iter_in_order(partial(judge_chunk, floor=floor), chunks, workers)


def iter_in_order(work: Callable[[list], list], chunks: Iterable[list], workers: int = 1) -> Iterator[list]:
    """`work` of each chunk, in order: done here, or with `workers` > 1 in a pool of that
    many forked processes, at most two chunks a process ahead of the chunk given back.
    The pool's processes never touch the parent's SQLite connection: they get plain
    tuples and give back plain data."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield work(chunk)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(work, (chunk,)))
            if len(pending) > 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
