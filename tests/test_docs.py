"""Docs that cannot rot: every CLI command has help text and is in the README's CLI reference."""

from pathlib import Path

import typer.main

import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict:
    return typer.main.get_command(cli.app).commands  # type: ignore[attr-defined]


def test_every_command_has_help_text():
    for name, cmd in commands().items():
        assert (cmd.help or "").strip(), f"command {name} has no help text"
        for param in cmd.params:
            if param.name not in ("help",) and getattr(param, "param_type_name", "") == "option":
                assert (param.help or "").strip(), f"{name} --{param.name} has no help"


def test_every_command_is_in_the_readme_cli_reference():
    reference = README.split("## CLI reference", 1)[1]
    for name in commands():
        assert f"cli.py {name}" in reference, f"README's CLI reference does not cover `{name}`"


def test_readme_opens_with_the_two_commands():
    head = README[:600]
    assert "make run" in head and "make test" in head
