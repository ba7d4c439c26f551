"""The published vocabulary files in `data/ontology/`: the OWL vocabulary, the JSON-LD
@context and the SHACL shapes.

`paperkg.ttl` and `context.jsonld` are written from `vocab.py` (the one source of the
terms) by `python -m paperkg.graph.ontology`; a test fails when they fall behind it.
`shapes.ttl` is written by hand: it states what a valid export holds.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from .rdf_blocks import vocabulary_blocks
from .rdf_writers import context_document, write_blocks

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "data" / "ontology"
VOCABULARY_FILE = ONTOLOGY_DIR / "paperkg.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def vocabulary_turtle() -> bytes:
    """The vocabulary as the Turtle document `data/ontology/paperkg.ttl` holds."""
    out = io.BytesIO()
    write_blocks(vocabulary_blocks(), out, "turtle", "https://w3id.org/paperkg/", void=False)
    return b"# paperkg vocabulary. Generated from graph/vocab.py by " \
           b"`python -m paperkg.graph.ontology`; do not edit.\n\n" + out.getvalue()


def context_json() -> bytes:
    """The JSON-LD @context document `data/ontology/context.jsonld` holds."""
    return (json.dumps(context_document(), indent=2, sort_keys=True) + "\n").encode()


def write_ontology(folder: Path = ONTOLOGY_DIR) -> list[Path]:
    """Write the generated files into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in (("paperkg.ttl", vocabulary_turtle()), ("context.jsonld", context_json())):
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_ontology(Path(sys.argv[1]) if len(sys.argv) > 1 else ONTOLOGY_DIR):
        print(path)
