"""Data flows one way: models <- extract <- pipelines <- cli. No upward imports."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"models": 0, "extract": 1, "pipelines": 2, "cli": 3}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_no_module_imports_from_a_higher_layer():
    bad = []
    for package, level in LAYERS.items():
        files = [ROOT / "cli.py"] if package == "cli" else list((ROOT / package).rglob("*.py"))
        for f in files:
            for name in imports_of(f):
                if name in LAYERS and LAYERS[name] > level:
                    bad.append(f"{f.relative_to(ROOT)} imports {name}")
    assert not bad, bad
