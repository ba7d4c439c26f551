"""`paperkg schema`: print the GraphQL schema as SDL."""

from __future__ import annotations

import click


@click.command("schema")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the SDL (stdout).")
def schema_command(output) -> None:
    """Print the GraphQL schema (SDL); `-o schema.graphql` refreshes the checked-in copy."""
    from paperkg.schema.sdl import print_sdl

    output.write(print_sdl())
