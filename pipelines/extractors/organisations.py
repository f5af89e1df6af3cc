"""Organisations: every named organisation, under its full canonical name.

Sources, in order of trust: the gazetteer (pipelines/rules/*.csv) by name and alias;
name patterns ("X County Council", "X Fire and Rescue Service", "X NHS Foundation Trust",
"Department for X"), with coordinated names expanded ("East and West Sussex County
Councils" is two councils); acronyms the text defines ("(ESCC)") or that are a found
name's initials; and spaCy's ORG entities when the model is installed (kept for review).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines import gazetteer
from pipelines.extractors.base import Candidate, Context
from pipelines.orgnames import initials, is_generic_place, kind_from_name, split_coordination, walk_back

SUFFIXES = (
    r"County\s+Borough\s+Councils?", r"Metropolitan\s+(?:Borough|District)\s+Councils?", r"County\s+Councils?",
    r"Borough\s+Councils?", r"District\s+Councils?", r"City\s+Councils?", r"Combined\s+Authority",
    r"Fire\s+and\s+Rescue\s+(?:Services?|Authority|Authorities)", r"Fire\s+Authority", r"Police\s+Authority",
    r"Police\s+and\s+Crime\s+Commissioner", r"Constabulary", r"Police",
    r"(?:Foundation\s+)?NHS\s+(?:Foundation\s+)?Trust", r"Integrated\s+Care\s+Board", r"Clinical\s+Commissioning\s+Group",
    r"Health\s+Board", r"Housing\s+(?:Trust|Association)", r"Ltd\.?", r"Limited", r"plc", r"LLP",
    r"Councils?", r"Board", r"Forum", r"Network", r"Group", r"Partnership", r"Association", r"Commission",
)
SUFFIX_RE = re.compile(r"\b(?:" + "|".join(SUFFIXES) + r")\b")
# Suffixes that make a proper name only with two or more capitalised words before them.
WEAK = {"Board", "Forum", "Network", "Group", "Partnership", "Association", "Commission", "Police"}
# Council-internal bodies and generic heads that are not organisations in their own right.
INTERNAL = re.compile(r"^(?:Scrutiny|Cabinet|Executive|Policy|Audit|Planning|Licensing|Project|Programme|Steering|"
                      r"Task|Management|Leadership|Senior|Officers?|Members?|Corporate|Strategic|Working|Reference|"
                      r"Advisory|Stakeholder|Project|Delivery|Implementation|Governance|Finance|Budget|Political|"
                      r"Liberal|Labour|Conservative|Green|Independent|Opposition|Escalation|Appeals|Standards|"
                      r"Health and Wellbeing|Schools|Youth|Parish|Town|Area|Local|Transformation)\b")
DEPT_RE = re.compile(r"\b(?:Department|Ministry)\s+(?:for|of)\s+[A-Z][\w’']*(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)[A-Z][\w’']*)*")
ROYAL_RE = re.compile(r"\b(?:Royal|London)\s+Borough\s+of\s+[A-Z][\w’']*(?:\s+(?:and|upon|on)\s+[A-Z][\w’']*|\s+[A-Z][\w’']*)*")
DEFINE_RE = re.compile(r"\(\s*(?:the\s+)?[“\"']?([A-Z][A-Za-z0-9&]{1,9})[”\"']?\s*\)")
SHORT_CC = re.compile(r"\b([A-Z][\w’']*(?:\s+[A-Z][\w’']*)?)\s+(CC|BC|DC)\b")


@lru_cache(maxsize=1)
def _gazetteer_re() -> re.Pattern[str] | None:
    names = set()
    for b in gazetteer.load():
        names.add(b.name)
        names.update(a for a in b.aliases if not a.isupper() and len(a) > 3)
    if not names:
        return None
    def pattern(name: str) -> str:
        words = [r"(?:&|and)" if w in ("&", "and") else re.escape(w) for w in name.split()]
        return r"\s+".join(words)

    alts = sorted((pattern(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def canonical(name: str) -> tuple[str, str]:
    """(canonical name, kind) for a surface name: the gazetteer's entry, else the name as written."""
    name = re.sub(r"^(?:the|The)\s+", "", " ".join(name.split())).strip(" ,.;:")
    body = gazetteer.lookup(name)
    if body:
        return body.name, body.kind
    return name, kind_from_name(name)


class OrganisationsExtractor:
    """Finds named organisations."""

    name = "organisations"
    field = "organisations"

    def find(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        found: list[Candidate] = []
        found += self._gazetteer(text)
        found += self._patterns(text)
        found = self._resolve_overlaps(found)
        found += self._acronyms(text, found)
        if ctx.has_model:
            found += self._model(ctx, found)
        return self._resolve_overlaps(found)

    def _cand(self, name: str, start: int, end: int, conf: float, rule: str, kind: str | None = None,
              aliases: list[str] | None = None) -> Candidate:
        canon, k = canonical(name)
        return Candidate("organisations", start, end, {"name": canon, "kind": kind or k, "aliases": aliases or []},
                         confidence=conf, extractor=self.name, rule=rule)

    def _gazetteer(self, text: str) -> list[Candidate]:
        pattern = _gazetteer_re()
        out = [self._cand(m.group(0), m.start(), m.end(), 0.95, "gazetteer") for m in pattern.finditer(text)] if pattern else []
        for acro, body in gazetteer.acronyms().items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
                out.append(Candidate("organisations", m.start(), m.end(),
                                     {"name": body.name, "kind": body.kind, "aliases": [acro]},
                                     confidence=0.85, extractor=self.name, rule="gazetteer-acronym"))
        return out

    def _patterns(self, text: str) -> list[Candidate]:
        out = []
        for m in SUFFIX_RE.finditer(text):
            start = walk_back(text, m.start())
            place = text[start:m.start()].strip()
            suffix = m.group(0)
            if is_generic_place(place):
                continue
            words = [w for w in re.findall(r"[A-Za-z][\w’']*", place) if w[0].isupper()]
            if suffix.split()[0] in WEAK and (len(words) < 2 or INTERNAL.match(place)):
                continue
            if suffix in ("Council", "Councils") and INTERNAL.match(place):
                continue
            plural = suffix.endswith(("Councils", "Services", "Authorities"))
            single = re.sub(r"Councils$", "Council", re.sub(r"Services$", "Service", re.sub(r"Authorities$", "Authority", suffix)))
            whole = f"{place} {single}"
            if not plural and (" and " in place or " & " in place) and not gazetteer.lookup(whole):
                parts = split_coordination(place)
                if all(gazetteer.lookup(f"{p} {single}") for p in parts):
                    plural = True
            names = [f"{p} {single}" for p in split_coordination(place)] if plural else [whole]
            conf = 0.9 if suffix.split()[0] not in WEAK else 0.6
            for n in names:
                out.append(self._cand(n, start, m.end(), conf, "pattern-coordinated" if len(names) > 1 else "pattern"))
        for rx, rule in ((DEPT_RE, "department"), (ROYAL_RE, "royal-borough")):
            for m in rx.finditer(text):
                name = re.sub(r"\s+(?:and|&)$", "", m.group(0))
                out.append(self._cand(name, m.start(), m.start() + len(name), 0.85, rule))
        for m in SHORT_CC.finditer(text):
            full = {"CC": ("County Council", "City Council"), "BC": ("Borough Council",), "DC": ("District Council",)}
            for suffix in full[m.group(2)]:
                if gazetteer.lookup(f"{m.group(1)} {suffix}"):
                    out.append(self._cand(f"{m.group(1)} {suffix}", m.start(), m.end(), 0.85, "short-form",
                                          aliases=[m.group(0)]))
                    break
        return out

    def _acronyms(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Acronyms defined right after a found name, or equal to a found name's initials."""
        table: dict[str, Candidate] = {}
        for c in found:
            m = DEFINE_RE.match(text, c.end, c.end + 16) or DEFINE_RE.match(text, c.end + 1, c.end + 16)
            if m:
                table[m.group(1)] = c
        for c in found:
            ini = initials(c.data["name"])
            if len(ini) >= 3:
                table.setdefault(ini, c)
        out = []
        for acro, c in table.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
                out.append(Candidate("organisations", m.start(), m.end(),
                                     {"name": c.data["name"], "kind": c.data["kind"], "aliases": [acro]},
                                     confidence=0.8, extractor=self.name, rule="acronym"))
        return out

    def _model(self, ctx: Context, found: list[Candidate]) -> list[Candidate]:
        """spaCy ORG entities not already covered, filtered hard, kept for review."""
        out = []
        for s, e, label in ctx.entities:
            if label != "ORG" or any(c.start < e and s < c.end for c in found):
                continue
            name = ctx.text[s:e].strip()
            words = name.split()
            if not (2 <= len(words) <= 6) or not all(w[0].isupper() or w.lower() in {"and", "of", "&", "for"} for w in words):
                continue
            if INTERNAL.match(name) or is_generic_place(name) or re.search(r"\d|Act\b|Plan\b|Strategy\b|Fund\b|Programme\b|"
                                                                            r"Scheme\b|Policy\b|Report\b|Review\b|Directorate\b",
                                                                            name):
                continue
            out.append(self._cand(name, s, e, 0.45, "spacy-ORG"))
        return out

    @staticmethod
    def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
        """Drop a candidate inside a longer one (same span set), keeping coordinated expansions."""
        cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
        out: list[Candidate] = []
        for c in cands:
            inside = any(o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start) for o in out)
            if not inside:
                out.append(c)
        return out
