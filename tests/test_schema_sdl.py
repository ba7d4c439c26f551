"""schema/sdl.py and `paperkg schema`: the checked-in schema.graphql is the schema served."""

import difflib
from pathlib import Path

from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.schema.sdl import print_sdl

CHECKED_IN = Path(__file__).resolve().parents[1] / "schema.graphql"


def test_checked_in_sdl_matches_the_schema():
    expected = CHECKED_IN.read_text(encoding="utf-8")
    actual = print_sdl()
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "schema.graphql", "paperkg schema", n=1))
    assert actual == expected, f"the schema changed; review and run `make schema`:\n{diff}"


def test_schema_command_prints_the_sdl():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == print_sdl()
    assert "interface Node {" in result.output and "type Paper implements Node" in result.output
