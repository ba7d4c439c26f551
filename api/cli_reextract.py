"""`paperkg reextract`: extract every stored paper again after the extractor or the names changed."""

from __future__ import annotations

import json

import click

from .cli_extract import MODEL_OPTION


@click.command("reextract")
@click.option("--db", default="paperkg.db", envvar="PAPERKG_DB", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database (or $PAPERKG_DB).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes [default: one a core, for more than 1,000 papers].")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(min=1),
              help="Papers per transaction.")
@click.option("--json", "as_json", is_flag=True, help="Print every change as JSON.")
@click.option("--examples", default=3, show_default=True, type=click.IntRange(min=0),
              help="Entities shown for each kind of change (without --json).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@MODEL_OPTION
def reextract_command(db, workers, batch_size, as_json, examples, quiet, model_dir) -> None:
    """Extract every stored paper again (after the extractor or `paperkg names import` changed
    what it finds), settle the corpus, and report entities added, removed, merged and retyped."""
    from paperkg.graph.reextract import open_stored, reextract_store

    with open_stored(db) as store:
        report = reextract_store(store, workers=workers, batch_size=batch_size, model_dir=model_dir,
                                 progress=not quiet)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.summary(examples))
