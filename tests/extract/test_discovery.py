"""graph/extract/names/discovery.py: what corpus-level discovery never takes for a name."""

from paperkg.graph.extract import Extractor


def test_stop_acronyms_in_any_casing_are_never_discovered():
    from paperkg.graph.extract import Extractor
    from paperkg.graph.records import Paper

    abstracts = ["Our SoTA model is better than the SoTA baselines on every SoTA task.",
                 "The method outperforms the state-of-the-art (SOTA) in terms of visual quality."]
    papers = [Paper(id=str(i), title="Results", abstract=a) for i, a in enumerate(abstracts)]
    extractions = list(Extractor.default().extract(papers))
    assert not any(m.entity_id == "sota" for e in extractions for m in e.mentions)
