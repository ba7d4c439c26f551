"""graph/extract/trained_ner.py: loading a trained model, and merging its spans with rule mentions
(a pure function, tested without the rule pipeline).
"""

from __future__ import annotations

import pytest

from paperkg.graph.errors import SourceFormatError, SourceNotFoundError
from paperkg.graph.extract.trained_ner import (
    MODEL_META, TRAINED_COMPONENT, TrainedSpan, add_trained_mentions, load_trained_ner, trained_entities,
)
from paperkg.graph.records import Entity, EntityType, Mention, Role, entity_id


def test_loading_a_directory_that_is_no_model_fails_clearly(tmp_path):
    with pytest.raises(SourceNotFoundError, match="no such model directory"):
        load_trained_ner(tmp_path / "absent")
    (tmp_path / "config.cfg").write_text("[nlp]\n")
    with pytest.raises(SourceFormatError, match="not a paperkg-trained model"):
        load_trained_ner(tmp_path)
    (tmp_path / MODEL_META).write_text("{not json")
    with pytest.raises(SourceFormatError, match="not valid JSON"):
        load_trained_ner(tmp_path)


def rule_mention(text: str, start: int, end: int, kind=EntityType.DATASET) -> Mention:
    return Mention("p", "abstract", start, end, text[start:end], text, kind,
                   entity_id(text[start:end]), 0.95, "kg_gazetteer", Role.EVALUATES_ON)


def test_rule_mention_wins_where_a_trained_span_overlaps_it():
    text = "We evaluate Zorbnet on ImageNet-1k and Quuxset."
    rule = rule_mention(text, 23, 34)                                    # ImageNet-1k
    spans = [TrainedSpan(23, 31, EntityType.MODEL, 0.9),                # inside the rule's span
             TrainedSpan(12, 19, EntityType.MODEL, 0.9)]                # Zorbnet: new
    merged = add_trained_mentions(text, [rule], spans, paper_id="p", field="abstract")
    assert merged[0] is rule
    assert [(m.text, m.type) for m in merged[1:]] == [("Zorbnet", EntityType.MODEL)]


def test_trained_only_span_becomes_a_weaker_mention():
    text = "Title words. We evaluate Zorbnet on Quuxset."
    spans = [TrainedSpan(36, 43, EntityType.DATASET, 0.82), TrainedSpan(25, 32, EntityType.MODEL, 0.4)]
    merged = add_trained_mentions(text, [], spans, paper_id="p", field="abstract")
    zorbnet, quuxset = merged
    assert (zorbnet.text, zorbnet.confidence, zorbnet.entity_id) == ("Zorbnet", 0.4, "zorbnet")
    assert (quuxset.text, quuxset.confidence) == ("Quuxset", 0.6)
    assert quuxset.sentence == "We evaluate Zorbnet on Quuxset."
    assert quuxset.role is Role.MENTIONS and quuxset.component == TRAINED_COMPONENT


def test_trained_spans_only_meet_rule_mentions_of_their_own_field():
    title, abstract = "Quuxset", "Quuxset again"
    rule = Mention("p", "title", 0, 7, "Quuxset", title, EntityType.DATASET, "quuxset", 0.95,
                   "kg_gazetteer")
    merged = add_trained_mentions(abstract, [rule], [TrainedSpan(0, 7, EntityType.DATASET, 0.7)],
                                  paper_id="p", field="abstract")
    assert [(m.field, m.start) for m in merged] == [("title", 0), ("abstract", 0)]


def test_broken_or_overlapping_trained_spans_are_dropped():
    text = "We use Zorb net here."
    spans = [TrainedSpan(7, 40, EntityType.MODEL, 0.9), TrainedSpan(6, 7, EntityType.MODEL, 0.9),
             TrainedSpan(7, 11, EntityType.MODEL, 0.9), TrainedSpan(7, 15, EntityType.MODEL, 0.9)]
    merged = add_trained_mentions(text, [], spans, paper_id="p", field="abstract")
    assert [m.text for m in merged] == ["Zorb net"]


def test_trained_entities_are_made_only_for_names_nobody_knows():
    text = "Zorbnet and zorbnet and BERT"
    mentions = add_trained_mentions(text, [], [
        TrainedSpan(0, 7, EntityType.MODEL, 0.5), TrainedSpan(12, 19, EntityType.MODEL, 0.5),
        TrainedSpan(24, 28, EntityType.MODEL, 0.5)], paper_id="p", field="abstract")
    bert = Entity("bert", "BERT", EntityType.MODEL)
    made = trained_entities(mentions, known=[], lookup={"bert": bert}.get)
    assert made == [Entity("zorbnet", "Zorbnet", EntityType.MODEL, ("zorbnet",), origin="trained"),
                    bert]
    assert trained_entities(mentions, known=made) == []
