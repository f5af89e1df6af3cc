"""Load councilx's own top-level packages even when same-named modules come first on ``sys.path``.

The library's packages have generic names (``models``, ``extract``, ``pipelines``). A notebook folder
often holds its own ``models.py``; Python puts the current folder first on ``sys.path``, so a plain
``import pipelines`` there finds the user's file ("'pipelines' is not a package") or, worse, our code
finds the user's ``models``. ``load()`` therefore:

1. does nothing special when each name already resolves to our package (the usual case);
2. otherwise imports our packages, and every module in them, from the folder that holds this
   package, then gives the contested top-level names back to the user: ``sys.modules`` keeps our
   submodules (``models.report``, ...), which is all our code and pickle ever look up afterwards,
   while ``import models`` again finds the user's ``models.py``.

Worker processes (forkserver) start from the same folder, so in case 2 they must do the same before
they unpickle a job: ``load()`` names this package in ``pipelines.engines.WORKER_PRELOAD``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

PACKAGES = ("models", "extract", "pipelines")
HOME = Path(__file__).resolve().parent.parent  # the folder holding models/, extract/, pipelines/ and councilx/


def is_ours(name: str, origin: str | None) -> bool:
    """True when a module of top-level ``name`` found at ``origin`` is our package's ``__init__``."""
    return origin is not None and Path(origin).resolve() == HOME / name / "__init__.py"


def contested() -> list[str]:
    """Our top-level names that a plain ``import`` would not resolve to our packages here."""
    out = []
    for name in PACKAGES:
        module = sys.modules.get(name)
        if module is not None:
            origin = getattr(module, "__file__", None)
        else:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec else None
        if not is_ours(name, origin):
            out.append(name)
    return out


class _HomeFinder(importlib.abc.MetaPathFinder):
    """Finds the given top-level names in ``HOME`` only (their submodules follow their ``__path__``)."""

    def __init__(self, names: list[str]):
        self.names = set(names)

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None):
        if fullname not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, [str(HOME)])
        if spec is None or not is_ours(fullname, spec.origin):
            raise ImportError(f"councilx is incomplete: its package {fullname!r} is missing from {HOME}")
        return spec


def _import_everything(package: str) -> None:
    """Import ``package`` and every module under it, so no later import needs the top-level name."""
    top = importlib.import_module(package)
    for info in pkgutil.walk_packages(top.__path__, f"{package}."):
        importlib.import_module(info.name)


def load() -> list[str]:
    """Make our packages importable by their dotted names; return the top-level names left to the user."""
    names = contested()
    if not names:
        importlib.import_module("pipelines")
        return []
    theirs = {k: sys.modules.pop(k) for k in list(sys.modules) if k.partition(".")[0] in names}
    finder = _HomeFinder(names)
    sys.meta_path.insert(0, finder)
    try:
        for package in PACKAGES:
            if package in names:
                _import_everything(package)
            else:
                importlib.import_module(package)
    finally:
        sys.meta_path.remove(finder)
        for name in names:
            sys.modules.pop(name, None)
        for key, module in theirs.items():  # the user's modules back, where they do not hide ours
            if key in names or key not in sys.modules:
                sys.modules[key] = module
    engines = importlib.import_module("pipelines.engines")
    if __package__ not in engines.WORKER_PRELOAD:
        engines.WORKER_PRELOAD.append(__package__)
    return names
