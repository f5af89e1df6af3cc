"""Give the gazetteer's councils their register codes (maintenance, not run by the pipeline).

    python scripts/gazetteer_codes.py [--reference ../shared/reference]

For every council in ``pipelines/rules/councils.csv`` and ``former_councils.csv`` it looks the name and
its aliases up in mySociety's register of UK local authorities and writes the authority's
``local-authority-code`` and GSS code into the ``code`` and ``gss`` columns, so that the pipeline can
give each council a stable id (``lac:KEN/gss:E10000016``), and the code of the county council a district
lies in (the register's ``county-la``) into ``county`` and its nation into ``nation``, so that an acronym
several councils share can be read as the one in the same county as the others the text names, or the one
in the nation the text is plainly from. Names, kinds and aliases stay our own;
only the identifier columns come from the register. A council the register names ambiguously, or not
at all, keeps empty codes. Councils the register lists as abolished that the gazetteer lacks are
reported, not added.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "pipelines" / "rules"


def key(name: str) -> str:
    s = name.lower().replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"[^\w\s']", " ", s)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", s).strip())


def register_index(reference: Path) -> tuple[dict[str, set[str]], dict[str, dict]]:
    """Normalised name -> register codes, and code -> register row."""
    rows = {
        r["local-authority-code"]: r
        for r in csv.DictReader((reference / "uk_local_authorities.csv").open(encoding="utf-8"))
    }
    index: dict[str, set[str]] = {}
    for code, r in rows.items():
        for n in [r["official-name"], *(r.get("alt-names") or "").split(",")]:
            if n.strip() and "council" in n.lower() or n == r["official-name"]:
                index.setdefault(key(n), set()).add(code)
    for r in csv.DictReader((reference / "uk_local_authority_name_lookup.csv").open(encoding="utf-8")):
        if "council" in r["la-name"].lower():
            index.setdefault(key(r["la-name"]), set()).add(r["local-authority-code"])
    return index, rows


def annotate(path: Path, index: dict[str, set[str]], rows: dict[str, dict]) -> tuple[int, int]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        extra = ("code", "gss", "county", "nation")
        fields = [f for f in reader.fieldnames or [] if f not in extra] + list(extra)
        table = list(reader)
    linked = 0
    for row in table:
        names = [row["name"], *(row.get("aliases") or "").split("|")]
        codes = set().union(*(index.get(key(n), set()) for n in names if n.strip()))
        code = next(iter(codes)) if len(codes) == 1 else ""
        row["code"], row["gss"] = code, rows[code]["gss-code"] if code else ""
        row["county"] = rows[code].get("county-la") or "" if code else ""
        row["nation"] = rows[code].get("nation") or "" if code else ""
        linked += bool(code)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(table)
    return linked, len(table)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = ap.parse_args(argv)
    if not (args.reference / "uk_local_authorities.csv").exists():
        print(f"error: no register at {args.reference}", file=sys.stderr)
        return 2
    index, rows = register_index(args.reference)
    for name in ("councils.csv", "former_councils.csv"):
        linked, total = annotate(RULES / name, index, rows)
        print(f"{name}: {linked} of {total} councils linked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
