"""`paperkg eval --roles`: score what papers introduce and evaluate on against role gold.

Kept apart from cli_extract.py, which only hands over to `eval_roles`.
"""

from __future__ import annotations

import json

import click


def eval_roles(gold: tuple[str, ...], as_json: bool, n_errors: int, model_dir) -> None:
    """Score the extractor's roles on role GOLD files (default: the repository's role gold).

    Raises:
        click.UsageError: No file given and the repository holds no role gold.
    """
    from paperkg.graph.evaluation.role_report import (
        ROLE_HALVES, default_role_golds, role_errors, role_json, role_table,
    )
    from paperkg.graph.evaluation.role_scoring import evaluate_roles
    from paperkg.graph.extract import Extractor

    paths = list(gold) or [str(p) for p in default_role_golds()]
    if not paths:
        raise click.UsageError(
            f"no role gold given and none in data/roles/ ({', '.join(ROLE_HALVES)}); "
            "give a file: paperkg eval --roles GOLD.jsonl"
        )
    extractor = Extractor.default(model_dir=model_dir)
    reports = {p: evaluate_roles(p, extractor, progress=not as_json) for p in paths}
    if as_json:
        payload = {p: role_json(r, n_errors) for p, r in reports.items()}
        click.echo(json.dumps(payload if len(paths) > 1 else payload[paths[0]], indent=2))
        return
    for path, report in reports.items():
        click.echo(f"== {path}")
        click.echo(role_table(report))
        if n_errors:
            click.echo(role_errors(report, n_errors))
