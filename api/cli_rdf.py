"""The linked-data commands: `paperkg export`, `paperkg import` and `paperkg validate`.

Thin, as every command: open one object, call one library function, report. Registered on
the main group at the bottom of `cli.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

# The same option as cli.DB_OPTION; not imported from there, which imports this module.
DB_OPTION = click.option(
    "--db", default="paperkg.db", envvar="PAPERKG_DB", show_default=True,
    type=click.Path(dir_okay=False), help="SQLite database (or $PAPERKG_DB).",
)
FORMATS_HELP = "turtle, nt, nq, trig, json-ld, xml."


def _open_records(db: str):
    """The store at `db` as a KnowledgeGraph for exports: records only, no networkx graph,
    so memory stays flat however large the corpus."""
    from paperkg.graph.errors import StoreError
    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.store import Store

    if not Path(db).is_file():
        raise StoreError(f"{db} does not exist; create it with `paperkg ingest FILE --db {db}`")
    return KnowledgeGraph.for_streaming(Store(db))


@click.command("export")
@DB_OPTION
@click.option("--format", "format_", default="turtle", show_default=True, help=FORMATS_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (stdout otherwise).")
@click.option("--base", default=None, help="Base IRI of papers and entities [default: http://127.0.0.1:8000/].")
@click.option("--vocab/--no-vocab", default=True, show_default=True, help="Include the paperkg vocabulary.")
@click.option("--void/--no-void", default=True, show_default=True, help="End with the VoID description.")
def export_command(db, format_, output, base, vocab, void) -> None:
    """Export the graph as RDF, streamed (memory stays flat however large the graph)."""
    from paperkg.graph.rdf import DEFAULT_BASE, resolve_format, write_rdf

    resolve_format(format_)  # a bad format fails before the graph is read
    kg = _open_records(db)
    # A path (not an open file) lets write_rdf write atomically.
    written = write_rdf(kg, output or sys.stdout.buffer, format=format_, base=base or DEFAULT_BASE,
                        vocab=vocab, void=void)
    sys.stdout.buffer.flush()
    if output:
        click.echo(f"{written} triples written to {output}", err=True)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@DB_OPTION
@click.option("--base", default=None, help="Base IRI of the export [default: read from the file].")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def import_command(file, db, base, quiet) -> None:
    """Rebuild a store (and its graph) from FILE, an export of paperkg."""
    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.rdf_import import check_source, from_rdf
    from paperkg.graph.store import Store

    check_source(file)  # before the store is created
    with Store(db) as store:
        report = from_rdf(file, store, base=base, progress=not quiet)
        kg = KnowledgeGraph(store)
        click.echo(f"{report.added + report.updated + report.unchanged} papers imported "
                   f"({report.added} new, {report.updated} updated, {report.unchanged} unchanged); "
                   f"the graph holds {kg.paper_total} papers and {kg.count_entities()} entities")


@click.command("validate")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@DB_OPTION
@click.option("--limit", default=50, show_default=True, help="Violations to print at most.")
def validate_command(file, db, limit) -> None:
    """Check FILE (or an export of --db) against paperkg's SHACL shapes."""
    from paperkg.graph.rdf import write_rdf
    from paperkg.graph.rdf_validate import validate_file

    if file is None:
        with tempfile.TemporaryDirectory() as folder:
            file = Path(folder) / "export.ttl"
            write_rdf(_open_records(db), file, "turtle")
            violations = validate_file(file)
            file = f"the export of {db}"
    else:
        violations = validate_file(file)
    if not violations:
        click.echo(f"{file} conforms to paperkg's shapes")
        return
    for violation in violations[:limit]:
        click.echo(str(violation))
    more = f" ({len(violations) - limit} more not shown)" if len(violations) > limit else ""
    click.echo(f"{file} does not conform: {len(violations)} violations{more}", err=True)
    sys.exit(1)
