"""Recommendations: what the report asks the decision-maker to do, or what was resolved.

Found from a recommendation block — a heading ("RECOMMENDATIONS", "Recommendation(s):",
"Decision taken", "RESOLVED") or a lead-in ("Cabinet is asked to:", "is recommended to") —
followed by labelled items, each split out with its label kept separately; or a single
recommending sentence. A recommendation repeated later in the report is kept once.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.layout import split_label as _layout_split_label
from models.document import Block
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.minutes_outcomes import CUT_OFF, MONEY_APPROVED, is_minutes, minutes_outcomes
from pipelines.extractors.rec_proposals import proposals

ANCHOR = re.compile(
    r"^(?:officers?'?\s+|proposed\s+|summary\s+of\s+)?(?:recommendations?|recommendation(?:\(s\)|/s)|decisions?(?:\s+taken)?|"
    r"resolved|resolutions?|decision\s+made|the\s+decision|(?-i:AGREED|DECIDED|RECOMMENDED)|"
    r"recommended\s+to\s+(?:the\s+)?[\w ]{2,40}?|"
    # "Recommendations of the Task and Finish Group", "Recommendations to Cabinet"
    r"recommendations\s+(?:of|to|for|from|by)\s+(?:the\s+)?[A-Z][\w ,’'&-]{1,60}?)(?!\w)\s*(?:that|to)?\s*[:.\-–]?\s*$",
    re.I,
)
LEAD_IN = re.compile(
    r"\b(?:is|are|be)\s+(?:therefore\s+|now\s+)?(?:asked|recommended|requested|invited|advised)\s+to\b|"
    r"\bit\s+is\s+recommended\s+that\b|\b(?:recommends?|resolves?)\s+(?:that|to)\s*:?\s*$",
    re.I,
)
RESOLVED = re.compile(
    r"^\s*(?:it\s+was\s+)?(?:resolved|agreed|decided|recommended)(?:\s+to\s+recommend)?\s*(?:[:\-–,]\s*)?"
    r"(?:that\s*)?[:\-–]?\s*",
    re.I,
)
# The words that open a decision in minutes: "RESOLVED", "AGREED –", "Decided:", "RECOMMENDED that" (not "agreed" in prose)
DECISION_START = re.compile(
    r"^(?:(?i:resolved|it\s+was\s+resolved)\b|(?:AGREED|DECIDED|RECOMMENDED)\b|"
    r"(?:Agreed|Decided|Recommended)(?=\s*[:\-–]))"
)
THAT_FORM = re.compile(
    r"^That\s+(?:the\s+)?[A-Z][\w’'&,\- ]{2,80}?\s+(?:approves?|agrees?|notes?|endorses?|considers?|"
    r"authori[sz]es?|delegates?|recommends?|resolves?|supports?|adopts?|confirms?|requests?)\b"
)
DECISIVE = re.compile(
    r"^(?:That\s|(?i:note|approve|agree|endorse|authori[sz]e|delegate|consider|confirm|adopt|support|request|"
    r"receive|accept|recommend|instruct|grant|allocate|establish|extend)\b)|"
    r"\b(?:asked|recommended|requested|invited) to\b|\b(?:noted|approved|agreed|endorsed|authori[sz]ed|resolved)\b|"
    r"^(?:Noted|Approved|Agreed|Endorsed|Authori[sz]ed|Delegated|Adopted|Confirmed)\s"
)
# "Recommendations 4c and 5 were not approved.": a note on the outcome, not a recommendation
OUTCOME_NOTE = re.compile(
    r"^Recommendations?\s+[\w.()]+(?:\s*(?:,|and|&)\s*[\w.()]+)*\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:not\s+)?(?:approved|agreed|accepted|rejected|deferred|withdrawn|amended)\b",
    re.I,
)
# An item that opens with what the decision-maker is to do ("APPROVE the ...", "To NOTE ...", "DELEGATE authority").
IMPERATIVE = re.compile(
    r"^(?=[A-Z])(?:That\s|(?:To\s+)?(?i:note|approve|agree|endorse|authori[sz]e|delegate|consider|confirm|adopt|"
    r"support|request|receive|accept|recommend|instruct|grant|allocate|establish|extend|comment|"
    r"debate|decide|invite|refer|commission|award|reject|defer|ratify|amend|appoint)\b)"
)
# "RESOLVED:" inside a minute ("2 MINUTES ... RESOLVED: That the minutes ..."): capitals, or a colon or dash after it.
RESOLVED_MID = re.compile(
    r"(?:^|(?<=[\s)]))(?:RESOLVED\b|[Rr]esolved(?=\s*[:\-–])|Resolved(?=\s+(?:that|to)\s)|"
    r"(?<!was\s)(?<!WAS\s)(?:AGREED|DECIDED|RECOMMENDED)\b(?=\s*[:\-–]|\s+(?:that|to)\b))\s*(?:[:\-–]\s*)?"
    r"(?:unanimously\s+)?(?:that\s*[:\-–]?\s*)?"
)
# "DECISION: ...", "Recommendation: ..." with the words on the same line.
ANCHOR_PREFIX = re.compile(
    r"^(?:decisions?(?:\s+taken)?|recommendations?|recommendation\(s\)|resolutions?|"
    r"actions?\s+required(?:\s+(?:of|by|from)\s+[\w ]{2,40}?)?)\s*[:\-–]\s*(?=\S)",
    re.I,
)
# "Decision: The Board approved ...", "Resolution – No objection.": a decision recorded after its label
DECISION_LABEL = re.compile(r"^(?:decisions?|resolutions?)\s*[:\-–]\s*(?=\S)", re.I)
DECIDED_TEXT = re.compile(
    r"\b(?:noted|approved|agreed|endorsed|authori[sz]ed|resolved|decided|accepted|rejected|refused|deferred|"
    r"supported|adopted|delegated|recommends?|objects?|objections?|no\s+observations|no\s+comments?)\b",
    re.I,
)
# "It was APPROVED that;" (capitals, a block's last words): a list of what was decided follows
DECIDED_STUB = re.compile(
    r"\b(?:[Ii]t\s+was|IT\s+WAS)\s+(?:AGREED|APPROVED|DECIDED)\b\s*(?:that|THAT|to|TO)?\s*[;:,\-–]?\s*$"
)
# A heading run together with its first line by a plain-text layout: "Recommendation(s) The Board is asked to ..."
ANCHOR_GLUED = re.compile(
    r"^(?:(?i:officers?'?\s+)?(?:Recommendations?|RECOMMENDATIONS?|Recommendation(?:\(s\)|/s)|RECOMMENDATION(?:\(S\)|/S))|"
    r"Decisions?|DECISIONS?)\s+(?=(?:That|The|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:is|are))\s)"
)
# "Members who have an interest to declare are asked to state:": meeting procedure, not a decision
NOT_A_DECISION = re.compile(r"\b(?:declare|declaration|interests?|questions?|speak|switch\s+off|mobile)\b", re.I)
DECISION_HEADING = re.compile(r"\b(?:recommend\w*|decisions?|resol\w+|purpose|summary|action|proposals?|asked)\b", re.I)
# a label inside a paragraph, after a colon, semicolon or the start: "to: (a) note ...; (b) approve ..."
INLINE_LABEL = re.compile(
    r"(?:(?<=[:;,])|(?<=[:;,]\s)|(?<=\band\s)|(?<=\bor\s))\s*(\([a-z]\)|\([ivx]{1,4}\)|[a-z]\)|\(\d{1,2}\)|R\d{1,2})\s+(?=\w)"
)
# a label at the start of a line inside one paragraph: "That Cabinet:\n1. Approves ...\n2. Agrees ..."
LINE_LABEL = re.compile(r"(?<=\n)[ \t]*(\d{1,2}[.)]|\(\d{1,2}\)|\([a-z]\)|[a-z][.)]|\([ivx]{1,4}\))[ \t]+(?=\w)")
TABLE_ANCHOR = re.compile(
    r"^(?:officers?'?\s+|proposed\s+)?(?:recommendations?|recommendation(?:\(s\)|/s)|decisions?\s+(?:required|sought))"
    r"(?:\s+(?:to|for)\s+[\w ]{2,40})?\s*:?$",
    re.I,
)
# Headings of a report's own sections: the recommendations have ended.
SECTION = re.compile(
    r"^(?:background|introduction|context|summary|financial|legal|implications?|policy|consultation|"
    r"appendi(?:x|ces)|reasons?|risks?|equalit(?:y|ies)|supporting|conclusions?|purpose|options?|"
    r"comments?|contact|papers)\b",
    re.I,
)
# An item's verb in capitals inside a run-together paragraph: where the next item starts.
CAPS_VERB = re.compile(
    r"(?<=\s)(?:NOTE|APPROVE|AGREE|ENDORSE|AUTHORI[SZ]E|DELEGATE|CONSIDER|CONFIRM|ADOPT|SUPPORT|"
    r"REQUEST|RECEIVE|ACCEPT|RECOMMEND|INSTRUCT|GRANT|ALLOCATE|COMMENT|DEBATE|DECIDE|REFER)\s+(?=[a-z])"
)
# a line that cannot end a sentence: it stops on a joining word
JOINING_END = re.compile(r"\b(?:on|of|for|the|to|in|and|with|by|at|from|that|held|dated)$", re.I)
DATE_OPENING = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+\d{4}\b")
# a line between two lists of one resolution that introduces the second
RELEAD = re.compile(
    r"^and[;:,]?$|\b(?:agrees?|resolves?|asks?|calls?\s+(?:on|upon)|requests?|recommends?|asked|recommended|"
    r"requested|invited)\b.*:\s*[-–—]?$",
    re.I,
)
TRAIL = re.compile(r"\s*(?:[;,]\s*(?:and|or)?|\band\b|\bor\b)\s*$", re.I)
MAX_ITEMS = 40
# "R1 approves ...", "Rec 2: agrees ...": recommendations numbered with a letter prefix
REC_LABEL = re.compile(r"^(?P<label>(?:R|Rec\.?|REC)\s?\d{1,2})(?:[.:)]\s*|\s+)(?=\w)")
# "A – ARGYMHELLION / RECOMMENDATIONS": a lettered section heading, or one in two languages
SECTION_LETTER = re.compile(r"^[A-Z]{1,2}\s*[–—-]\s+(?=\w)")
# a line that only underlines the heading above it ("-------", "=======")
RULE_LINE = re.compile(r"^[\W_]+$")


def split_label(text: str) -> tuple[str | None, str]:
    m = REC_LABEL.match(text)
    if m:
        return m.group("label"), text[m.end() :]
    return _layout_split_label(text)


def _anchor_text(body: str) -> str:
    """The heading's words without a section letter ("A – "), in the language that names an anchor when the
    heading gives two ("ARGYMHELLION / RECOMMENDATIONS")."""
    body = SECTION_LETTER.sub("", body, count=1)
    if " / " in body:
        for part in body.split(" / "):
            if ANCHOR.match(part.strip()):
                return part.strip()
    return body


def _words(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def _similar(a: str | set[str], b: str | set[str]) -> bool:
    wa = _words(a) if isinstance(a, str) else a
    wb = _words(b) if isinstance(b, str) else b
    if not wa or not wb:
        return False
    if len(wa & wb) / min(len(wa), len(wb)) < 0.9 or min(len(wa), len(wb)) / max(len(wa), len(wb)) < 0.6:
        return False
    # one holds the other, or they differ by a word or two ("2025-26" / "2025-2026"); not two parallel
    # resolutions that differ in what they are about ("the main accounts" / "the pension fund accounts")
    return min(len(wa - wb), len(wb - wa)) == 0 or len(wa ^ wb) <= 2


# A stem that asks for something itself before its list (GUIDELINES: then the stem is an item too): "Cabinet is
# asked to receive the Group's report and consider the following recommendations:"
STEM_ASKS = re.compile(
    r"\b(?:asked|recommended|requested|invited)\s+to\s+(?!consider\b|agree\b|approve\b|note\b)\w+\s+\S.{5,}?"
    r"\s+and\s+(?:to\s+)?\w+\s+(?:the\s+|each\s+of\s+the\s+)?following\b",
    re.I,
)


def _is_lead_in(text: str) -> bool:
    """A line that introduces items: ends with ':' or 'that', or is a short 'That the Committee' phrase."""
    t = text.strip()
    if re.search(r":\s*[-–—]?$", t) or re.search(r"\b(?:that|to)$", t, re.I):  # "Cabinet is asked to:-"
        return True
    return bool(re.match(r"^That\s", t)) and not re.search(r"[.;]$", t) and len(t.split()) <= 10


def _is_stub(text: str) -> bool:
    """The opening words of a list that follows: "Cabinet agree to:", "the Committee:"."""
    t = text.strip()
    return bool(t) and len(t.split()) <= 12 and bool(re.search(r"(?::\s*[-–—]?|\bthat|\bto)$", t, re.I))


def _section_number(label: str | None) -> int | None:
    m = re.match(r"^(\d+)(?:\.\d+)*\.?$", label or "")
    return int(m.group(1)) if m else None


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for k, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(s) and _ROMAN[s[k + 1]] > v else v
    return total


def _ordinals(label: str | None) -> set[tuple[str, int]]:
    """The (kind, position) readings of a label: 'c)' is letter 3; 'i)' is letter 9 or roman 1; '4.2' is 2 under 4."""
    core = (label or "").strip("().:").strip()
    out: set[tuple[str, int]] = set()
    if m := re.fullmatch(r"(?:R|Rec\.?|REC)\s?(\d+)", core):
        return {("R", int(m.group(1)))}
    if re.fullmatch(r"\d+(?:\.\d+)*", core):
        parts = core.split(".")
        out.add(("n" + ".".join(parts[:-1]), int(parts[-1])))
    elif re.fullmatch(r"[A-Za-z]", core):
        out.add(("a", ord(core.lower()) - 96))
    if (r := _roman(core)) is not None:
        out.add(("r", r))
    return out


def _continues(prev: str | None, nxt: str | None) -> bool:
    """True when ``nxt`` is the label after ``prev`` in the same list ('b)' after 'a)', '2.' after '1.')."""

    def shape(lab: str) -> str:
        return re.sub(r"[A-Z]+", "A", re.sub(r"[a-z]+", "a", re.sub(r"\d+", "1", lab)))

    if not prev or not nxt or shape(prev) != shape(nxt):
        return False
    return any((k, n - 1) in _ordinals(prev) for k, n in _ordinals(nxt))


def _first_of_list(label: str | None) -> bool:
    return any(n == 1 for _, n in _ordinals(label))


def _label_style(label: str | None) -> str | None:
    if not label:
        return None
    return re.sub(r"[ivx]+", "i", re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d+", "1", label))))


class RecommendationsExtractor:
    """Finds recommendation blocks and splits them into items."""

    name = "recommendations"
    field = "recommendations"

    def find(self, ctx: Context) -> list[Candidate]:
        blocks = ctx.document.blocks
        out: list[Candidate] = []
        used: set[int] = set()
        for i, b in enumerate(blocks):
            if i in used:
                continue
            text = ctx.document.block_text(b)
            label, rest = split_label(text)
            body = rest.strip()
            body_at = b.start + len(text) - len(rest.lstrip())
            resolved = RESOLVED.match(body) if DECISION_START.match(body) else RESOLVED_MID.search(body)
            if b.kind == "table_row" and b.cells:
                out += self._table_row(ctx, b)
            elif ANCHOR.match(_anchor_text(body)) and len(body) < 80:
                out += self._collect(ctx, i + 1, used, "resolved" if DECISION_START.match(body) else "heading", label)
            elif DECIDED_STUB.search(body):
                out += self._collect(ctx, i + 1, used, "resolved", label)
            elif resolved and (len(body) - resolved.end() < 5 or _is_stub(body[resolved.end() :])):
                items = self._collect(ctx, i + 1, used, "resolved", label)  # "RESOLVED that Cabinet agree to:"
                stub = body[resolved.end() :].strip().rstrip(":").strip()
                if (
                    not items
                    and len(stub.split()) >= 3
                    and i + 1 < len(blocks)
                    and (blocks[i + 1].kind == "table_row" or re.search(r"\bfollowing\b", stub, re.I))
                ):  # "RESOLVED that the following payments be approved:" over a table (read or not)
                    at = body_at + resolved.end() + body[resolved.end() :].find(stub)  # "to approve the payments:"
                    items = [self._item(ctx, b, at, None, "resolved-table", 0.85, end=at + len(stub))]
                out += items
            elif (pre := ANCHOR_PREFIX.match(body)) and _is_stub(body[pre.end() :]):
                out += self._collect(ctx, i + 1, used, "heading", label)  # "DECISION: The Cabinet agreed to:"
            elif (glued := ANCHOR_GLUED.match(body)) and _is_stub(body[glued.end() :]):
                out += self._collect(ctx, i + 1, used, "heading", label)  # "RECOMMENDATIONS That the Committee:"
            elif glued and (THAT_FORM.match(body[glued.end() :]) or LEAD_IN.search(body[glued.end() :])):
                out.append(self._item(ctx, b, body_at + glued.end(), None, "heading-inline", 0.85))
            elif pre and (IMPERATIVE.match(body[pre.end() :]) or LEAD_IN.search(body[pre.end() :])):
                out.append(
                    self._item(
                        ctx, b, body_at + pre.end(), None, "heading-inline", 0.85, end=self._wrapped_end(ctx, i, used)
                    )
                )
            elif pre and DECISION_LABEL.match(body) and DECIDED_TEXT.search(body[pre.end() :]):
                out.append(
                    self._item(
                        ctx, b, body_at + pre.end(), None, "decision-inline", 0.8, end=self._wrapped_end(ctx, i, used)
                    )
                )
            elif resolved:
                inner, after = split_label(body[resolved.end() :])  # "RESOLVED: (A) That ..."
                out.append(
                    self._item(
                        ctx,
                        b,
                        body_at + len(body) - len(after),
                        inner,
                        "resolved-inline",
                        0.85,
                        end=self._wrapped_end(ctx, i, used),
                    )
                )
            elif LEAD_IN.search(body) and _is_lead_in(body) and NOT_A_DECISION.search(body):
                continue
            elif LEAD_IN.search(body) and _is_lead_in(body):
                items = self._collect(ctx, i + 1, used, "lead-in", label)
                if _section_number(label) is not None and any(c.rule.startswith(("heading", "resolved")) for c in out):
                    for c in items:  # "68. The Committee is requested to ...:" in the body, after the formal block
                        c.confidence = min(c.confidence, 0.45)
                out += items
            elif LEAD_IN.search(body) and len(body) < 1200:
                out += self._sentences(ctx, b)
            elif THAT_FORM.match(body):
                out.append(self._item(ctx, b, b.end - len(body), label, "that-form", 0.7))
        if is_minutes(ctx) and any(c.rule.startswith("resolved") for c in out):
            for c in out:  # minutes quote the report's "Council is asked to:" in a motion or an amendment; RESOLVED is
                if c.rule.startswith("lead-in"):  # what was decided (a repeat of it keeps the resolved wording)
                    c.confidence = min(c.confidence, 0.45)
        out += minutes_outcomes(ctx)
        out = [part for c in out for part in self._split_inline(ctx, c)]
        formal = [c for c in out if c.rule != "sentence"]
        if formal:  # body sentences that "recommend" repeat or discuss the formal block
            out = formal
        kept = self._dedupe(out)
        return kept + proposals(ctx, kept)

    def _collect(
        self, ctx: Context, j: int, used: set[int], rule: str, anchor_label: str | None = None
    ) -> list[Candidate]:
        """Items after an anchor: skip lead-ins and sub-headings; stop at the next section."""
        doc, blocks = ctx.document, ctx.document.blocks
        items: list[Candidate] = []
        styles: set[str | None] = set()
        anchor_style, anchor_num = _label_style(anchor_label), _section_number(anchor_label)
        sub_heading: str | bool = False
        relead = False
        stem: Candidate | None = None  # a lead-in that asks for something itself: an item, if a list follows it
        while j < len(blocks) and len(items) < MAX_ITEMS:
            b = blocks[j]
            label, rest = split_label(doc.block_text(b))
            body = rest.strip()
            if RULE_LINE.match(body):
                used.add(j)  # "-----" under the heading
                j += 1
                continue
            style = _label_style(label)
            num = _section_number(label)
            prev_label = items[-1].data["label"] if items else None
            in_list = _continues(prev_label, label) or (not items and _first_of_list(label) and num != anchor_num)
            if label and items and all(c.rule.endswith("-para") for c in items):
                break  # a numbered list after unlabelled items is the report's body
            if items and re.match(r"(?:it\s+was\s+)?resolved\b", body, re.I):
                break  # "4) RESOLVED that Council:": what was decided, read as its own block
            if (
                items
                and label
                and re.fullmatch(r"\(?\d+[.)]?", label)
                and style not in styles
                and not _first_of_list(label)
                and not any(re.search(r"\d", c.data["label"] or "") for c in items)
            ):
                break  # "3) The amendment was lost." after (i): a paragraph of the minute, not an item
            if (
                label
                and anchor_label
                and not in_list
                and (
                    (anchor_num is None and style == anchor_style)
                    or (
                        anchor_num is not None
                        and num is not None
                        and num != anchor_num
                        and ("." in label.strip(".") or style == anchor_style)
                    )
                )
            ):
                break  # the next section at the anchor's level
            if not items and _is_lead_in(body) and (not label or LEAD_IN.search(body) or _is_stub(body)):
                if label and STEM_ASKS.search(body):  # "asked to receive the report and consider the following:"
                    stem = self._item(ctx, b, b.end - len(rest.lstrip()), label, f"{rule}-stem", 0.75)
                used.add(j)
                j += 1
                continue
            if (
                label is None
                and b.kind != "list_item"
                and sub_heading
                and not re.search(r"[.;:!?]$", body)
                and len(body.split()) <= 6
            ):
                used.add(j)  # the wrapped end of a sub-heading
                j += 1
                continue
            after_sub, sub_heading = sub_heading, False
            after_relead, relead = relead, False
            k = j + 1
            while (
                k < min(j + 3, len(blocks))
                and len(doc.block_text(blocks[k])) <= 400
                and RELEAD.search(doc.block_text(blocks[k]).strip())
                and split_label(doc.block_text(blocks[k]))[0] is None
            ):
                k += 1  # "And;" then "This Council agrees to ... to:"
            if (
                items
                and label is None
                and b.kind != "heading"
                and len(body) <= 400
                and RELEAD.search(body)
                and k < len(blocks)
                and _first_of_list(split_label(doc.block_text(blocks[k]))[0])
            ):
                relead = True  # "And;" / "This Council agrees to call on the Cabinet Member to:": a second list follows
                used.add(j)
                j += 1
                continue
            if label is None and body.endswith(":") and len(body.split()) <= 4 and items:
                sub_heading = "colon"  # "Contractual:" between items
                used.add(j)
                j += 1
                continue
            if label is None and b.kind != "list_item" and self._sub_heading(ctx, j, body, items):
                used.add(j)  # "Capital Programme" between (b) and (c): the list goes on after it
                j += 1
                continue
            if (
                label is None
                and b.kind != "list_item"
                and IMPERATIVE.match(body)
                and b.kind != "heading"
                and all(c.rule.endswith("-para") for c in items)
            ):
                # unlabelled items, one paragraph each: "APPROVE the proposal ...", "DELEGATE authority ..."
                at = b.end - len(rest.lstrip())
                cuts = [at] + [m.start() for m in CAPS_VERB.finditer(doc.text, at + 1, b.end)] + [b.end]
                for lo, hi in zip(cuts, cuts[1:]):  # "... Services DELEGATE authority to ...": two items run together
                    items.append(self._item(ctx, b, lo, None, f"{rule}-para", 0.85, end=hi))
                used.add(j)
                j += 1
                continue
            if label is None and b.kind != "list_item":
                if (
                    items
                    and b.kind != "heading"
                    and not re.search(r"[.;:!?]$", doc.text[items[-1].start : items[-1].end])
                ):
                    items[-1].end = b.end  # a wrapped continuation of the last item
                    used.add(j)
                    j += 1
                    continue
                if (
                    items
                    or b.kind in ("heading", "table_row")
                    or ANCHOR.match(body)
                    or not (DECISIVE.search(body) or rule == "resolved")
                ):
                    break  # (under "RESOLVED that:" the paragraph is the resolution, whatever its verb)
                # a single unlabelled recommendation paragraph
                used.add(j)
                return self._sentences(ctx, b, first_only=True, rule=f"{rule}-single") or []
            if b.kind == "heading" and items and style not in styles:
                break
            k = j + 1
            while (
                k < len(blocks)
                and split_label(doc.block_text(blocks[k]))[0] is None
                and len(doc.block_text(blocks[k]).split()) <= 3
            ):
                k += 1  # skip the wrapped end of this line
            nxt = blocks[k] if k < len(blocks) else None
            nxt_style = _label_style(split_label(doc.block_text(nxt))[0]) if nxt else None
            deeper = (
                nxt_style is not None
                and nxt_style not in (style, anchor_style)
                and len(body.split()) <= 20
                and nxt_style[:2] in ("a.", "a)", "(a", "A.", "(i")
            )
            bare = TRAIL.sub("", body) if TRAIL.search(body) and TRAIL.search(body).start() > 0 else body
            ends = bool(re.search(r"[.;:][”\"’']?$", body)) or bare != body  # a quoted motion ends '.”'
            if items and label and not in_list:
                prev_num = _section_number(prev_label) if prev_label and "." not in prev_label.strip(".") else None
                if (
                    not ends
                    and len(body.split()) <= 8
                    and (SECTION.match(body) or (num == 1 and "." not in label.strip(".") and style in styles))
                ):
                    break  # "1. Background" after items 1.-3.: the report's own sections begin
                if prev_num is not None and num is not None and num != prev_num and "." in label.strip("."):
                    break  # "14.60 The text of ..." after items 1. and 2.: a paragraph of another section
            if not ends and (deeper or (len(body.split()) <= 8 and not DECISIVE.search(body))):
                styles.add(style)  # a sub-heading inside the block: not an item
                sub_heading = "labelled"
                used.add(j)
                j += 1
                continue
            restart = bool(label) and (
                num == 1 and not label.strip(".").count(".") or bool(re.fullmatch(r"\(?[aA][.)]", label))
            )
            if items and restart and style in styles and after_sub != "labelled" and not after_relead:
                break  # a new list starts: the recommendations have ended
            styles.add(style)
            items.append(self._item(ctx, b, b.end - len(rest.lstrip()) if rest else b.start, label, rule, 0.9))
            used.add(j)
            j += 1
        return [stem, *items] if stem and items else items

    @staticmethod
    def _wrapped_end(ctx: Context, i: int, used: set[int]) -> int:
        """Where a one-paragraph item ends: at its block, or at the next block when the line stops on a joining
        word ("... the Panel meetings held on" / "2 March 2024 and 9 April 2024 be noted.")."""
        blocks, doc = ctx.document.blocks, ctx.document
        b = blocks[i]
        if i + 1 < len(blocks) and JOINING_END.search(doc.block_text(b).rstrip()):
            nb = blocks[i + 1]
            nt = doc.block_text(nb).strip()
            if nb.kind == "paragraph" and (split_label(nt)[0] is None or DATE_OPENING.match(nt)):
                used.add(i + 1)
                return nb.end
        return b.end

    def _split_inline(self, ctx: Context, c: Candidate) -> list[Candidate]:
        """One paragraph holding a lettered list ("asked to: (a) note ...; (b) approve ...") is one item per label."""
        run: list[re.Match] = []
        for pattern in (INLINE_LABEL, LINE_LABEL):
            run = []
            for m in pattern.finditer(ctx.text, c.start, c.end):
                if not run and _first_of_list(m.group(1)) or run and _continues(run[-1].group(1), m.group(1)):
                    run.append(m)
            if len(run) >= 2:
                break
        own = c.data.get("label")
        if len(run) < 2 and own:  # "R2 agrees ...; and R3 delegates ...": the item's own label starts the run
            run = []
            for m in INLINE_LABEL.finditer(ctx.text, c.start, c.end):
                if _continues(run[-1].group(1) if run else own, m.group(1)):
                    run.append(m)
            if run:
                head = self._item(
                    ctx,
                    ctx.document.block_at(c.start) or ctx.document.blocks[0],
                    c.start,
                    own,
                    c.rule,
                    c.confidence,
                    end=run[0].start(),
                )
                return [head] + self._parts(ctx, c, run)
        if len(run) < 2:
            return [c]
        return self._parts(ctx, c, run)

    def _parts(self, ctx: Context, c: Candidate, run: list[re.Match]) -> list[Candidate]:
        parts = []
        for m, nxt in zip(run, [*run[1:], None]):
            hi = nxt.start() if nxt else c.end
            item = self._item(
                ctx,
                ctx.document.block_at(m.start()) or ctx.document.blocks[0],
                m.end(),
                m.group(1),
                c.rule,
                c.confidence,
                end=hi,
            )
            parts.append(item)
        return parts

    def _table_row(self, ctx: Context, b: Block) -> list[Candidate]:
        """A form's row "Recommendation(s) to Cabinet | To approve ...": the other cells are the items."""
        first = ctx.text[b.cells[0][0] : b.cells[0][1]].strip()
        cells = b.cells[1:]
        if not TABLE_ANCHOR.match(first):
            head, _, tail = first.partition("\n")  # "Recommendation to Cabinet\nTo approve ..." in one cell
            if not (tail.strip() and TABLE_ANCHOR.match(head.strip())):
                return []
            cells = [(b.cells[0][0] + ctx.text[b.cells[0][0] : b.cells[0][1]].index("\n") + 1, b.cells[0][1])]
        out = []
        for s, e in cells:
            label, rest = split_label(ctx.text[s:e].strip())
            if len(rest.split()) >= 3 and IMPERATIVE.match(rest) or LEAD_IN.search(rest):
                start = s + ctx.text[s:e].find(rest)
                out.append(self._item(ctx, b, start, label, "table-row", 0.85, end=start + len(rest)))
        return out

    @staticmethod
    def _sub_heading(ctx: Context, j: int, body: str, items: list[Candidate]) -> bool:
        """A short unlabelled title inside the list: the next labelled block goes on from the last item."""
        doc, blocks = ctx.document, ctx.document.blocks
        if len(body.split()) > 10 or re.search(r"[.;!?,]$", body) or not re.match(r"[A-Z0-9]", body):
            return False
        b = blocks[j]
        if SECTION.search(body) or (items and re.fullmatch(r"\d+\.?", items[-1].data["label"] or "")):
            return False  # a section of the report; or a report's running paragraph numbers, not a list
        last = doc.text[items[-1].start : items[-1].end] if items else ""
        if items and not (b.kind == "heading" or b.bold or re.search(r"[.;:]$", last)):
            return False  # more likely the wrapped end of the last item
        for k in range(j + 1, min(j + 3, len(blocks))):
            nxt_label, nxt_body = split_label(doc.block_text(blocks[k]))
            if nxt_label:
                if items and "." in nxt_label.strip(".") and not DECISIVE.search(nxt_body.strip()):
                    return False  # "Background" then "2.3 Over the past ten years ...": the report's own paragraphs
                return _continues(items[-1].data["label"], nxt_label) if items else _first_of_list(nxt_label)
        return False

    def _sentences(self, ctx: Context, b: Block, first_only: bool = False, rule: str = "sentence") -> list[Candidate]:
        """The recommending sentence(s) inside a paragraph."""
        out = []
        sents = ctx.sentences
        k = bisect_left(sents, (b.start, -1))
        conf = 0.75
        if rule == "sentence":  # a body sentence: trusted under a heading that announces a decision, else for review
            head = ctx.section_heading(b.start)
            conf = 0.75 if head and DECISION_HEADING.search(ctx.document.block_text(head)) else 0.45
        while k < len(sents) and sents[k][1] <= b.end:
            s, e = sents[k]
            k += 1
            sent = ctx.text[s:e]
            if first_only or LEAD_IN.search(sent):
                label, rest = split_label(sent)
                out.append(self._item(ctx, b, e - len(rest), label, rule, conf, end=e))
                if first_only:
                    break
        return out

    def _item(
        self, ctx: Context, b: Block, start: int, label: str | None, rule: str, conf: float, end: int | None = None
    ) -> Candidate:
        end = b.end if end is None else end
        cut = CUT_OFF.search(ctx.text, start, end)
        if cut:  # "2) Noted the ... view the full minutes text for item 15.": the rest is on another page
            end, conf = cut.start(), min(conf, 0.45)
        text = ctx.text[start:end]
        trail = TRAIL.search(text)
        if trail and trail.start() > 0:
            end = start + trail.start()
        while start < end and ctx.text[start] in " \t\n-–:":
            start += 1
        return Candidate(
            "recommendations",
            start,
            end,
            {"label": label, "text": " ".join(ctx.text[start:end].split())},
            confidence=conf,
            extractor=self.name,
            rule=rule,
        )

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        # A repeat holds 90% of the smaller item's words, so it holds one of any 10% + 1 of them (here the rarest):
        # kept items are indexed by every word and by those key words, and only items sharing one are compared.
        by_word: dict[str, list[set[str]]] = {}
        by_key: dict[str, list[set[str]]] = {}
        freq: dict[str, int] = {}
        for c in cands:
            for w in _words(c.data["text"]):
                freq[w] = freq.get(w, 0) + 1
        for c in sorted(cands, key=lambda c: (c.confidence < 0.5, c.start)):  # a trusted repeat wins over a flagged one
            if (
                len(c.data["text"].split())
                < (
                    2 if c.rule in ("decision-inline", "minutes-planning", "minutes-appointment") else 3
                )  # "No objection."
                or OUTCOME_NOTE.match(c.data["text"])
                or (
                    c.data["text"].endswith(":")
                    and len(c.data["text"].split()) <= 12
                    and not MONEY_APPROVED.search(c.data["text"])
                )
            ):  # "Cabinet agree to:" (but "The following payments were approved:" decides, list or not)
                continue
            words = _words(c.data["text"])
            keys = sorted(words, key=lambda w: (freq[w], -len(w), w))[: len(words) // 10 + 1]  # its rarest words
            near = [k for w in keys for k in by_word.get(w, [])] + [k for w in words for k in by_key.get(w, [])]
            if any(_similar(words, k) for k in near):
                continue
            kept.append(c)
            for w in words:
                by_word.setdefault(w, []).append(words)
            for w in keys:
                by_key.setdefault(w, []).append(words)
        return sorted(kept, key=lambda c: c.start)
