"""Label maps: from a gold source's own labels to our entity types, and back from ours.

Each annotation scheme labels things its own way. A label map says, for each label of a
scheme, which of our types it counts as, or None when the label is not scored (generic
mentions such as "our model", links, "OtherScientificTerm"). The map is picked from each
gold record's `source`; `--labels FILE` replaces it.

Predictions are mapped too, because our types are finer than most schemes: our
BENCHMARK counts as DATASET and our MODEL as METHOD wherever the gold has no such type of
its own. A predicted type the gold does not annotate at all (METRIC against GSAP-NER) is
not scored, since nothing in that gold could confirm or refute it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from paperkg.graph.errors import GoldFormatError, SourceNotFoundError
from paperkg.graph.records import EntityType

LabelMap = Mapping[str, EntityType | None]

MODEL, METHOD, DATASET = EntityType.MODEL, EntityType.METHOD, EntityType.DATASET
TASK, METRIC = EntityType.TASK, EntityType.METRIC

# Label sets from each scheme's release: GSAP-NER (Otto et al., 2023), TDMSci (Hou et
# al., 2021), SciERC (Luan et al., 2018), SciER (Zhang et al., 2024), SciREX (Jain et
# al., 2020). "Material" covers datasets and corpora in SciERC and SciREX.
BUILTIN_LABEL_MAPS: dict[str, dict[str, EntityType | None]] = {
    "GSAP-NER": {
        "MLModel": MODEL,
        "ModelArchitecture": METHOD,
        "Dataset": DATASET,
        "Datasource": DATASET,
        "Task": TASK,
        "Method": METHOD,
        "MLModelGeneric": None,
        "DatasetGeneric": None,
        "ReferenceLink": None,
        "URL": None,
    },
    "TDMSci": {"TASK": TASK, "DATASET": DATASET, "METRIC": METRIC},
    "SciERC": {
        "Task": TASK,
        "Method": METHOD,
        "Metric": METRIC,
        "Material": DATASET,
        "Generic": None,
        "OtherScientificTerm": None,
    },
    "SciER": {"Dataset": DATASET, "Method": METHOD, "Task": TASK},
    "SciREX": {"Method": METHOD, "Task": TASK, "Metric": METRIC, "Material": DATASET},
}

# Where each scheme ends a name. "name": the bare name ("TED"); "phrase": the noun phrase
# with its head noun and parenthesised short form ("TED corpus", "Chinese Treebank (CTB)").
# Measured on the gold files: in TDMSci, 242 DATASET/TASK spans end in a head noun
# ("corpus", "task") against 49 followed by one; in SciREX 132 against 25; in GSAP-NER
# 1 against 12 and in SciER 2 against 75.
NAME_SPANS, PHRASE_SPANS = "name", "phrase"
SPAN_CONVENTIONS = (NAME_SPANS, PHRASE_SPANS)
BUILTIN_SPAN_CONVENTIONS: dict[str, str] = {
    "GSAP-NER": NAME_SPANS,
    "TDMSci": PHRASE_SPANS,
    "SciERC": PHRASE_SPANS,
    "SciER": NAME_SPANS,
    "SciREX": NAME_SPANS,
}

# A predicted type with no counterpart in the gold counts as this coarser type.
_COARSER = {EntityType.BENCHMARK: DATASET, MODEL: METHOD}
_NULL_WORDS = {"", "null", "none", "-", "ignore"}


def _source_key(name: str) -> str:
    """Compare source names loosely: "GSAP-NER", "gsap_ner" and "GsapNer" meet."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


_BUILTIN_BY_KEY = {_source_key(name): table for name, table in BUILTIN_LABEL_MAPS.items()}


def builtin_label_map(source: str) -> LabelMap | None:
    """The built-in label map of a gold source, or None when there is none."""
    return _BUILTIN_BY_KEY.get(_source_key(source))


def span_convention(source: str, override: str | None = None) -> str:
    """How a gold source ends its spans: `override` if given, else the source's own.

    A source with no built-in convention is scored on bare names.
    """
    if override is not None:
        return override
    by_key = {_source_key(name): value for name, value in BUILTIN_SPAN_CONVENTIONS.items()}
    return by_key.get(_source_key(source), NAME_SPANS)


def gold_types(label_map: LabelMap) -> frozenset[EntityType]:
    """The types a gold source can annotate under a label map."""
    return frozenset(value for value in label_map.values() if value is not None)


def map_predicted_type(
    predicted: EntityType, annotated: frozenset[EntityType]
) -> EntityType | None:
    """The type a prediction counts as against gold that annotates `annotated` types.

    Returns:
        The type itself when the gold has it; BENCHMARK as DATASET and MODEL as METHOD
        when the gold lacks them; None when the gold annotates nothing comparable.
    """
    if predicted in annotated:
        return predicted
    coarser = _COARSER.get(predicted)
    if coarser is not None and coarser in annotated:
        return coarser
    return None


def read_label_map(path: str | Path) -> dict[str, EntityType | None]:
    """Read a user's label map: a JSON object, or TSV lines `label<TAB>TYPE`.

    JSON: `{"Material": "DATASET", "Generic": null}`. TSV: one `label<TAB>TYPE` a line;
    blank lines and lines starting with "#" are skipped. In both, a TYPE of null, "",
    "none", "ignore" or "-" means the label is not scored; TYPE is case-insensitive.

    Raises:
        SourceNotFoundError: The file does not exist.
        GoldFormatError: The file is neither form, or names a type we do not have.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceNotFoundError(f"{path}: no such label map; check the --labels path.")
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: a label map must be UTF-8 text ({exc}).") from exc
    pairs = (
        _parse_json_map(content, path)
        if content.lstrip().startswith("{")
        else _parse_tsv_map(content, path)
    )
    table = {label: _parse_type(value, where) for label, value, where in pairs}
    if not table:
        raise GoldFormatError(f"{path}: the label map is empty; give one `label<TAB>TYPE` a line.")
    return table


def _parse_json_map(content: str, path: Path) -> list[tuple[str, object, str]]:
    """`(label, type, where)` triples of a JSON label map."""
    try:
        value = json.loads(content)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(value, dict):
        raise GoldFormatError(f'{path}: a JSON label map is one object {{"label": "TYPE"}}.')
    return [(label, kind, f"{path}: label {label!r}") for label, kind in value.items()]


def _parse_tsv_map(content: str, path: Path) -> list[tuple[str, object, str]]:
    """`(label, type, where)` triples of a TSV label map."""
    pairs = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip():
            raise GoldFormatError(
                f"{path}:{number}: expected `label<TAB>TYPE` (TYPE may be null), found {line!r}."
            )
        pairs.append((cells[0].strip(), cells[1].strip(), f"{path}:{number}"))
    return pairs


def _parse_type(value: object, where: str) -> EntityType | None:
    """A label map's TYPE cell as an EntityType, or None for an ignored label."""
    if value is None or (isinstance(value, str) and value.strip().casefold() in _NULL_WORDS):
        return None
    if isinstance(value, str):
        try:
            return EntityType(value.strip().upper())
        except ValueError:
            pass
    choices = ", ".join(kind.value for kind in EntityType)
    raise GoldFormatError(f"{where}: unknown type {value!r}; use one of {choices}, or null.")


def resolve_label_map(source: str, override: LabelMap | None, where: str) -> LabelMap:
    """The label map for a gold record: the override if given, else the source's own.

    Raises:
        GoldFormatError: No override and no built-in map for `source`.
    """
    if override is not None:
        return override
    table = builtin_label_map(source)
    if table is None:
        known = ", ".join(BUILTIN_LABEL_MAPS)
        raise GoldFormatError(
            f"{where}: no built-in label map for source {source!r} (built in: {known}); "
            "pass --labels FILE mapping its labels to our types."
        )
    return table


def map_gold_label(label: str, label_map: LabelMap, where: str) -> EntityType | None:
    """The type a gold label counts as (None: not scored).

    Raises:
        GoldFormatError: The label is not in the map; guessing would skew the score.
    """
    if label in label_map:
        return label_map[label]
    raise GoldFormatError(
        f"{where}: label {label!r} is in no entry of the label map; "
        "pass --labels FILE with a line for it (its type, or null to ignore it)."
    )
