"""`paperkg audit`: draw a sample of a store's entities to judge, or score a judged sheet."""

from __future__ import annotations

import click


@click.command("audit")
@click.option("--db", default="paperkg.db", envvar="PAPERKG_DB", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database (or $PAPERKG_DB).")
@click.option("-n", "size", default=300, show_default=True, help="Entities to draw.")
@click.option("--seed", default=0, show_default=True, help="Seed of the draw (same seed, same sample).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the sheet to judge here (TSV).")
@click.option("--type", "types", multiple=True, type=click.Choice(
    ["MODEL", "DATASET", "BENCHMARK", "METHOD", "TASK", "METRIC"], case_sensitive=False),
    help="Draw only entities of this type (repeatable).")
@click.option("--band", "bands", multiple=True, type=click.Choice(["1", "2", "3-9", "10+"]),
              help="Draw only entities in this paper-count band (repeatable).")
@click.option("--score", "sheet", type=click.Path(dir_okay=False),
              help="Score a judged sheet instead of drawing one.")
def audit_command(db, size, seed, output, sheet, types, bands) -> None:
    """Draw a stratified sample of entities to judge (-o), or score a judged sheet (--score).

    Strata are origin x type x paper-count band (1, 2, 3-9, 10+). Verdicts: ok,
    not-a-name, wrong-type:TYPE. Scores are precision per stratum, with each stratum's
    size in the store so that groups of strata are weighted by size.
    """
    from paperkg.graph import audit

    conn = audit.open_readonly(db)
    if sheet:
        population = {k: len(v) for k, v in audit.count_strata(conn).items()}
        scores = audit.score_verdicts(audit.read_verdicts(sheet), population)
        click.echo(format_scores(scores, audit))
        return
    if not output:
        raise click.UsageError("give -o SHEET.tsv to draw a sample, or --score SHEET.tsv to score one")
    rows = audit.draw_sample(conn, size, seed, {t.upper() for t in types}, set(bands))
    audit.write_sheet(rows, output)
    click.echo(f"{len(rows)} entities from {len({r.stratum for r in rows})} strata written to {output}")


def format_scores(scores, audit) -> str:
    """The per-stratum table, then the weighted groups and the whole-graph estimate."""
    lines = [f"{'origin':<11} {'type':<9} {'band':<5} {'judged':>6} {'ok':>4} {'precision':>9} {'in graph':>9}"]
    for s in scores:
        p = "-" if s.precision is None else f"{100 * s.precision:.1f}"
        lines.append(f"{s.stratum[0]:<11} {s.stratum[1]:<9} {s.stratum[2]:<5} {s.judged:>6} "
                     f"{s.correct:>4} {p:>9} {s.population:>9}")
    lines.append("")
    for name, (p, held, judged, correct) in audit.group_scores(scores, audit.TARGET_GROUPS).items():
        shown = "-" if p is None else f"{100 * p:.1f}%"
        lines.append(f"{name}: {shown} weighted ({correct}/{judged} judged ok; {held} entities)")
    p, held = audit.weighted_precision(scores)
    shown = "-" if p is None else f"{100 * p:.1f}%"
    lines.append(f"whole graph, strata judged: {shown} weighted over {held} entities")
    return "\n".join(lines)
