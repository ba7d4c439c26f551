"""The tokenizer entry point's former address, kept for installs made before the move.

The extractor's tokenizer lives in `text/tokenizer.py`; pyproject.toml's
`spacy_tokenizers` entry point names it there. An environment installed (editable or not)
before the move still has the old entry point in its metadata, and spaCy loads every
entry point it looks up, so without this module `spacy.blank` fails in that environment
with "No module named paperkg.graph.extract.tokenizer". Reinstalling (`make` or
`pip install -e .`) updates the metadata; this module can go once no such install remains.
"""

from paperkg.graph.extract.text.tokenizer import create_tokenizer

__all__ = ["create_tokenizer"]
