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
@click.option("--score", "sheets", multiple=True, type=click.Path(dir_okay=False),
              help="Score a judged sheet instead of drawing one (repeat to pool sheets).")
@click.option("--as-now", is_flag=True,
              help="With --score: read each judged row as the store holds its entity now (a graph made "
                   "after the sheet): rows of entities gone dropped, present strata, a wrong-type:T row "
                   "whose entity is now T counted ok.")
def audit_command(db, size, seed, output, sheets, as_now, types, bands) -> None:
    """Draw a stratified sample of entities to judge (-o), or score judged sheets (--score).

    Strata are origin x type x paper-count band (1, 2, 3-9, 10+). Verdicts: ok,
    not-a-name, wrong-type:TYPE. Scores are precision per stratum, with each stratum's
    size in the store so that groups of strata are weighted by size. Several --score
    sheets are pooled; each row counts in the stratum its sheet gives, or with --as-now in
    the stratum its entity has in the store now.
    """
    from paperkg.graph import audit

    conn = audit.open_readonly(db)
    if sheets:
        population = {k: len(v) for k, v in audit.count_strata(conn).items()}
        rows = [row for sheet in sheets for row in audit.read_judged(sheet)]
        if not as_now:
            scores = audit.score_verdicts([(row.stratum, row.verdict) for row in rows], population)
            click.echo(format_scores(scores, audit))
            return
        now = audit.read_as_now(conn, rows)
        click.echo(format_scores(audit.score_verdicts(now.verdicts, population), audit))
        click.echo(format_changes(now))
        return
    if as_now:
        raise click.UsageError("--as-now reads judged sheets: give it with --score SHEET.tsv")
    if not output:
        raise click.UsageError("give -o SHEET.tsv to draw a sample, or --score SHEET.tsv to score one")
    rows = audit.draw_sample(conn, size, seed, {t.upper() for t in types}, set(bands))
    audit.write_sheet(rows, output)
    click.echo(f"{len(rows)} entities from {len({r.stratum for r in rows})} strata written to {output}")


def format_changes(now) -> str:
    """What reading the rows as the store holds them now changed, row by row."""
    lines = [f"\nread as the store holds them now: {len(now.gone)} rows dropped (entity gone), "
             f"{len(now.now_right)} wrong-type rows now right, {len(now.retyped)} of another type now "
             "(verdict kept: judge again)"]
    lines += [f"  dropped: {r.entity} ({r.type}, {r.verdict})" for r in now.gone]
    lines += [f"  now right: {r.entity} ({r.type} -> {r.verdict.split(':', 1)[1].upper()})" for r in now.now_right]
    lines += [f"  judge again: {r.entity} ({r.type} -> {type_}, judged {r.verdict})" for r, type_ in now.retyped]
    return "\n".join(lines)


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
