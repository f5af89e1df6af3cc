"""Recommendations: what the report asks the decision-maker to do, or what was resolved.

Found from a recommendation block — a heading ("RECOMMENDATIONS", "Recommendation(s):",
"Decision taken", "RESOLVED") or a lead-in ("Cabinet is asked to:", "is recommended to") —
followed by labelled items, each split out with its label kept separately; or a single
recommending sentence. A recommendation repeated later in the report is kept once.
"""
from __future__ import annotations

import re

from extract.layout import split_label
from models.document import Block
from pipelines.extractors.base import Candidate, Context

ANCHOR = re.compile(
    r"^(?:officers?'?\s+|proposed\s+|summary\s+of\s+)?(?:recommendations?|recommendation\(s\)|decisions?(?:\s+taken)?|"
    r"resolved|resolutions?|decision\s+made|the\s+decision)\b\s*(?:that|to)?\s*[:.\-–]?\s*$", re.I)
LEAD_IN = re.compile(
    r"\b(?:is|are|be)\s+(?:therefore\s+|now\s+)?(?:asked|recommended|requested|invited|advised)\s+to\b|"
    r"\bit\s+is\s+recommended\s+that\b|\b(?:recommends?|resolves?)\s+(?:that|to)\s*:?\s*$", re.I)
RESOLVED = re.compile(r"^\s*(?:it\s+was\s+)?resolved\s*(?:[:\-–,]\s*)?(?:that\s*)?[:\-–]?\s*", re.I)
THAT_FORM = re.compile(r"^That\s+(?:the\s+)?[A-Z][\w’'&,\- ]{2,80}?\s+(?:approves?|agrees?|notes?|endorses?|considers?|"
                       r"authori[sz]es?|delegates?|recommends?|resolves?|supports?|adopts?|confirms?|requests?)\b")
DECISIVE = re.compile(r"^(?:That\s|(?i:note|approve|agree|endorse|authori[sz]e|delegate|consider|confirm|adopt|support|request|"
                      r"receive|accept|recommend|instruct|grant|allocate|establish|extend)\b)|"
                      r"\b(?:asked|recommended|requested|invited) to\b|\b(?:noted|approved|agreed|endorsed|authori[sz]ed|resolved)\b")
# "Recommendations 4c and 5 were not approved.": a note on the outcome, not a recommendation
OUTCOME_NOTE = re.compile(r"^Recommendations?\s+[\w.()]+(?:\s*(?:,|and|&)\s*[\w.()]+)*\s+(?:was|were|has\s+been|have\s+been)\s+"
                          r"(?:not\s+)?(?:approved|agreed|accepted|rejected|deferred|withdrawn|amended)\b", re.I)
TRAIL = re.compile(r"\s*(?:[;,]\s*(?:and|or)?|\band\b|\bor\b)\s*$", re.I)
MAX_ITEMS = 40


def _words(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8 and min(len(wa), len(wb)) / max(len(wa), len(wb)) >= 0.6


def _is_lead_in(text: str) -> bool:
    """A line that introduces items: ends with ':' or 'that', or is a short 'That the Committee' phrase."""
    t = text.strip()
    if t.endswith(":") or re.search(r"\b(?:that|to)$", t, re.I):
        return True
    return bool(re.match(r"^That\s", t)) and not re.search(r"[.;]$", t) and len(t.split()) <= 10


def _section_number(label: str | None) -> int | None:
    m = re.match(r"^(\d+)(?:\.\d+)*\.?$", label or "")
    return int(m.group(1)) if m else None


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
            label, rest = split_label(ctx.document.block_text(b))
            body = rest.strip()
            resolved = RESOLVED.match(body) if body[:8].lower().startswith(("resolved", "it was r")) else None
            if ANCHOR.match(body) and len(body) < 80:
                out += self._collect(ctx, i + 1, used, "heading", label)
            elif resolved and len(body) - resolved.end() < 5:
                out += self._collect(ctx, i + 1, used, "resolved", label)
            elif resolved:
                out.append(self._item(ctx, b, b.start + (len(ctx.document.block_text(b)) - len(body)) + resolved.end(),
                                      None, "resolved-inline", 0.85))
            elif LEAD_IN.search(body) and _is_lead_in(body):
                out += self._collect(ctx, i + 1, used, "lead-in", label)
            elif LEAD_IN.search(body) and len(body) < 1200:
                out += self._sentences(ctx, b)
            elif THAT_FORM.match(body):
                out.append(self._item(ctx, b, b.end - len(body), label, "that-form", 0.7))
        formal = [c for c in out if c.rule != "sentence"]
        if formal:  # body sentences that "recommend" repeat or discuss the formal block
            out = formal
        return self._dedupe(out)

    def _collect(self, ctx: Context, j: int, used: set[int], rule: str,
                 anchor_label: str | None = None) -> list[Candidate]:
        """Items after an anchor: skip lead-ins and sub-headings; stop at the next section."""
        doc, blocks = ctx.document, ctx.document.blocks
        items: list[Candidate] = []
        styles: set[str | None] = set()
        anchor_style, anchor_num = _label_style(anchor_label), _section_number(anchor_label)
        sub_heading: str | bool = False
        while j < len(blocks) and len(items) < MAX_ITEMS:
            b = blocks[j]
            label, rest = split_label(doc.block_text(b))
            body = rest.strip()
            style = _label_style(label)
            num = _section_number(label)
            if label and anchor_label and (
                    (anchor_num is None and style == anchor_style)
                    or (anchor_num is not None and num is not None and num != anchor_num
                        and ("." in label.strip(".") or style == anchor_style))):
                break  # the next section at the anchor's level
            if not items and _is_lead_in(body) and (not label or LEAD_IN.search(body)):
                used.add(j)
                j += 1
                continue
            if label is None and b.kind != "list_item" and sub_heading and not re.search(r"[.;:!?]$", body) \
                    and len(body.split()) <= 6:
                used.add(j)  # the wrapped end of a sub-heading
                j += 1
                continue
            after_sub, sub_heading = sub_heading, False
            if label is None and body.endswith(":") and len(body.split()) <= 4 and items:
                sub_heading = "colon"  # "Contractual:" between items
                used.add(j)
                j += 1
                continue
            if label is None and b.kind != "list_item":
                if items and b.kind != "heading" and not re.search(r"[.;:!?]$", doc.text[items[-1].start:items[-1].end]):
                    items[-1].end = b.end  # a wrapped continuation of the last item
                    used.add(j)
                    j += 1
                    continue
                if items or b.kind == "heading" or ANCHOR.match(body) or not DECISIVE.search(body):
                    break
                # a single unlabelled recommendation paragraph
                used.add(j)
                return self._sentences(ctx, b, first_only=True, rule=f"{rule}-single") or []
            if b.kind == "heading" and items and style not in styles:
                break
            k = j + 1
            while k < len(blocks) and split_label(doc.block_text(blocks[k]))[0] is None \
                    and len(doc.block_text(blocks[k]).split()) <= 3:
                k += 1  # skip the wrapped end of this line
            nxt = blocks[k] if k < len(blocks) else None
            nxt_style = _label_style(split_label(doc.block_text(nxt))[0]) if nxt else None
            deeper = (nxt_style is not None and nxt_style not in (style, anchor_style) and len(body.split()) <= 20
                      and nxt_style[:2] in ("a.", "a)", "(a", "A.", "(i"))
            bare = TRAIL.sub("", body) if TRAIL.search(body) and TRAIL.search(body).start() > 0 else body
            ends = bool(re.search(r"[.;:]$", body)) or bare != body
            if not ends and (deeper or (len(body.split()) <= 8 and not DECISIVE.search(body))):
                styles.add(style)  # a sub-heading inside the block: not an item
                sub_heading = "labelled"
                used.add(j)
                j += 1
                continue
            restart = bool(label) and (num == 1 and not label.strip(".").count(".")
                                       or bool(re.fullmatch(r"\(?[aA][.)]", label)))
            if items and restart and style in styles and after_sub != "labelled":
                break  # a new list starts: the recommendations have ended
            styles.add(style)
            items.append(self._item(ctx, b, b.end - len(rest.lstrip()) if rest else b.start, label, rule, 0.9))
            used.add(j)
            j += 1
        return items

    def _sentences(self, ctx: Context, b: Block, first_only: bool = False, rule: str = "sentence") -> list[Candidate]:
        """The recommending sentence(s) inside a paragraph."""
        out = []
        for s, e in ctx.sentences:
            if s < b.start or e > b.end:
                continue
            sent = ctx.text[s:e]
            if first_only or LEAD_IN.search(sent):
                label, rest = split_label(sent)
                out.append(self._item(ctx, b, e - len(rest), label, rule, 0.75, end=e))
                if first_only:
                    break
        return out

    def _item(self, ctx: Context, b: Block, start: int, label: str | None, rule: str, conf: float,
              end: int | None = None) -> Candidate:
        end = b.end if end is None else end
        text = ctx.text[start:end]
        trail = TRAIL.search(text)
        if trail and trail.start() > 0:
            end = start + trail.start()
        while start < end and ctx.text[start] in " \t\n-–:":
            start += 1
        return Candidate("recommendations", start, end,
                         {"label": label, "text": " ".join(ctx.text[start:end].split())},
                         confidence=conf, extractor=self.name, rule=rule)

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        for c in sorted(cands, key=lambda c: c.start):
            if len(c.data["text"].split()) < 3 or OUTCOME_NOTE.match(c.data["text"]):
                continue
            if any(_similar(c.data["text"], k.data["text"]) for k in kept):
                continue
            kept.append(c)
        return kept
