"""The `paperkg` command: thin commands over the library. Nothing imports this module.

Every command opens one object, calls one library function and prints its answer. Our
own exceptions become one line `Error: ...` on stderr and exit code 1 (as sqlite-utils
does); heavy imports happen inside the commands so `paperkg --help` stays instant.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from paperkg.graph.errors import PaperkgError
from paperkg.graph.records import EntityType
from paperkg.graph.sources import FORMATS

from .cli_audit import audit_command
from .cli_extract import MODEL_OPTION, eval_command, extract_command, names_group, train_command
from .cli_rdf import export_command, import_command, validate_command
from .cli_reextract import reextract_command
from .cli_schema import schema_command

DB_OPTION = click.option(
    "--db", default="paperkg.db", envvar="PAPERKG_DB", show_default=True,
    type=click.Path(dir_okay=False), help="SQLite database (or $PAPERKG_DB).",
)
ENTITY_TYPES = click.Choice([t.value for t in EntityType], case_sensitive=False)


class PaperkgGroup(click.Group):
    """A click group that reports PaperkgError as one line and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PaperkgError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=PaperkgGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log diagnostics to stderr.")
def main(verbose: bool) -> None:
    """paperkg: a knowledge graph of ML papers and the models, datasets and methods they use."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s" if verbose else "%(message)s")


@main.command()
@click.argument("files", nargs=-1, required=True)
@DB_OPTION
@click.option("--format", "format_", type=click.Choice(FORMATS),
              help="Force an input format (detected from content otherwise).")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Reference date for dates without a year [default: today].")
@click.option("--batch-size", default=500, show_default=True, help="Papers per transaction.")
@click.option("--reextract", is_flag=True, help="Extract again from papers that have not changed.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--dry-run", is_flag=True, help="Say what would change (new, updated fields, mentions replaced); write nothing.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="Confidence floor for entities found in one paper; stored for later ingests [default: 0.65].")
@MODEL_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes [default: one a core, for inputs over 1,000 papers].")
@click.option("--map", "field_map", metavar="FIELD=KEY,...",
              help="For json and csv inputs: the key or column of each field, e.g. title=paper_title,abstract=summary.")
@click.option("--dask", metavar="tcp://HOST:8786", default=None,
              help="Extract on the workers of this Dask scheduler (needs paperkg[dask]; docs/scaling.md).")
def ingest(files, db, format_, as_of, batch_size, reextract, quiet, dry_run, model_dir, min_confidence,
           workers, field_map, dask) -> None:
    """Read paper listings, JSON (Lines or arrays) or CSV files into the database."""
    from paperkg.graph.ingest import check_paths, ingest_paths
    from paperkg.graph.sources import parse_field_map
    from paperkg.graph.store import Store

    from tqdm import tqdm

    field_map = parse_field_map(field_map)
    check_paths(files)
    if dask and workers:
        raise click.UsageError("give --workers (local processes) or --dask (a cluster), not both")
    if dry_run:
        from paperkg.graph.dry_run import open_for_preview, preview_paths

        with open_for_preview(db) as store:
            report = preview_paths(files, store, format=format_, as_of=as_of.date() if as_of else None,
                                   batch_size=batch_size, field_map=field_map, progress=not quiet,
                                   on_problem=lambda line: tqdm.write(line, file=sys.stderr))
        click.echo(report.summary())
        return
    created = not Path(db).exists()
    with Store(db) as store:
        if min_confidence is not None:
            from paperkg.graph.corpus import store_min_confidence
            store_min_confidence(store, min_confidence)
        report = ingest_paths(files, store, format=format_, as_of=as_of.date() if as_of else None,
                              batch_size=batch_size, reextract=reextract, progress=not quiet,
                              model_dir=model_dir, workers=workers, field_map=field_map, dask=dask,
                              on_problem=lambda line: tqdm.write(line, file=sys.stderr))
    click.echo(report.summary())
    if report.ingested == 0 and (report.skipped or report.failed_files):
        if created and remove_empty_database(db):
            click.echo(f"{db} was not created: nothing could be read.", err=True)
        sys.exit(1)


def remove_empty_database(db) -> bool:
    """Delete the database (and its -wal, -shm) that this run created when it holds no paper."""
    from paperkg.graph.store import Store

    with Store(db) as store:
        if store.count_papers() > 0:
            return False
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return True


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="Processes to serve from [default: one a core, at most 4, where processes fork; else 1].")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="URL",
              help="Let pages from this origin call the API (repeatable); none by default.")
@click.option("--allow-list", type=click.Path(dir_okay=False), default=None,
              help="Run only the queries in this JSON file (name -> query, or a list).")
@click.option("--max-cost", type=int, default=None,
              help="Refuse queries costing more than this [default: $PAPERKG_MAX_COST or 5000].")
@click.option("--response-cache", type=click.IntRange(min=0), default=256, show_default=True,
              help="Answers of repeated queries remembered until the graph changes (0: none).")
def serve(db, host, port, workers, cors_origins, allow_list, max_cost, response_cache) -> None:
    """Serve the explorer at http://HOST:PORT/ and GraphQL (with GraphiQL) at /graphql."""
    from paperkg.api.serving import default_workers, run_server

    from paperkg.api.http_options import ServeOptions

    options = ServeOptions(cors_origins=tuple(cors_origins), allow_list=allow_list, max_cost=max_cost,
                           response_cache=response_cache)
    options.check()  # a bad allow-list or budget fails here, in one line, before the graph loads
    run_server(db, host, port, workers or default_workers(), options, say=lambda line: click.echo(line, err=True))


@main.command()
@click.argument("graphql")
@DB_OPTION
@click.option("--variables", default=None, help="Query variables as a JSON object.")
def query(graphql, db, variables) -> None:
    """Run a GraphQL query in-process and print the JSON result."""
    from paperkg.schema import execute_query

    try:
        parsed = json.loads(variables) if variables else None
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"not JSON ({exc.msg} at character {exc.pos})", param_hint="--variables")
    if parsed is not None and not isinstance(parsed, dict):
        raise click.BadParameter("must be a JSON object such as '{\"id\": \"...\"}'", param_hint="--variables")
    result = execute_query(_open_graph(db), graphql, parsed)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    if result.get("errors"):
        sys.exit(1)


@main.command()
@click.argument("paper_id")
@DB_OPTION
@click.option("--type", "type_", type=ENTITY_TYPES, help="Only entities of this type.")
@click.option("--limit", default=10, show_default=True)
def shared(paper_id, db, type_, limit) -> None:
    """Papers that share entities with PAPER_ID, rarest shared entities first."""
    kg = _open_graph(db)
    ranked = kg.papers_sharing(paper_id, EntityType(type_.upper()) if type_ else None, limit)
    if not ranked:
        click.echo("No paper shares an entity" + (f" of type {type_.upper()}" if type_ else "") + " with it.")
    papers = kg.papers([r.paper_id for r in ranked])
    entities = kg.entities([e for r in ranked for e in r.shared])
    for rank in ranked:
        names = ", ".join(entities[e].name if e in entities else e for e in rank.shared)
        click.echo(f"{rank.score:7.3f}  {rank.paper_id}  {papers[rank.paper_id].title}")
        click.echo(f"         shares: {names}")


def _open_graph(db: str):
    from paperkg.api.serving import open_graph

    return open_graph(db)


main.add_command(extract_command)
main.add_command(eval_command)
main.add_command(names_group)
main.add_command(train_command)
main.add_command(schema_command)
main.add_command(export_command)
main.add_command(import_command)
main.add_command(validate_command)
main.add_command(audit_command)
main.add_command(reextract_command)


if __name__ == "__main__":
    main()
