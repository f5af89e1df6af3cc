"""Data flows one way: models <- extract <- pipelines <- cli/councilx. No upward imports."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"models": 0, "extract": 1, "pipelines": 2, "cli": 3, "councilx": 3}


def imports_of(path: Path) -> set[str]:
    """Top-level names of the absolute imports in ``path`` (function-level imports included)."""
    return {name.split(".")[0] for name in modules_imported_by(path)}


def modules_imported_by(path: Path, root: Path = ROOT) -> set[str]:
    """Every module ``path`` imports, dotted and absolute: ``from pipelines import batch`` and
    ``from ..batch import x`` both count as ``pipelines.batch`` (and ``from a import b`` as ``a`` too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(root).with_suffix("")
    package = list(rel.parts if rel.name == "__init__" else rel.parts[:-1])
    if rel.name == "__init__":
        package = package[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out |= {f"{module}.{a.name}" for a in node.names}
    return out


def layer_files(package: str) -> list[Path]:
    if package in ("cli", "councilx") and (ROOT / f"{package}.py").exists():
        return [ROOT / f"{package}.py"]
    return list((ROOT / package).rglob("*.py"))


def test_no_module_imports_from_a_higher_layer():
    bad = []
    for package, level in LAYERS.items():
        for f in layer_files(package):
            for name in imports_of(f):
                if name in LAYERS and LAYERS[name] > level:
                    bad.append(f"{f.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_engines_sit_below_batch():
    """pipelines.batch plans a run and calls the engines; the engines must not import it back."""
    bad = [
        f"{f.relative_to(ROOT)} imports {m}"
        for f in (ROOT / "pipelines" / "engines").rglob("*.py")
        for m in modules_imported_by(f)
        if m == "pipelines.batch" or m.startswith("pipelines.batch.")
    ]
    assert not bad, bad


def test_the_engine_check_sees_every_form_of_import(tmp_path):
    """The check above catches plain, from-package, relative and function-level imports."""
    engines = tmp_path / "pipelines" / "engines"
    engines.mkdir(parents=True)
    forms = [
        "from pipelines.batch import run_batch",
        "import pipelines.batch",
        "from pipelines import batch",
        "from ..batch import run_batch",
        "def f():\n    from pipelines.batch import discover\n",
    ]
    for i, src in enumerate(forms):
        f = engines / f"m{i}.py"
        f.write_text(src + "\n", encoding="utf-8")
        assert "pipelines.batch" in modules_imported_by(f, tmp_path), src
    (engines / "__init__.py").write_text("from pipelines.process import process_one\nfrom . import local\n")
    assert modules_imported_by(engines / "__init__.py", tmp_path) == {
        "pipelines.process",
        "pipelines.process.process_one",
        "pipelines.engines",
        "pipelines.engines.local",
    }
