"""The authoring council: the council whose report this is, linked to the register.

Signals, in order of trust: the metadata extractor's letterhead council; a council named on the front page
(the first blocks); a council whose gov.uk e-mail domain the report gives; the council named most often when
the report calls itself "the Council". ``council_metadata`` turns the answer into metadata candidates
(``council`` and ``council_id``) where the metadata extractor found none.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.council import domain_councils

COUNCIL_KINDS = {
    "county council",
    "district council",
    "unitary",
    "metropolitan borough",
    "london borough",
    "combined authority",
}
FRONT_CHARS = 600  # the front page's letterhead and title
NO_AUTHORITY = register.Authority("", "", "", "", "", "", ())
THE_COUNCIL = re.compile(r"\b(?:the|this)\s+Council\b")


def _councils(orgs: list[Candidate]) -> list[Candidate]:
    return [c for c in orgs if c.data.get("kind") in COUNCIL_KINDS]


def domain_stems(name: str) -> set[str]:
    """Ways an organisation's name appears in its gov.uk domain: 'Sussex Police Authority' → sussexpa, sussex ..."""
    words = re.findall(r"[a-z]+", name.lower())
    suffix = {
        "council",
        "county",
        "city",
        "borough",
        "district",
        "metropolitan",
        "of",
        "and",
        "the",
        "police",
        "authority",
        "fire",
        "rescue",
        "service",
        "london",
        "royal",
    }
    place = [w for w in words if w not in suffix]
    rest = [w for w in words if w in suffix and w not in ("of", "and", "the")]
    stems = {"".join(place), "".join(words)}
    if place and rest:
        stems.add("".join(place) + "".join(w[0] for w in rest))
        stems.add("".join(place) + "".join(w[0] for w in rest if w not in ("council",)))
    return {s for s in stems if s}


def authoring_council(ctx: Context, orgs: list[Candidate]) -> tuple[Candidate, str] | None:
    """(the found body that wrote the report, which signal said so), or None. A council, except where a
    gov.uk e-mail domain names another body (a police or fire authority's report)."""
    councils = _councils(orgs)
    for c in ctx.results.get("metadata", []):
        if c.data.get("key") == "council":
            auth = register.resolve(c.data["value"])
            for o in councils:
                if o.data["name"].lower() == c.data["value"].lower() or (auth and o.data.get("id") == auth.id):
                    return o, "letterhead"
    front = [c for c in councils if c.start < FRONT_CHARS]
    if len({c.data["name"] for c in front}) == 1:
        return front[0], "front-page"
    domains = {d.replace("-", "") for d in re.findall(r"[@.]([a-z-]+)\.gov\.uk\b", ctx.text.lower())}
    listed = {id(c) for c in councils}  # by identity: `o not in councils` compares every pair (slow on long texts)
    for o in councils + [o for o in orgs if id(o) not in listed] if domains else []:
        if any(d in domain_stems(o.data["name"]) for d in domains):
            return o, "email-domain"
    # A council the report names only by its domain's short form ("NED" beside "j.bloggs@ned.gov.uk").
    domain = domain_council(ctx.text)
    for o in councils:
        if domain and o.data["name"] == domain[0] and o.rule == "domain-short-form":
            return o, "email-domain"
    counts = Counter(c.data["name"] for c in councils)
    if not counts:
        return None
    ranked = counts.most_common(2)
    sole = len(ranked) == 1 and ranked[0][1] >= 3  # the only council, named again and again
    if sole or (
        THE_COUNCIL.search(ctx.text) and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) and ranked[0][1] >= 2
    ):
        return next(c for c in councils if c.data["name"] == ranked[0][0]), "most-named"
    return None


def domain_council(text: str) -> tuple[str, int, int] | None:
    """(council's name, start, end of an address) of the council whose gov.uk addresses the report gives most
    (pipelines/extractors/council.py reads the label: "ned.gov.uk" is North East Derbyshire's), when one leads."""
    found = domain_councils(text)
    ranked = Counter(name for name, *_ in found).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    s, e = next((s, e) for name, s, e, _ in found if name == ranked[0][0])
    return ranked[0][0], s, e


def domain_metadata(ctx: Context) -> list[Candidate]:
    """Metadata candidates for a council known only by its addresses (a report that never names it)."""
    found = domain_council(ctx.text)
    if not found:
        return []
    name, s, e = found
    body = gazetteer.lookup(name)
    auth = register.resolve(name)
    c = Candidate(
        "organisations",
        s,
        e,
        {"name": name, "kind": body.kind if body else "unitary", "id": auth.id if auth else None},
        confidence=0.7,
        extractor="partners",
        rule="domain",
    )
    return council_metadata(ctx, (c, "email-domain"))


def council_metadata(ctx: Context, author: tuple[Candidate, str] | None) -> list[Candidate]:
    """Metadata candidates for the authoring council and its register id, where the metadata extractor has none."""
    if not author:
        return []
    c, signal = author
    if c.data.get("kind") not in COUNCIL_KINDS:
        return []  # a police or fire authority's report: the metadata's council stays empty
    have = {m.data.get("key") for m in ctx.results.get("metadata", [])}
    out = []
    conf = {"letterhead": 0.85, "front-page": 0.8, "email-domain": 0.75}.get(signal, 0.6)

    def meta(key: str, value: str) -> Candidate:
        return Candidate(
            "metadata",
            c.start,
            c.end,
            {"key": key, "value": value},
            confidence=conf,
            extractor="partners",
            rule=f"author-{signal}",
        )

    if "council" not in have:
        out.append(meta("council", c.data["name"]))
    named = [m.data.get("value", "") for m in ctx.results.get("metadata", []) if m.data.get("key") == "council"]
    if named and not any(
        n.lower() == c.data["name"].lower() or (register.resolve(n) or NO_AUTHORITY).id == c.data.get("id")
        for n in named
    ):
        return out  # the metadata names another council (a town or community council): its id is not this one's
    if "council_id" not in have and c.data.get("id"):
        out.append(meta("council_id", c.data["id"]))
    return out
