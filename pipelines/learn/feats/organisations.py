"""Features of an organisations candidate beyond the generic ones (``pipelines/learn/features.py``).

They let the model tell an organisation from the other things that are written in capitals: a person, a place,
a job title, a programme or strategy, a law, a committee of the council, a heading or the document's title. Each
is general: the head noun and the words of the name by kind (small lexicons of English and UK public-sector
words), its shape, where it is written (block kind, heading, type size, page 1), what surrounds it ("the",
"Ltd", a title of address), how often it is named, and whether the gazetteer or register knows it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.org_proposals import JOB, ORG_HEADS, THING_HEADS, lowercase_words
from pipelines.sections import body_size

# Committees and internal bodies of a council.
COMMITTEE = re.compile(
    r"\b(?:Committee|Sub-Committee|Subcommittee|Panel|Cabinet|Scrutiny|Overview|Executive|Working\s+Group|"
    r"Task\s+and\s+Finish|Steering|Board)\b",
    re.I,
)
ADDRESS_TITLE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Prof|Professor)\.?\s*)$")
COMPANY_AFTER = re.compile(r"\s*(?:\(|,)?\s*(?:Ltd|Limited|plc|PLC|LLP|CIC|Inc|Trust|charity|Charity|registered)\b")
ROLE_AFTER = re.compile(
    r",?\s*(?:the\s+|our\s+|its\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:Director|Officer|Manager|Head|Chief|"
    r"Leader|Chair|Clerk|Councillor|Member|Secretary|Treasurer)\b"
)
PLACE_WORD = re.compile(r"\b(?:North|South|East|West|Upper|Lower|Great|Little|St)\b")
LINK = {"of", "and", "&", "for", "the", "upon", "on", "in", "de", "la", "le"}
_TOKEN = re.compile(r"[A-Za-z][\w’'&-]*")


def _layout(ctx: Context) -> tuple[list[int], float | None]:
    cache = ctx.__dict__.get("_org_layout")
    if cache is None:
        cache = ([b.start for b in ctx.document.blocks], body_size(ctx.document))
        ctx.__dict__["_org_layout"] = cache
    return cache


_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Prof|Professor|Rev|Revd)\.?[ \t]+((?:[A-Z][\w’'-]+[ \t]+)*[A-Z][\w’'-]+)"
)


def _people_words(ctx: Context) -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames the document gives to people it addresses by title ('Cllr Jane Smith')."""
    cache = ctx.__dict__.get("_org_people")
    if cache is None:
        firsts, lasts = set(), set()
        for m in _TITLED.finditer(ctx.text):
            words = m.group(1).split()[:3]
            lasts.add(words[-1])
            if len(words) > 1:
                firsts.add(words[0])
        cache = (frozenset(firsts), frozenset(lasts))
        ctx.__dict__["_org_people"] = cache
    return cache


def _title_case_block(ctx: Context, index: int, text: str) -> bool:
    """A block most of whose words are capitalised: a heading, a title, a table's header row."""
    cache = ctx.__dict__.setdefault("_org_title_case", {})
    if index not in cache:
        content = [w for w in _TOKEN.findall(text) if w.lower() not in LINK]
        cache[index] = len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.75 * len(content)
    return cache[index]


@lru_cache(maxsize=4096)
def _is_place(words: str) -> bool:
    return bool(
        register.by_place().get(register.key(words)) or gazetteer.councils_by_place().get(gazetteer._key(words))
    )


def _block_features(ctx: Context, start: int, end: int) -> dict[str, float]:
    f: dict[str, float] = {}
    starts, body = _layout(ctx)
    i = bisect_right(starts, start) - 1
    if i < 0:
        return f
    b = ctx.document.blocks[i]
    f["blk=" + b.kind] = 1.0
    block_text = ctx.text[b.start : b.end].strip()
    if len(block_text) <= (end - start) + 4:
        f["blk_whole"] = 1.0  # the name is the whole block: a heading, a title, a table cell or letterhead
    if b.bold:
        f["blk_bold"] = 1.0
    if b.size is not None and body is not None:
        f["blk_larger"] = 1.0 if b.size >= body + 1.0 else 0.0
    if i < 6 and b.page in (None, 1):
        f["blk_first6"] = 1.0
    if _title_case_block(ctx, i, block_text):
        f["blk_title_case"] = 1.0
    if " | " in block_text:
        f["blk_cells"] = 1.0
    if b.start == start or ctx.text[b.start : start].strip() in ("", "-", "•", "*"):
        f["blk_starts"] = 1.0
    return f


_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")
_SENT_BEFORE = re.compile(r"[.!?:]\s*$|^\s*$")
_ACRO_AFTER = re.compile(r"\s*\(\s*[A-Z]{2,}")
_POSS_AFTER = re.compile(r"\s*[’']s\b")
_LAW_AFTER = re.compile(r"\s+(?:Act|Regulations|Order)\b")
_STREET_AFTER = re.compile(r"\s+(?:Road|Street|Lane|Avenue|Drive|Close|Way|Park|Ward)\b")
_PLACE_PREP = re.compile(r"\b(?:at|in|near|of)\s+$")
_AGENT_PREP = re.compile(r"\b(?:by|with|from|between)\s+(?:the\s+)?$")


def _context_features(text: str, start: int, end: int) -> dict[str, float]:
    f: dict[str, float] = {}
    before = text[max(0, start - 20) : start]
    after = text[end : end + 40]
    if _THE_BEFORE.search(before):
        f["ctx_the_before"] = 1.0
    if ADDRESS_TITLE.search(before):
        f["ctx_title_before"] = 1.0
    if _SENT_BEFORE.search(before[-6:]) or not before.strip():
        f["ctx_sentence_start"] = 1.0
    if COMPANY_AFTER.match(after):
        f["ctx_company_after"] = 1.0
    if ROLE_AFTER.match(after):
        f["ctx_role_after"] = 1.0
    if _ACRO_AFTER.match(after):
        f["ctx_acronym_after"] = 1.0
    if _POSS_AFTER.match(after):
        f["ctx_possessive"] = 1.0
    if _LAW_AFTER.match(after):
        f["ctx_law_after"] = 1.0
    if _STREET_AFTER.match(after):
        f["ctx_street_after"] = 1.0
    if _PLACE_PREP.search(before):
        f["ctx_place_prep"] = 1.0
    if _AGENT_PREP.search(before):
        f["ctx_agent_prep"] = 1.0
    return f


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    name = str(cand.data.get("name") or "")
    toks = _TOKEN.findall(name)
    f: dict[str, float] = {}
    if not toks:
        return f
    low = [t.lower() for t in toks]
    content = [t for t in toks if t.lower() not in LINK]
    last = low[-1]
    proposal = cand.rule.startswith("cand-")
    p = "p_" if proposal else "r_"  # proposals and rule candidates weigh a feature differently
    f[p + "kind=" + str(cand.data.get("kind") or "none")] = 1.0
    if cand.data.get("id"):
        f[p + "register_id"] = 1.0
    if gazetteer.lookup(name):
        f[p + "gazetteer"] = 1.0
    if last in ORG_HEADS:
        f[p + "org_head"] = 1.0
    if any(w in ORG_HEADS for w in low[:-1]):
        f[p + "org_word_inside"] = 1.0
    if last in THING_HEADS:
        f[p + "thing_head"] = 1.0
    if any(w in THING_HEADS for w in low[:-1]):
        f[p + "thing_word_inside"] = 1.0
    if COMMITTEE.search(name):
        f[p + "committee_word"] = 1.0
    if JOB.search(name):
        f[p + "job_word"] = 1.0
    if _is_place(name):
        f[p + "is_place"] = 1.0
    elif len(content) >= 2 and _is_place(content[0]):
        f[p + "starts_with_place"] = 1.0
    if PLACE_WORD.match(name):
        f[p + "direction_first"] = 1.0
    if re.search(r"\d", name):
        f[p + "digits"] = 1.0
    if name.isupper():
        f[p + "all_caps"] = 1.0 if len(toks) > 1 else 0.0
        f[p + "acronym"] = 1.0 if len(toks) == 1 else 0.0
    elif any(t.isupper() and len(t) > 1 for t in toks):
        f[p + "has_acronym_word"] = 1.0
    if any(w in LINK for w in low[1:-1]):
        f[p + "inner_link"] = 1.0
    if "’s" in name or "'s" in name:
        f[p + "possessive"] = 1.0
    n = len(content)
    f[p + f"nwords={min(n, 6)}"] = 1.0
    if (
        n in (2, 3)
        and not any(w in LINK for w in low)
        and last not in ORG_HEADS
        and all(t[0].isupper() and t[1:].islower() for t in toks)
    ):
        f[p + "person_shape"] = 1.0  # "Jane Smith", "Mary Anne Smith"
    lower = lowercase_words(ctx)
    common = [t.lower() in lower for t in content]
    if common:
        f[p + "common_share"] = sum(common) / len(common)
        f[p + "all_common"] = 1.0 if all(common) else 0.0
        f[p + "last_common"] = 1.0 if common[-1] else 0.0
        f[p + "first_common"] = 1.0 if common[0] else 0.0
        if len(common) == 1:
            f[p + "single_common"] = 1.0 if common[0] else 0.0
        if len(common) == 1 and not common[0] and not f.get(p + "is_place"):
            f[p + "single_proper"] = 1.0
        if last in ORG_HEADS and not common[0]:
            f[p + "head_after_proper"] = 1.0
    firsts, lasts = _people_words(ctx)
    if content and content[-1] in lasts:
        f[p + "surname_of_titled"] = 1.0
    if len(content) > 1 and content[0] in firsts:
        f[p + "first_name_of_titled"] = 1.0
    near = ctx.__dict__.get("_org_rule_spans")
    if near is not None:
        f[p + "near_rule_org"] = 1.0 if near.overlaps(max(0, cand.start - 150), cand.end + 150) else 0.0
    if cand.data.get("aliases"):
        f[p + "has_alias"] = 1.0
    mentions = 1 + len(cand.extra_spans)
    f[p + "log_mentions"] = math.log1p(mentions)
    spans = [(cand.start, cand.end), *cand.extra_spans][:4]
    agg: dict[str, float] = {}
    first_ctx: dict[str, float] = {}
    for s, e in spans:
        here = _context_features(ctx.text, s, e)
        first_ctx = first_ctx or here
        for k, v in {**here, **_block_features(ctx, s, e)}.items():
            agg[k] = max(agg.get(k, 0.0), v)
    for k, v in agg.items():
        f[p + k] = v
    if first_ctx.get("ctx_sentence_start") and n == 1:
        f[p + "one_word_sentence_start"] = 1.0
    return f
