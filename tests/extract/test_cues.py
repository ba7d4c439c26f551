"""graph/extract/rules/cues.py: words that are never names stay out, defined or discovered."""

from paperkg.graph.extract import Extractor


def test_fields_of_study_are_never_entities_even_when_defined_or_discovered():
    from paperkg.graph.records import Paper

    abstracts = [
        "The increasing adoption of Artificial Intelligence (AI) in healthcare raises concerns.",
        "As Artificial Intelligence systems evolve, we propose a deep learning framework.",
        "This process is possible with deep learning (DL), a popular technology.",
        "We present the Artificial Intelligence approach for computer vision tasks.",
    ]
    papers = [Paper(id=str(i), title="Results", abstract=a) for i, a in enumerate(abstracts)]
    extractions = list(Extractor.default().extract(papers))
    found_ids = {m.entity_id for e in extractions for m in e.mentions}
    assert found_ids.isdisjoint({"artificialintelligence", "deeplearning", "computervision", "ai", "dl"})
