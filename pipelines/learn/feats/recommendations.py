"""Features of a recommendations candidate beyond the generic ones (``pipelines/learn/features.py``).

What tells a decision from the talk around it, in words any council's minutes or reports use: which word of
deciding the item holds and where (opening the item, or late in it), its form ("It was agreed that", "RESOLVED",
"X agreed to" by one person, "Clerk to"), tense and modals, "to" and a verb after the cue, the section it sits
in, the kind of block and document, its label, length, money and numbers, a proposer or seconder nearby, and
whether a rule item already says the same (``Candidate.why`` of the proposals, ``rec_proposals.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.extractors.base import Candidate, Context

CUES = {
    "agree": r"agree[ds]?|agreement",
    "approve": r"approv\w*",
    "resolve": r"resol(?:ved?|ves|ution)",
    "decide": r"decid\w*|decisions?",
    "recommend": r"recommend\w*",
    "appoint": r"appoint\w*|elected|re-elected|co-opt\w*",
    "accept": r"accept\w*|adopt\w*|endors\w*|ratif\w*|confirm\w*",
    "object": r"objections?|object(?:s|ed)?|no\s+(?:comments?|observations)",
    "support": r"support(?:s|ed)?",
    "authorise": r"authori[sz]\w*|delegat\w*|instruct\w*|commission\w*",
    "money": r"payments?|paid|pay|purchase\w*|allocat\w*|award\w*|grant\w*",
    "refuse": r"refus\w*|reject\w*|declin\w*|defer\w*",
    "vote": r"carried|unanimous\w*|voted?|proposed|seconded|moved",
    "record": r"signed|(?:correct|true)\s+record",
    "noted": r"noted",
    "ask": r"(?:asked|requested|invited)\s+to",
}
_CUE = {k: re.compile(r"\b(?:" + v + r")\b", re.I) for k, v in CUES.items()}
_CAPS_CUE = re.compile(r"\b(?:AGREED|RESOLVED|DECIDED|APPROVED|RECOMMENDED|NOTED)\b")
_IT_WAS = re.compile(r"\bit\s+was\s+(?:\w+\s+)?(?:agreed|resolved|decided|approved|noted|recommended)\b", re.I)
_BODY_DECIDED = re.compile(
    r"\b(?:council|committee|board|panel|meeting|members|councillors|group|all|everyone|cabinet)\s+"
    r"(?:\w+\s+)?(?:agreed|resolved|decided|approved|voted|supported|accepted)\b",
    re.I,
)
# one person undertaking a task: "Mary agreed to write", "Cllr Smith will contact", "Clerk to write"
_PERSON_TASK = re.compile(
    r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:agreed|offered|volunteered|"
    r"undertook|will|would|to)\s+(?:to\s+)?\w+",
)
_CLERK_TO = re.compile(r"\b(?:clerk|chair(?:man)?|secretary|treasurer|officer)s?\s+(?:to|will)\s+\w+", re.I)
_TO_VERB = re.compile(
    r"\b(?:agreed|resolved|decided|asked|requested|recommended|invited)\s+(?:\w+\s+)?to\s+(\w+)", re.I
)
_THAT = re.compile(r"\b(?:agreed|resolved|decided|recommended|approved)\s+that\b", re.I)
_MODAL = re.compile(r"\b(?:should|would|could|will|shall|may|might|must|can)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|has\s+been|have\s+been)\b", re.I)
_NEG = re.compile(r"\b(?:not|no|never)\b", re.I)
_MONEY = re.compile(r"£\s?\d|\d\s?(?:k|m|p)\b|\bpounds?\b", re.I)
_DIGIT = re.compile(r"\d")
_PROPOSER = re.compile(r"\b(?:proposed|seconded|second(?:er)?|moved)\b", re.I)
_PLANNING = re.compile(r"\b(?:planning|application|erection|extension|dwelling|consent|appeal)\b", re.I)
_OTHER_BODY = re.compile(
    r"\b(?:district|county|borough|city|unitary)\s+council\b|\bplanning\s+(?:authority|department|officers?)\b", re.I
)
_REC_HEAD = re.compile(r"\b(?:recommend\w*|decisions?|resol\w+|agreed|outcomes?|actions?)\b", re.I)
_QUESTION = re.compile(r"\?\s*$")
_DECIDED = (
    r"agreed|approved|resolved|decided|adopted|endorsed|accepted|ratified|confirmed|deferred|noted|signed|"
    r"supported|carried|elected|re-elected|appointed|co-opted|refused|rejected|authori[sz]ed|delegated"
)
# "The minutes were agreed", "This item was deferred", "payments be approved": a decision in the passive
_PASSIVE = re.compile(r"\b(?:was|were|be|been|is|are)\s+(?:\w+ly\s+|duly\s+|all\s+)?(?:" + _DECIDED + r")\b", re.I)
_ANY_CUE = re.compile(r"\b(?:" + "|".join(CUES.values()) + r")\b", re.I)
_BODY = re.compile(
    r"^(?i:the\s+)?(?:(?i:council|committee|board|panel|meeting|members|councillors|group|all|everyone|cabinet|"
    r"we|it|this|they|parish|community|town)\b|[A-Z]{0,3}[CP]C\b|[A-Z]{2,5}\s+(?i:members|councillors)\b)"
)
# a planning authority's reference ("18/02044/PP", "3/18/0495/HH"): its decisions are not this body's
_PLANNING_REF = re.compile(r"\b\d{1,2}/\d{2,5}/\d{0,5}/?[A-Z]{1,5}\b|\b\d{2}/\d{4,5}/[A-Z]{1,5}\b")
_EARLIER = re.compile(r"\b(?:previous|last|earlier)\s+meeting\b|\bpreviously\b|\bhad\s+(?:been\s+)?\w+ed\b", re.I)
_ACTION = re.compile(r"^(?:actions?|to\s+do)\b\s*[:\-–]", re.I)
_INITIALS = re.compile(r"^(?:Cllr\.?\s+|Councillor\s+)?(?:[A-Z]{2,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z'’]+)?)$")


def _is_minutes(ctx: Context) -> bool:
    v = ctx.__dict__.get("_learn_is_minutes")
    if v is None:
        from pipelines.extractors.minutes_outcomes import is_minutes

        v = ctx.__dict__["_learn_is_minutes"] = is_minutes(ctx)
    return v


def _block_index(ctx: Context, start: int) -> int:
    starts = ctx.__dict__.get("_learn_block_starts")
    if starts is None:
        starts = ctx.__dict__["_learn_block_starts"] = [b.start for b in ctx.document.blocks]
    return max(0, bisect_right(starts, start) - 1)


def _head_text(ctx: Context, offset: int) -> str:
    from bisect import bisect_right

    from pipelines.learn.features import _headings

    starts, texts = _headings(ctx)
    i = bisect_right(starts, offset) - 1
    return texts[i] if i >= 0 else ""


def features(ctx: Context, cand: Candidate) -> dict[str, float]:
    f: dict[str, float] = {}
    text = cand.data.get("text", "") or ""
    n = len(text.split())
    proposal = cand.rule.startswith("cand-")
    tags = set((cand.why or "").split())
    for t in tags:
        f["why=" + t] = 1.0
    f["proposal"] = 1.0 if proposal else 0.0
    minutes = _is_minutes(ctx)
    f["minutes"] = 1.0 if minutes else 0.0
    f[f"minutes|prop={minutes}|{proposal}"] = 1.0
    lo = text[:60]
    ncues = 0
    first_cue = _ANY_CUE.search(text)  # the union of the cues: where it finds none, none of them matches
    for k, rx in _CUE.items() if first_cue else ():
        m = rx.search(text)
        if m:
            ncues += 1
            f["cue:" + k] = 1.0
            where = "open" if m.start() < 3 else ("early" if m.start() < len(lo) else "late")
            f[f"cue@{where}"] = 1.0
            f[f"cue:{k}@{where}"] = 1.0
    f["ncues"] = float(ncues)
    if _CAPS_CUE.search(text):
        f["caps_cue"] = 1.0
    if _IT_WAS.search(text):
        f["it_was"] = 1.0
    if _BODY_DECIDED.search(text):
        f["body_decided"] = 1.0
    if _PERSON_TASK.match(text) and not _BODY_DECIDED.search(text):
        f["person_task"] = 1.0
    if _PASSIVE.search(text):
        f["passive"] = 1.0
    if m := first_cue:
        before = text[: m.start()].split()
        after = text[m.end() :].split()
        f["cue_prev:" + (before[-1].lower().strip(",.;:") if before else "^")] = 1.0
        f["cue_next:" + (after[0].lower().strip(",.;:") if after else "$")] = 1.0
        subj = " ".join(before[-4:]).strip(" ,")
        if not before:
            f["subj=none"] = 1.0
        elif _BODY.match(" ".join(before[-3:])) or _BODY.match(before[-1]):
            f["subj=body"] = 1.0
        elif _INITIALS.match(subj) or _INITIALS.match(" ".join(before[-2:])) or _INITIALS.match(before[-1]):
            f["subj=person"] = 1.0
        else:
            f["subj=other"] = 1.0
    if _CLERK_TO.search(text):
        f["clerk_to"] = 1.0
    if m := _TO_VERB.search(text):
        f["to_verb:" + m.group(1).lower()] = 1.0
        f["to_verb"] = 1.0
    if _THAT.search(text):
        f["cue_that"] = 1.0
    f["modal"] = 1.0 if _MODAL.search(text) else 0.0
    f["past"] = 1.0 if _PAST.search(text) else 0.0
    f["neg"] = 1.0 if _NEG.search(text) else 0.0
    f["money"] = 1.0 if _MONEY.search(text) else 0.0
    f["digits"] = 1.0 if _DIGIT.search(text) else 0.0
    f["question"] = 1.0 if _QUESTION.search(text) else 0.0
    f["colon_end"] = 1.0 if text.rstrip().endswith(":") else 0.0
    f["period_end"] = 1.0 if text.rstrip().endswith(".") else 0.0
    f["upper_start"] = 1.0 if text[:1].isupper() else 0.0
    f["planning"] = 1.0 if _PLANNING.search(text) else 0.0
    if _PLANNING_REF.search(text):
        f["planning_ref"] = 1.0
        for k in ("approve", "object", "support", "refuse", "agree", "decide"):
            if f.get("cue:" + k):
                f[f"planning_ref|cue:{k}"] = 1.0  # the authority's "Approved" or this body's "No objection"
        f[f"planning_ref|minutes={minutes}"] = 1.0
    if _EARLIER.search(text):
        f["earlier"] = 1.0
    if _ACTION.match(text):
        f["action_label"] = 1.0
    f["other_body"] = 1.0 if _OTHER_BODY.search(text) else 0.0
    f[f"len={min(n // 5, 12)}"] = 1.0
    f["loglen"] = min(n, 100) / 100.0
    f["label"] = 1.0 if cand.data.get("label") else 0.0
    block = ctx.document.block_at(cand.start)
    if block is not None:
        blocks = ctx.document.blocks
        i = _block_index(ctx, block.start)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        before = blocks[i - 1] if i > 0 else None
        f["next=" + (nxt.kind if nxt else "end")] = 1.0
        f["prev=" + (before.kind if before else "start")] = 1.0
        f["block=" + block.kind] = 1.0
        f[f"block|prop={block.kind}|{proposal}"] = 1.0
        around = ctx.text[max(0, block.start - 200) : min(len(ctx.text), block.end + 200)]
        if _PROPOSER.search(around):
            f["proposer_near"] = 1.0
        if getattr(block, "bold", False):
            f["bold"] = 1.0
        f["whole_block"] = 1.0 if cand.end - cand.start >= 0.9 * (block.end - block.start) else 0.0
    if _REC_HEAD.search(_head_text(ctx, cand.start)):
        f["rec_section"] = 1.0
        f[f"rec_section|prop={proposal}"] = 1.0
    return f
