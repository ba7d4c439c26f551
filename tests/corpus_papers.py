"""Papers for the corpus step's tests: a name or an acronym named in corpus sentences, and who
names it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, Role, entity_id
from paperkg.graph.store import Store


def sentence_paper(pid: str, sentence: str, name: str, entity_type: EntityType, role: Role = Role.USES,
                   others: tuple[Entity, ...] = ()) -> PaperExtraction:
    """A paper whose abstract is one sentence, with one discovered mention of `name` in it
    (and these other entities known to the paper)."""
    at = sentence.find(name)
    mention = Mention(pid, "abstract", at, at + len(name), name, sentence, entity_type, entity_id(name), 0.8,
                      "kg_shapes", role)
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                           (Entity(entity_id(name), name, entity_type, origin="discovered"), *others))


def acronym_paper(pid: str, sentences: list[str], name: str, long_form: str | None = None,
                  entity_type: EntityType = EntityType.MODEL) -> PaperExtraction:
    """A paper whose abstract is these sentences, with a discovered mention of the acronym
    wherever a sentence names it, and of its long form where given."""
    abstract = " ".join(sentences)
    mentions, offset = [], 0
    for sentence in sentences:
        for text in filter(None, (long_form, name)):
            at = sentence.find(text)
            if at >= 0:
                mentions.append(Mention(pid, "abstract", offset + at, offset + at + len(text), text, sentence,
                                        entity_type, entity_id(name), 0.8, "kg_shapes"))
        offset += len(sentence) + 1
    return PaperExtraction(Paper(pid, f"Paper {pid}", abstract), tuple(mentions),
                           (Entity(entity_id(name), name, entity_type, origin="discovered"),))


def papers_naming(store: Store, name: str) -> set[str]:
    """The papers whose stored mentions name this entity (held mentions not counted)."""
    return {mention.paper_id for batch in store.iter_mentions() for mention in batch
            if mention.entity_id == entity_id(name)}


def listed_paper(pid: str, sentence: str, text: str, name: str, entity_type: EntityType,
                 aliases: tuple[str, ...] = ()) -> PaperExtraction:
    """A paper whose abstract is one sentence, with one gazetteer mention of the listed `name`
    (with these aliases) written as `text` in it."""
    at = sentence.find(text)
    mention = Mention(pid, "abstract", at, at + len(text), text, sentence, entity_type, entity_id(name), 0.95,
                      "kg_gazetteer")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                           (Entity(entity_id(name), name, entity_type, aliases, origin="gazetteer"),))


def unnamed_paper(pid: str, sentence: str) -> PaperExtraction:
    """A paper whose abstract is one sentence that names nothing."""
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (), ())


def type_after_steps(tmp_path, papers: list[PaperExtraction], name: str) -> str | None:
    """The type of the entity `name` after these papers are stored and two corpus steps run
    (None: no entity); the second step restores and holds nothing more."""
    store = Store(tmp_path / "corpus.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        second = settle_corpus(store)
        assert second.restored == 0 and second.not_names == 0
        found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def stored_rows(path) -> dict[str, list]:
    """Every table's rows, sorted, but the change log: what the store holds."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                           "name NOT IN ('paper_changes', 'sqlite_sequence')")]
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def titled_paper(pid: str, title: str, sentence: str, text: str, name: str,
                 entity_type: EntityType) -> PaperExtraction:
    """A paper titled `title` whose abstract is one sentence, with a gazetteer mention of the
    listed `name` written as `text` wherever the title and the sentence write it."""
    mentions = tuple(Mention(pid, field, at, at + len(text), text, where, entity_type, entity_id(name), 0.95,
                             "kg_gazetteer")
                     for field, where in (("title", title), ("abstract", sentence)) if (at := where.find(text)) >= 0)
    return PaperExtraction(Paper(pid, title, sentence), mentions,
                           (Entity(entity_id(name), name, entity_type, origin="gazetteer"),))


def rows_after_two_steps(path, papers: list[PaperExtraction]) -> tuple[dict[str, list], dict[str, list]]:
    """What the store holds after these papers are stored and one corpus step runs, and after a
    second step: the two are equal where the step is at its fixed point."""
    with Store(path) as store:
        store.write_batch(papers)
        settle_corpus(store)
    first = stored_rows(path)
    with Store(path) as store:
        settle_corpus(store)
    return first, stored_rows(path)


@contextmanager
def settled_store(path, papers: list[PaperExtraction]) -> Iterator[Store]:
    """The store with these papers written and one corpus step run, open."""
    with Store(path) as store:
        store.write_batch(papers)
        settle_corpus(store)
        yield store
