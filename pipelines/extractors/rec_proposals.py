"""Proposals for recommendations: every sentence or short block that reads like a decision (``cand-...`` rules).

A generous generator for the learned model to judge (``pipelines/learn/``): the sentences that hold a word of
deciding ("agreed", "resolved", "approved", "no objection", "proposed ... seconded"), and the short blocks made
of a few such sentences (a planning line: "Site – proposal. No comment."), each with its label and a leading
"RESOLVED that" removed. Without a model they are dropped (``store.apply_model``); with one, the best-scored of
overlapping proposals is kept, and none that overlaps a kept rule item. ``Candidate.why`` carries what the
features read: the unit ("sentence", "block"), and "dup" where a rule item already says the same.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipelines.extractors.base import Candidate, Context

# General English and UK meeting vocabulary of deciding (no phrase from any one document).
CUE = re.compile(
    r"\b(?:agree[ds]?|agreement|approv\w*|resol(?:ved?|ves|ution)|decid\w*|decisions?|recommend\w*|appoint\w*|"
    r"accept\w*|adopt\w*|endors\w*|objections?|object(?:s|ed)?|no\s+(?:comments?|observations)|support(?:s|ed)?|"
    r"ratif\w*|authori[sz]\w*|delegat\w*|allocat\w*|award\w*|grant\w*|refus\w*|defer\w*|elected|re-elected|"
    r"co-opt\w*|carried|unanimous\w*|proposed|seconded|moved|signed|confirm\w*|noted|payments?|paid|pay|"
    r"purchase\w*|commission\w*|instruct\w*|consent\w*|voted?|declin\w*|reject\w*|(?:correct|true)\s+record)\b",
    re.I,
)
# "RESOLVED that", "AGREED:", "Decision –" before the words of the decision
LEAD = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:resolved|RESOLVED|AGREED|DECIDED|RECOMMENDED)\b(?:\s+unanimously)?\s*[:\-–,]?\s*"
    r"(?:that\b\s*[:\-–]?\s*)?|(?:decisions?|resolutions?|recommendations?)\s*[:\-–]\s*)",
)
MAX_WORDS = 90
BLOCK_MAX_WORDS = 70
MAX_SENTS = 4


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The unit without its label, a leading "RESOLVED that" and the spaces and dashes around it."""
    from pipelines.extractors.recommendations import split_label

    text = ctx.text[start:end]
    _, rest = split_label(text.lstrip())
    start = end - len(rest)
    m = LEAD.match(ctx.text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while start < end and ctx.text[start] in " \t\n-–—:•|*":
        start += 1
    while end > start and ctx.text[end - 1] in " \t\n|;,":
        end -= 1
    return start, end


def _clean(text: str) -> str:
    return " ".join(text.replace(" | ", " ").replace("|", " ").split())


def proposals(ctx: Context, rule_items: list[Candidate]) -> list[Candidate]:
    """Sentence and block proposals over the whole document (one walk over blocks and sentences)."""
    from pipelines.extractors.recommendations import _similar, _words

    doc, text = ctx.document, ctx.text
    sents = ctx.sentences
    rule_words = [_words(c.data.get("text", "")) for c in rule_items]
    by_word: dict[str, list[int]] = {}
    for n, ws in enumerate(rule_words):
        for w in ws:
            by_word.setdefault(w, []).append(n)

    def dup(words: set[str]) -> bool:
        near = {n for w in words for n in by_word.get(w, [])[:50]}
        return any(_similar(words, rule_words[n]) for n in near)

    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, unit: str) -> None:
        s, e = _trim(ctx, start, end)
        body = _clean(text[s:e])
        n = len(body.split())
        if (s, e) in seen or n < 2 or n > MAX_WORDS:
            return
        seen.add((s, e))
        tags = [unit] + (["dup"] if dup(_words(body)) else [])
        out.append(
            Candidate(
                "recommendations",
                s,
                e,
                {"label": None, "text": body},
                confidence=0.3,
                extractor="recommendations",
                rule=f"cand-{unit}",
                why=" ".join(tags),
            )
        )

    for b in doc.blocks:
        k = bisect_left(sents, (b.start, -1))
        inside = []
        while k < len(sents) and sents[k][1] <= b.end:
            inside.append(sents[k])
            k += 1
        hits = [bool(CUE.search(text, s, e)) for s, e in inside]
        for (s, e), hit in zip(inside, hits):
            if hit:
                add(s, e, "sentence")
        if 2 <= len(inside) <= MAX_SENTS and any(hits) and len(text[b.start : b.end].split()) <= BLOCK_MAX_WORDS:
            add(b.start, b.end, "block")
    return out
