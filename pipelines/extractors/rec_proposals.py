"""Proposals for recommendations: every sentence that reads like a decision (``cand-...`` rules).

A generous generator for the learned model to judge (``pipelines/learn/``): the sentences that hold a word of
deciding ("agreed", "resolved", "approved", "no objection", "proposed ... seconded"), and the lines of a list that
a decision's lead-in opens ("... were appointed as follows:"), each with its label and a leading "RESOLVED that"
removed. Not a sentence where one person undertakes a task ("MC agreed to write"), nor one a rule item already
holds or says. Markdown that carries raw HTML is read by its paragraphs. Without a model proposals are dropped
(``store.apply_model``); with one, the best-scored of overlapping ones is kept, and none over a kept rule item.
``Candidate.why`` carries what the features read: the unit and its place in its block, how many rule items and
proposals the document has.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate

from pipelines.extractors.base import _ABBREV, _SENT_END, Candidate, Context

# General English and UK meeting vocabulary of deciding (no phrase from any one document).
CUE = re.compile(
    r"\b(?:agree[ds]?|agreement|approv\w*|resol(?:ved?|ves|ution)|decid\w*|decisions?|recommend\w*|appoint\w*|"
    r"accept\w*|adopt\w*|endors\w*|objections?|object(?:s|ed)?|no\s+(?:comments?|observations)|support(?:s|ed)?|"
    r"ratif\w*|authori[sz]\w*|delegat\w*|allocat\w*|award\w*|grant\w*|refus\w*|defer\w*|elected|re-elected|"
    r"co-opt\w*|carried|unanimous\w*|proposed|seconded|moved|signed|confirm\w*|noted|payments?|paid|pay|"
    r"purchase\w*|commission\w*|instruct\w*|consent\w*|voted?|declin\w*|reject\w*|(?:correct|true)\s+record|"
    r"nominated|consensus|affirm\w*)\b",
    re.I,
)
# "RESOLVED that", "AGREED:", "Decision –" before the words of the decision
LEAD = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:resolved|RESOLVED|AGREED|DECIDED|RECOMMENDED)\b(?:\s+unanimously)?\s*[:\-–,]?\s*"
    r"(?:that\b\s*[:\-–]?\s*)?|(?:decisions?|resolutions?|recommendations?)\s*[:\-–]\s*)",
)
# Markdown that carries raw HTML: its paragraphs and list items are one block; the tags part them
HTML_BREAK = re.compile(r"<\s*/?\s*(?:p|li|br|ul|ol|div|h[1-6]|tr|td|th|table)\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]{1,200}>")
TAG_END = re.compile(r"\s*<[^>]{1,200}>\s*$")
MAX_WORDS = 90
# one person undertaking a task ("MC agreed to follow this up", "Jane offered to write"): an action, not a decision
# of the body (GUIDELINES: "Hard cases"); a body's name ("Members agreed to", "The Panel agreed to") is not a person
PERSON_TASK = re.compile(
    r"(?:(?i:actions?)\s*[:\-–]\s*)?(?:(?:Cllrs?|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?!(?:Members|Councillors|Council|Committee|Board|Panel|Group|All|Everyone|We|They|It|This|The|Officers)\b)"
    r"(?:(?![A-Z]?[CP]C\b)[A-Z]{2,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)?)\s+(?:agreed|offered|volunteered|undertook)\s+to\s+"
    r"(?!be\b)\w",
)
# the end of a lead-in to a list of what was decided: "... as follows:", "the following payments:-"
LIST_LEAD = re.compile(r"(?::\s*[-–—]?|\bas\s+follows\.?|\bfollowing\s*[-–—]?)\s*$", re.I)
ITEM_WORDS = 30
MAX_ITEMS = 25


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
    while (tag := TAG.match(ctx.text, start, end)) and tag.end() < end:
        start = tag.end()
        while start < end and ctx.text[start] in " \t\n":
            start += 1
    while end > start and ctx.text[end - 1] in " \t\n|;,":
        end -= 1
    while (tail := TAG_END.search(ctx.text, start, end)) and tail.start() > start:
        end = tail.start()
    return start, end


def _clean(text: str) -> str:
    """The words of a unit: no table bars, no HTML tags or entities (Markdown that carries raw HTML)."""
    if "<" in text or "&" in text:
        text = html.unescape(TAG.sub(" ", text))
    return " ".join(text.replace("|", " ").split())


def _sentences_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence ranges of text[lo:hi], as ``split_sentences`` cuts a block."""
    out, pos = [], lo
    for m in _SENT_END.finditer(text, lo, hi):
        if _ABBREV.search(text[max(pos, m.start() - 8) : m.start()]):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    if pos < hi:
        out.append((pos, hi))
    return out


def _units(ctx: Context) -> Iterator[tuple[int, int, str, list[tuple[int, int]]]]:
    """Each block (or each paragraph of raw HTML inside a block) with its kind and its sentences."""
    text, sents = ctx.text, ctx.sentences
    for b in ctx.document.blocks:
        if HTML_BREAK.search(text, b.start, b.end):
            cuts = [b.start] + [x for m in HTML_BREAK.finditer(text, b.start, b.end) for x in m.span()] + [b.end]
            for lo, hi in zip(cuts[::2], cuts[1::2]):
                if text[lo:hi].strip():
                    yield lo, hi, b.kind, _sentences_in(text, lo, hi)
            continue
        k = bisect_left(sents, (b.start, -1))
        inside = []
        while k < len(sents) and sents[k][1] <= b.end:
            inside.append(sents[k])
            k += 1
        yield b.start, b.end, b.kind, inside


def proposals(ctx: Context, rule_items: list[Candidate]) -> list[Candidate]:
    """Sentence and list-line proposals over the whole document (one walk over blocks and sentences)."""
    from pipelines.extractors.recommendations import _similar, _words

    text = ctx.text
    rule_words = [_words(c.data.get("text", "")) for c in rule_items]
    by_word: dict[str, list[int]] = {}
    for n, ws in enumerate(rule_words):
        for w in ws:
            by_word.setdefault(w, []).append(n)

    spans = sorted((c.start, c.end) for c in rule_items)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end of the spans up to each one

    def covered(s: int, e: int) -> bool:
        i = bisect_left(starts, e) - 1  # the last rule span that starts before this unit ends
        return i >= 0 and reach[i] > s

    def dup(words: set[str]) -> bool:
        near = {n for w in words for n in by_word.get(w, [])[:50]}
        return any(_similar(words, rule_words[n]) for n in near)

    # how many items the rules found: minutes with a formal RESOLVED block leave the prose around it as talk
    formal = "rules=" + ("0" if not rule_items else "few" if len(rule_items) <= 3 else "many")
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, unit: str, *more: str) -> None:
        s, e = _trim(ctx, start, end)
        body = _clean(text[s:e])
        n = len(body.split())
        if (s, e) in seen or n < 2 or n > MAX_WORDS or covered(s, e) or dup(_words(body)):
            return  # a rule item holds this span, or says the same elsewhere: the rule's reading stands
        seen.add((s, e))
        tags = [unit, *more, formal]
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

    items_left = 0  # lines of a list that a decision's lead-in ("were appointed as follows:") opened
    for lo, hi, kind, inside in _units(ctx):
        hits = [bool(CUE.search(text, s, e)) for s, e in inside]
        words = len(text[lo:hi].split())
        if items_left and words <= ITEM_WORDS and kind != "heading":
            if not PERSON_TASK.match(text, lo, hi):
                add(lo, hi, "item", "cue" if any(hits) else "nocue")
            items_left -= 1
        else:
            items_left = 0
        if any(hits) and LIST_LEAD.search(text, max(lo, hi - 40), hi):
            items_left = MAX_ITEMS
        many = f"of{min(len(inside), 4)}"
        for n, ((s, e), hit) in enumerate(zip(inside, hits)):
            if not hit or PERSON_TASK.match(text, s, e):
                continue
            at = "only" if len(inside) == 1 else ("first" if n == 0 else ("last" if n == len(inside) - 1 else "mid"))
            add(s, e, "sentence", at, many, *(["short"] if len(text[s:e].split()) <= 4 else []))
    n = len(out)  # how many there are: in a long record of talk each is less likely to be a decision
    many_props = "props=" + ("few" if n <= 10 else "some" if n <= 30 else "many" if n <= 80 else "lots")
    for c in out:
        c.why += " " + many_props
    return out
