"""The extraction commands of `paperkg`: extract, eval and names import.

Kept apart from cli.py because these are the ones that load spaCy.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace

import click

from paperkg.graph.records import EntityType

ENTITY_TYPES = click.Choice([t.value for t in EntityType], case_sensitive=False)
MODEL_OPTION = click.option("--model", "model_dir", type=click.Path(file_okay=False),
                            help="A model from `paperkg train`, used beside the rules.")


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, required=True,
              help="Write one JSON object a record: {doc_id, mentions: [...]}.")
@click.option("-o", "--output", type=click.File("w"), default="-", help="Where to write (stdout).")
@MODEL_OPTION
def extract_command(file, as_json, output, model_dir) -> None:
    """Run the extractor over JSON Lines records with a `text` or `abstract` field."""
    from paperkg.graph.evaluation import iter_text_records, mention_to_json
    from paperkg.graph.extract import Extractor

    extractor = Extractor.default(model_dir=model_dir)
    for doc_id, text in iter_text_records(file):
        mentions = [mention_to_json(m) for m in extractor.extract_text(text, doc_id)]
        output.write(json.dumps({"doc_id": doc_id, "mentions": mentions}, ensure_ascii=False) + "\n")


@click.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--roles", is_flag=True,
              help="Score roles (INTRODUCES, EVALUATES_ON) on role GOLD files; "
                   "without GOLD, the repository's data/roles/gold_{dev,dev2,dev3,test,heldout,test2,test3,test4,test5,test6,test7,test8,test9,test10,test11,test12,test13}.jsonl.")
@click.option("--labels", type=click.Path(exists=True, dir_okay=False),
              help="Label map (JSON object or TSV label<TAB>TYPE) instead of the built-in one.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "n_errors", default=0, help="List N false positives and misses.")
@click.option("--quality-doc", type=click.Path(dir_okay=False),
              help="Regenerate this Markdown report (docs/quality.md) from the GOLD files.")
@click.option("--corpus", is_flag=True,
              help="Extract all texts of a file together, as ingest does (corpus-level discovery on).")
@click.option("--spans", type=click.Choice(["name", "phrase"]),
              help="Score bare names (\"TED\") or noun phrases (\"TED corpus\"); "
                   "default: each gold source's own convention.")
@click.option("--unseen", is_flag=True,
              help="Hide every listed name that occurs in a GOLD file's text before scoring it: "
                   "what the rules find for names no list knows.")
@click.option("--folds", "fold_list", metavar="0,1,2",
              help="Score only these folds of a GSAP-NER gold file (0-4, comma-separated).")
@MODEL_OPTION
def eval_command(gold, roles, labels, as_json, n_errors, quality_doc, corpus, spans, unseen, fold_list,
                 model_dir) -> None:
    """Score the extractor against annotated GOLD files (strict and partial F1 per type)."""
    if roles:
        from .cli_roles import eval_roles

        return eval_roles(gold, as_json, n_errors, model_dir)
    if not gold:
        raise click.UsageError("Missing argument 'GOLD...': give one or more gold files.")
    from paperkg.graph.evaluation import evaluate, read_label_map, write_quality_doc
    from paperkg.graph.extract import Extractor

    extractor = Extractor.default(model_dir=model_dir)
    hiding = unseen_setup(extractor, model_dir)
    if quality_doc:
        write_quality_doc(list(gold), extractor, quality_doc, corpus=corpus, unseen=hiding)
        click.echo(f"wrote {quality_doc}", err=True)
        return
    label_map = read_label_map(labels) if labels else None
    folds = parse_folds(fold_list) if fold_list else None
    if unseen:
        reports = {p: hiding.evaluate(p, label_map, corpus, spans, folds) for p in gold}
    else:
        reports = {p: evaluate(p, extractor, label_map, corpus=corpus, spans=spans, folds=folds)
                   for p in gold}
    if as_json:
        payload = {p: r.to_json(errors=n_errors) for p, r in reports.items()}
        click.echo(json.dumps(payload if len(gold) > 1 else payload[gold[0]], indent=2))
        return
    for path, report in reports.items():
        click.echo(f"== {path}")
        click.echo(report.to_table())
        if n_errors:
            click.echo(report.errors(n_errors))


def parse_folds(value: str) -> tuple[int, ...]:
    """`--folds 0,1,2` as a tuple of fold numbers; a bad value is a usage error."""
    try:
        folds = tuple(int(part) for part in value.split(","))
    except ValueError:
        folds = ()
    if not folds or any(not 0 <= f < 5 for f in folds):
        raise click.BadParameter(f"{value!r}: give fold numbers 0-4 separated by commas, like 0,1,2",
                                 param_hint="--folds")
    return folds


def unseen_setup(extractor, model_dir):
    """What `--unseen` needs: the lists of `extractor`, and a builder of extractors without some."""
    from paperkg.graph.evaluation.unseen import UnseenSetup
    from paperkg.graph.extract import Extractor
    from paperkg.graph.extract.names.gazetteer import Gazetteer
    from paperkg.graph.extract.trained_ner import load_trained_ner

    trained = load_trained_ner(model_dir) if model_dir else None

    def build(kept):
        curated = [e for e in kept if e.origin != "discovered"]
        discovered = [e for e in kept if e.origin == "discovered"]
        return Extractor(Gazetteer(curated), discovered, trained=trained)

    return UnseenSetup((*extractor.gazetteer.entities, *extractor.discovered), build)


@click.command("train")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the model (new, empty, or an earlier paperkg model).")
@click.option("--labels", type=click.Path(exists=True, dir_okay=False),
              help="Label map (JSON object or TSV label<TAB>TYPE) instead of the built-in one.")
@click.option("--epochs", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True)
@click.option("--dev-fraction", default=0.1, show_default=True,
              type=click.FloatRange(0, 1, max_open=True))
@click.option("--quiet", is_flag=True, help="No progress bar.")
def train_command(gold, out_dir, labels, epochs, seed, dev_fraction, quiet) -> None:
    """Train a NER model on annotated GOLD files, to use beside the rules (--model DIR)."""
    from paperkg.graph.training import train_ner

    report = train_ner(list(gold), out_dir, label_map=labels, epochs=epochs, seed=seed,
                       dev_fraction=dev_fraction, progress=not quiet)
    click.echo(report.summary())


@click.group("names")
def names_group() -> None:
    """Manage the names the extractor knows beyond the bundled gazetteer."""


@names_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--type", "type_", type=ENTITY_TYPES, required=True, help="The type of every name in FILE.")
@click.option("--db", default="paperkg.db", envvar="PAPERKG_DB", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database (or $PAPERKG_DB).")
def import_names(file, type_, db) -> None:
    """Add a list of names (one a line, or TSV name<TAB>alias|alias) for future ingests."""
    from paperkg.graph.extract import read_name_list
    from paperkg.graph.store import Store

    entities = [replace(e, origin="user") for e in read_name_list(file, EntityType(type_.upper()))]
    with Store(db) as store:
        added = store.add_entities(entities)
    click.echo(f"{len(entities)} names read from {file}, {added} new; "
               "they apply to papers ingested from now on (`paperkg reextract` for the papers stored already)")
    if not entities:
        sys.exit(1)
