"""Extraction: named models, datasets, methods, tasks and metrics in paper abstracts.

`Extractor.default()` builds the spaCy pipeline (`spacy.blank("en")` plus the `kg_`
components) over the bundled gazetteer; `extract(papers)` yields one `PaperExtraction`
per paper and `extract_text(text)` the mentions of any text.
"""

from paperkg.graph.extract.names.gazetteer import Gazetteer, read_gazetteer, read_name_list
from paperkg.graph.extract.pipeline import Extractor

__all__ = ["Extractor", "Gazetteer", "read_gazetteer", "read_name_list"]
