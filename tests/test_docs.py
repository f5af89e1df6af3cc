"""Docs that cannot rot: every CLI command has help text and is in the README's CLI reference."""

import re
import tomllib
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
        assert f"councilx {name}" in reference, f"README's CLI reference does not cover `{name}`"


def test_readme_opens_with_the_two_commands():
    head = README[:600]
    assert "make run" in head and "make test" in head


def test_readme_commands_work_in_a_fresh_shell_after_make_run():
    """Issue 18: `python cli.py` fails in a clean shell (no `python`, or no typer); the README shows the venv's."""
    assert not re.search(r"(^|`|\| )python3? (cli\.py|scripts/|bench/|\.\./)", README, re.M), "bare python command"
    assert "no virtualenv needed" not in README
    assert "`.venv/bin/councilx" in README[:1500] and "source .venv/bin/activate" in README[:1500]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["councilx"] == "cli:main"  # what `make run` (pip install -e .) puts in .venv/bin
    used = set(re.findall(r"\.venv/bin/councilx ([a-z]+)", README))
    assert used and used <= set(commands()), used - set(commands())
