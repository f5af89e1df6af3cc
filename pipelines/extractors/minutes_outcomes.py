"""Outcomes recorded in minutes: what a meeting agreed.

Minutes rarely have a recommendations section. What a meeting decided is written as a sentence
("It was AGREED that ...", "it was agreed that the survey be repeated"), as a line that ends
with the outcome ("Proposal to move the meeting to Tuesdays agreed") or as an item heading
followed by a bare "Agreed". Capitals are formal and trusted; the lower-case forms also describe what
members merely agreed with in discussion, so they are kept for review. An action point ("Action: Clerk to
write to the highway authority (JS)") is a task, not a decision: it is not an item (GUIDELINES.md).
"""

from __future__ import annotations

import re

from extract.layout import split_label
from pipelines.extractors.base import Candidate, Context

ACTION = re.compile(r"^\(?Actions?(?:\s+points?)?\s*[:\-–]\s*(?=[A-Z])")
OWNER = re.compile(r"\s*\((?:[A-Z]{2,4}(?:[/, ]+[A-Z]{2,4})*|Action:?[^)]{0,20})\)\s*\.?\s*$")
AGREED_FORMAL = re.compile(
    r"\b(?:It\s+was|the\s+(?:council|committee|board|panel|meeting))\s+(?:unanimously\s+)?"
    r"(?:AGREED|RESOLVED|DECIDED|RECOMMENDED)\b\s*(?:that|to|:)?",
    re.I,
)
AGREED_PLAIN = re.compile(
    # the body by its initials too ("HPC resolved to", "BCC Agreed to": a parish or community council)
    r"(?:\b(?:it\s+was|members|councillors|the\s+(?:committee|panel|board|council|meeting))|\b(?-i:[A-Z]{1,3}[CP]C)\b)\s+"
    r"(?:(?:unanimously|also|further)\s+)?(?:agreed|resolved|decided)\s+(?:not\s+)?(?:that|to)\b|"
    # "It was agreed a letter be sent", "it was agreed more information should be uploaded": "that" left out
    r"\bit\s+was\s+(?:(?:unanimously|also|further)\s+)?(?:agreed|resolved|decided)\s+(?!(?:by|at|in|with|on|upon|"
    r"between|previously|earlier|last|and|or|but|as|for|from|during|after|before|not|that|to|unanimously)\b)"
    r"(?=[a-z]|[A-Z][a-z])|"
    r"^(?:members|the\s+(?:committee|panel|board|council))\s+(?:noted\s+[\w\s,]{0,60}?\s+and\s+)?"
    r"(?:asked|requested)\s+that\b|"
    # "This approach was endorsed by the Panel."
    r"\b(?:was|were)\s+(?:unanimously\s+)?(?:agreed|approved|endorsed|accepted|adopted)\s+by\s+(?:the\s+)?"
    r"(?:council|committee|panel|board|meeting|members|councillors|group|forum)\b",
    re.I,
)
# "The Council considered the following applications and agreed to raise no objection:": the body, what it did,
# then what it agreed, in one sentence
AGREED_AFTER = re.compile(
    r"(?:(?<=^)|(?<=\s))(?:members|councillors|the\s+(?:committee|panel|board|council|meeting))\s+(?:considered|discussed|"
    r"reviewed|received|noted)\b[^.;:]{0,100}?\band\s+(?:unanimously\s+)?agreed\s+(?:that|to)\b",
    re.I,
)
# "Payments approved: hall hire £60.00; ...", "APP/24/0287 Change of use of 41 High Street: no objection.":
# a minute's line that gives the outcome after the item it is about
OUTCOME_LINE = re.compile(
    r"^(?:(?:payments?|accounts?|invoices?|expenditure|grants?)\s+(?:(?:were|was)\s+)?(?:approved|agreed|authori[sz]ed)"
    r"\s*[:\-–]\s*\S.{5,}|"
    r"(?=[\w/ ]{0,12}?\d{2,4}/\d{2,5})[^\n]{10,200}?[:\-–]\s*(?:no\s+objections?|no\s+comments?|no\s+observations|"
    r"object(?:ion)?|support(?:ed)?|objections?\s+raised|comments?\s+submitted)\.?)$",
    re.I,
)
PLANNING_REF = re.compile(r"(?<![\w/])(?:[A-Z]{1,4}/)?\d{2,4}/\d{2,5}(?:/[A-Z]{2,5})?\b")
# "- No objection", ": object", "– Object: overdevelopment": the outcome given after an application
PLANNING_OUTCOME = re.compile(
    r"\s[:\-–]\s*(?:no\s+objections?|no\s+comments?|no\s+observations|objects?|objection|support(?:ed)?|"
    r"comments?\s+submitted)\b",
    re.I,
)
# "No comment.", "No objections.", "Supported.": a council's response to a planning application, on its own after
# the application it answers (GUIDELINES: a planning response is a decision)
PLANNING_RESPONSE = re.compile(
    r"^(?:no\s+comments?(?:\s+(?:made|submitted|to\s+make))?|no\s+objections?(?:\s+raised)?|no\s+observations|"
    r"supported|support|objection|object(?:ed)?)\s*[.!]?$",
    re.I,
)
# what an application is for: the words of its description
DEVELOPMENT = re.compile(
    r"\b(?:erection|extension|alterations?|dwelling|change\s+of\s+use|demolition|conservatory|garage|"
    r"planning|applications?|tree\s*works?|listed\s+building|outline|householder|storey|replacement|"
    r"install(?:ation)?|convert|conversion)\b",
    re.I,
)
SHORT_APPLICATION = 20  # words: an application's line that short is quoted with its response, a longer one is not
# "Proposal to move the meeting to Tuesdays agreed", "Village Hall Fees £40.00 resolved to pay (hire, heating)"
ENDS_AGREED = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:agreed|approved|resolved\s+to\s+[a-z]+)\.?"
    r"(?:\s*\([^()]{1,60}\))?$",
    re.I,
)
# "At the last meeting it was agreed ...", "agreed that charges could displace parking": history, or a view
NOT_DECIDED = re.compile(
    r"\b(?:last|previous|earlier)\s+(?:\w+\s+)?meeting\b|\bpreviously\b|\bagreed\s+that\b.*\b(?:could|might|may)\b",
    re.I,
)
# "Financial transactions since the meeting of 4 March were approved", "The Councillors resolved to pay", "The Council
# APPROVED the expenditure", "It was resolved to approve the following payments:": money the meeting authorised
# (GUIDELINES: payments approved are decisions)
_MONEY = r"(?:payments?|accounts?|invoices?|expenditure|spend|transactions?|grants?|donations?|bills?|cheques?|precept)"
MONEY_APPROVED = re.compile(
    r"\b" + _MONEY + r"\b[^.;:]{0,80}?\b(?:was|were|is|are)\s+(?:duly\s+|unanimously\s+|all\s+)?"
    r"(?:approved|agreed|authori[sz]ed|accepted|ratified)\b|"
    r"\b(?:resolved|agreed)\s+to\s+pay\b|"
    r"\b(?:approved?|authori[sz]ed?)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?" + _MONEY + r"\b",
    re.I,
)
# "... was approved by the District Council": another body's decision, reported
OTHER_BODY_DID = re.compile(
    r"\bby\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:district|county|borough|city|unitary|principal)\s+council\b|"
    r"\bplanning\s+(?:authority|permission|application)\b",
    re.I,
)
# "The minutes of the meeting held on 4 March were approved as a correct record."
CORRECT_RECORD = re.compile(
    r"\bminutes\b.{0,120}?\b(?:approved|agreed|accepted|confirmed|signed)\b.{0,40}?\b(?:correct|true|accurate)\s+"
    r"record\b|\bminutes\b.{0,120}?\b(?:approved|agreed|accepted|confirmed|moved|proposed)\s+as\s+(?:a\s+)?"
    r"(?:correct|true|accurate)\b",
    re.I,
)
# "... agreed this was a true record": the approval of minutes named in the sentence before
RECORD = re.compile(
    r"\b(?:agreed|approved|accepted|confirmed|signed)\b.{0,60}?\b(?:true|correct|accurate)\s+record\b", re.I
)
# "The minutes of the meeting held on 14 February were approved, proposed by ...": the standing item, without
# "as a correct record"
MINUTES_APPROVED = re.compile(
    r"^(?:the\s+)?(?:minutes\s+of\s+the\s+(?:[\w-]+\s+){0,4}?meeting\b[^.;]{0,100}?|(?:[a-z]+\s+)?minutes?\b[^.;]{0,60}?)"
    r"\s(?:were|was)\s+(?:duly\s+|unanimously\s+)?(?:approved|agreed|accepted|confirmed|adopted|signed)\b|"
    # "Minutes agreed on 15 January - Proposed by A – Second by B", "Approval of previous minutes Proposed by A",
    # "Acceptance of the Minutes of the meeting held on 18 November was proposed by A and seconded by B"
    r"^minutes\s+(?:(?:were|was)\s+)?(?:agreed|approved|accepted|adopted)\b|"
    r"^(?:approval|acceptance|adoption)\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?minutes\b[^.;]{0,120}?"
    r"\b(?:proposed|moved|seconded|agreed|approved)\b",
    re.I,
)  # or "The previous minute was approved", "The draft minutes were approved" (a Scottish council's minute is its record)
# "2. Minutes of Previous Meetings. Approved online.": the item's title, then its outcome as a sentence of its own
PREVIOUS_MINUTES = re.compile(r"^minutes?\s+of\s+(?:the\s+)?(?:previous|last)\s+meetings?\.?$", re.I)
APPROVED_FIRST = re.compile(r"^(?:approved|agreed|accepted|adopted)\b", re.I)
# "Members noted the report.", "The Board noted that ...": what a meeting took note of (kept for review)
NOTED = re.compile(
    r"^(?:members|councillors|the\s+(?:committee|sub-committee|board|panel|council|meeting|forum|partnership|"
    r"cabinet|executive|group))\s+(?:(?:also|further|duly|formally)\s+)?noted\b\s*(?=\S)",
    re.I,
)
# what was noted is an item of business ("noted the report", "noted the quarter 1 budget monitoring report"),
# or the noting goes on to an ask ("noted the comments and asked that ..."), not a view in the debate
NOTED_WHAT = re.compile(
    r"\bnoted\s+(?:the|this|these|those|its|a)\s+(?:[\w-]+\s+){0,5}?(?:report|reports|update|updates|minutes|"
    r"correspondence|decisions?|information|contents?|briefing|presentation|comments|letter|statement|accounts|"
    r"position|progress|summary|plan|strategy|outturn|recommendations?|response|petition|schedule|register)\b|"
    r"\band\s+(?:asked|requested|agreed|resolved|instructed)\b",
    re.I,
)
# "Cllr O'Leary was re-elected as Chairman", "J Smith was appointed Independent Examiner", "KK was duly appointed
# Chair", "AH was voted as new representative": an appointment, a decision of the meeting (GUIDELINES); not "the officers requiring election were elected"
APPOINTED = re.compile(
    r"^(?:[\w\s,.]{0,40}?\b(?i:following|after)\b[^,]{0,40},?\s+)?(?:(?i:cllrs?|councillors?|mrs?|ms|miss|dr)\.?\s+)?"
    r"(?!(?:He|She|They|It|The|This|That|These|Those|Officers?|Members?)\b)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:(?:was|were|has\s+been|have\s+been)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:(?:re-?)?(?:elected|appointed|co-?opted|nominated\s+and\s+(?:elected|appointed))|voted\s+(?:in\s+)?as)|"
    # "Mary Gray agreed to be appointed as the new representative", "... agreed to take on the role": not a task
    r"agreed\s+to\s+(?:be\s+(?:re-?)?(?:appointed|elected|co-?opted)|take\s+on\s+the\s+(?:role|position|post)))\b",
)
NOTED_BEFORE = re.compile(r"\b(?:at|in)\s+(?:the\s+|its\s+)?(?:last|previous|earlier)\s+meeting\b|\bpreviously\b", re.I)
# "Proposed by Cllr A, seconded by Cllr B, that the council objects to the application. Carried."
MOTION = re.compile(r"\bproposed\b.{0,80}?\bseconded\b.{0,80}?\bthat\s+(?=\S)", re.I)
CARRIED = re.compile(r"\b(?:carried|agreed|approved|resolved)\b", re.I)
VOTE = re.compile(r"^(?:for|against|abstain(?:ed|ing|ions?)?|in\s+favour)\b|\(\d+\)", re.I)
# where a published summary was cut off: "Noted the ... view the full minutes text for item 15."
CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)\s*view\s+the\s+full\s+(?:\w+\s+){0,2}text\b.*", re.I | re.S)
BARE_OUTCOME = re.compile(r"^(?:agreed|approved)(?:\s+unanimously)?\.?$", re.I)
# a minute's number and title run together with its first sentence: "23/104 Footpaths Councillors agreed ..."
GLUED_TITLE = re.compile(r"\s*(?:[A-Z]{0,3}[/.]?\d+(?:[/.]\d+)*\.?\s+)?(?:[A-Z][\w&'’-]*\s+){1,5}")
# "After discussion, as this benefits the village, the Councillors resolved ...": the words before the body are
# the sentence's own (a clause, "and the"), not a minute's title glued to it
SAME_SENTENCE = re.compile(r"(?:,|\b(?:and|the|that|so|then|but))\s*$", re.I)
# Signs a document is a record of a meeting rather than a report to one.
MINUTES_SIGN = re.compile(
    r"^(?:(?:[A-Z]{1,3}[/.])?\d+(?:[/.]\d+)*\.?\s+)?(?:(?:apologies(?:\s+for\s+absence)?|present|attendees|"
    r"(?:in\s+)?attendance|sederunt|minutes\s+of\s+the\s+(?:last|previous)\s+meeting|(?:last|previous)\s+minutes?|"
    r"matters\s+arising|(?:declarations?|register)\s+of\s+(?:members'?\s+)?interests?|any\s+other\s+(?:competent\s+)?"
    r"business|key\s+discussion\s+points|election\s+of\s+(?:the\s+)?(?:chair|vice))\b|(?:minutes?|AOB)\s*:?\s*$)",
    re.I | re.M,
)

# the heading of a record of a meeting: "Minutes of the meeting held ...", "MINUTES of a meeting of the ..."
MINUTES_TITLE = re.compile(r"^(?:draft\s+)?minutes\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?meeting\b", re.I)
# "... Officers: Town Clerk Apologies: Cllr X": an attendance label inside a block that opened with another
ATTENDANCE_LABEL = re.compile(
    r"(?<=\s)(?:apologies(?:\s+for\s+absence)?|present|in\s+attendance|also\s+present)\s*:", re.I
)


def is_minutes(ctx: Context) -> bool:
    """True when at least two blocks open like the standing items of minutes (or the front names the record
    "Minutes of the meeting ...", or lists "Present:" and "Apologies:" run together in one block)."""
    hits = 0
    for n, b in enumerate(ctx.document.blocks[:400]):
        body = split_label(ctx.document.block_text(b))[1].strip()
        bilingual = re.match(r"^[^/:\n]{1,40}?\s/\s", body)  # "Ymddiheuriadau / Apologies:": the second language's
        if MINUTES_SIGN.match(body) or (bilingual and MINUTES_SIGN.match(body[bilingual.end() :])):
            hits += 1
        elif n < 10 and MINUTES_TITLE.match(body):
            hits += 1
        hits += len(ATTENDANCE_LABEL.findall(body, 1))
        if hits >= 2:
            return True
    return False


def minutes_outcomes(ctx: Context) -> list[Candidate]:
    """Action points and agreed outcomes, each one item (formal forms 0.8, plain forms 0.45)."""
    doc, out = ctx.document, []
    minutes = is_minutes(ctx)
    sents, k = (ctx.sentences if minutes else []), 0
    for i, b in enumerate(doc.blocks):
        text = doc.block_text(b)
        label, rest = split_label(text)
        body = rest.strip()
        at = b.start + len(text) - len(rest.lstrip())
        if ACTION.match(body):
            continue  # an action point ("Action: Clerk to write ...") is a task, not a decision (GUIDELINES)
        if not minutes:
            continue
        if BARE_OUTCOME.match(body) and i > 0 and doc.blocks[i - 1].kind == "heading":
            head = doc.blocks[i - 1]
            h_label, h_rest = split_label(doc.block_text(head))
            title = h_rest.strip().rstrip(":")
            if 1 <= len(title.split()) <= 10 and not VOTE.search(title):
                start = head.start + len(doc.block_text(head)) - len(h_rest.lstrip())
                out.append(
                    Candidate(
                        "recommendations",
                        start,
                        b.end,
                        {"label": None, "text": f"{title}: {body.rstrip('.')}"},
                        confidence=0.45,
                        extractor="recommendations",
                        rule="minutes-outcome",
                    )
                )
            continue
        refs = list(PLANNING_REF.finditer(ctx.text, at, b.end))
        if len(refs) >= 2 and refs[0].start() == at:  # a list of applications, each with its outcome, one block
            for r, nxt in zip(refs, [*refs[1:], None]):
                hi = nxt.start() if nxt else b.end
                if PLANNING_OUTCOME.search(ctx.text, r.end(), hi):
                    out.append(_cand(ctx, r.start(), hi, "minutes-line", 0.45))
        while k < len(sents) and sents[k][0] < b.start:
            k += 1  # sentences lie inside blocks, in order: one walk over both
        while k < len(sents) and sents[k][1] <= b.end:
            s, e = sents[k]
            k += 1
            sent = ctx.text[s:e]
            formal = AGREED_FORMAL.search(sent)
            motion = MOTION.search(sent)
            unlabelled = split_label(sent.strip())[1].strip()  # "1 The previous minute was approved."
            if (
                PREVIOUS_MINUTES.match(unlabelled)
                and k < len(sents)
                and sents[k][1] <= b.end
                and APPROVED_FIRST.match(ctx.text[sents[k][0] : sents[k][1]].strip())
            ):
                out.append(_cand(ctx, s + max(0, sent.find(unlabelled)), sents[k][1], "minutes-record", 0.8))
                k += 1
            elif (CORRECT_RECORD.search(sent) or MINUTES_APPROVED.match(unlabelled)) and not re.search(
                r"\bresolved\b|\bif\s+in\s+order\b|\bto\s+be\s+(?:approved|agreed|signed)\b", sent, re.I
            ):  # RESOLVED is read by the main rule; an agenda title
                out.append(_cand(ctx, s + max(0, sent.find(unlabelled)), e, "minutes-record", 0.8))
            elif (
                RECORD.search(sent)
                and k >= 2
                and sents[k - 2][0] >= b.start
                and re.search(r"\bminutes\b", ctx.text[sents[k - 2][0] : s], re.I)
            ):  # "The minutes of the last meeting had been circulated. All agreed this was a true record.": one item
                out.append(_cand(ctx, sents[k - 2][0], e, "minutes-record", 0.8))
            elif motion and CARRIED.search(ctx.text[s + motion.end() : b.end]):
                out.append(_cand(ctx, s + motion.end(), e, "minutes-motion", 0.7))
            elif formal and re.search(r"RESOLVED", formal.group(0)) and "RESOLVED" not in ctx.text[b.start : s]:
                continue  # the first RESOLVED of a block is read by the main rule, from RESOLVED on
            elif (
                formal
                and re.search(r"AGREED|RESOLVED|DECIDED|RECOMMENDED|[Rr]esolved", formal.group(0))
                and len(ctx.text[s + formal.end() : e].split()) >= 3
            ):  # not "It was AGREED that;" before a list
                out.append(_cand(ctx, s, e, "minutes-agreed", 0.8))
            elif (
                NOTED.match(noted := split_label(sent.strip())[1].strip())
                and len(noted.split()) >= 4
                and not NOTED_BEFORE.search(sent)
                and NOTED_WHAT.search(noted)
            ):  # "b) Members noted the budget monitoring report."
                out.append(_cand(ctx, s + sent.find(noted), e, "minutes-noted", 0.45))
            elif PLANNING_RESPONSE.match(split_label(sent.strip())[1].strip()):
                before = ctx.text[max(0, s - 300) : s]
                if not DEVELOPMENT.search(before):
                    continue  # "Supported." with no application before it
                prev = _before(ctx, sents, k - 1, b, i)
                short = prev is not None and len(ctx.text[prev:e].split()) <= SHORT_APPLICATION
                out.append(_cand(ctx, prev if short else s, e, "minutes-planning", 0.45))
            elif NOT_DECIDED.search(sent):
                continue
            elif MONEY_APPROVED.search(sent) and not OTHER_BODY_DID.search(sent) and len(sent.split()) <= 40:
                out.append(_cand(ctx, s, e, "minutes-money", 0.45))
            elif APPOINTED.match(split_label(sent.strip())[1].strip()) and len(sent.split()) <= 40:
                out.append(_cand(ctx, s, e, "minutes-appointed", 0.45))
            elif (line := OUTCOME_LINE.match(split_label(sent.strip())[1].strip())) and (
                (s, e) == (b.start, b.end) or not re.search(r"\d/\d", line.group(0)[:20])
            ):  # a planning reference's line is the whole line; "Payments approved: ..." may open a paragraph
                at = s + sent.find(line.group(0))
                refs = list(PLANNING_REF.finditer(ctx.text, at, e))
                if len(refs) > 1:  # lines of a list run together: the outcome is the last application's
                    at = refs[-1].start()
                out.append(_cand(ctx, at, e, "minutes-line", 0.45))
            elif after := AGREED_AFTER.search(sent):  # (without the colon before the list it agreed on)
                end = s + len(sent.rstrip().rstrip(":").rstrip())
                out.append(_cand(ctx, s + after.start(), end, "minutes-agreed", 0.45))
            elif (plain := AGREED_PLAIN.search(sent)) or (
                ENDS_AGREED.search(sent.strip())
                and 4 <= len(sent.split()) <= 25
                and (s, e) == (b.start, b.end)
                and not re.match(r"^(?:agreed|approved)\b", sent.strip(), re.I)
            ):
                at = (
                    s + plain.start()
                    if plain
                    and (GLUED_TITLE.fullmatch(sent[: plain.start()]) or plain.group(0)[:1].isupper())
                    and not SAME_SENTENCE.search(sent[: plain.start()])
                    else s
                )  # not the minute's title (or a list without a full stop) glued before it
                cut = at > s and bool(ctx.text[s:at].strip())  # a reading that leaves out what came before
                out.append(_cand(ctx, at, e, "minutes-agreed-cut" if cut else "minutes-agreed", 0.45))
    if minutes:
        taken = [(c.start, c.end) for c in out]
        out += [c for c in appointment_lists(ctx) if not any(a < c.end and c.start < b for a, b in taken)]
    return out


# What introduces a list of appointments: "9. NOMINATIONS TO OUTSIDE BODIES", "Office bearers elected were:",
# "Members with special responsibilities for:"
APPOINT_LEAD = re.compile(
    r"\b(?:nominations?|elect(?:ed|ion|ions)|appoint(?:ed|ment|ments)|office[\s-]+bearers?|representatives?\s+(?:on|to)|"
    r"outside\s+bodies|special\s+responsibilit(?:y|ies)|roles?\s+(?:of|and)\s+responsibilit)",
    re.I,
)
# One appointment: "Chair (BMcT)", "Walter Wallinger’s Charity - Cllr Edgell", "Play Area – Cllrs Blake and Hay"
APPOINTMENT = re.compile(
    r"^[A-Z][^()\n]{1,60}?\s*\((?:[A-Z][A-Za-z]{0,4}(?:[,/ ]+[A-Z][A-Za-z]{0,4}){0,3})\)\s*[,;.]?$|"
    r"^[A-Z][^–\n]{1,60}?\s[–—-]\s(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z].{0,200}$"
)


def appointment_lists(ctx: Context) -> list[Candidate]:
    """The lettered or numbered items after a heading or line that introduces appointments, each an appointment
    in the form of a role and who holds it (GUIDELINES: an appointment is a decision). Kept for review."""
    doc, out = ctx.document, []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        head = split_label(doc.block_text(blocks[i]))[1].strip()
        i += 1
        if not APPOINT_LEAD.search(head) or len(head.split()) > 40:
            continue
        while i < len(blocks):
            b = blocks[i]
            text = doc.block_text(b)
            label, rest = split_label(text)
            body = rest.strip()
            if label is None and not re.match(r"^\(?[a-z0-9]{1,3}\)", body):
                if APPOINT_LEAD.search(body) and body.endswith(":"):
                    i += 1  # a second lead-in in the same list ("Members with special responsibilities for:")
                    continue
                break
            if APPOINTMENT.match(body):
                start = b.start + len(text) - len(rest.lstrip())
                end = start + len(body.rstrip(",;. "))
                # with its holder's initials: "(HR)" here is who was appointed, not who is to act
                out.append(_cand(ctx, start, end, "minutes-appointment", 0.45, keep_owner=True))
            i += 1
    return out


def _before(ctx: Context, sents: list[tuple[int, int]], j: int, block, i: int) -> int | None:
    """Where the application a response answers starts: its block's start, or the block before (a paragraph or list
    item, not a heading) when the response is a block of its own."""
    s = sents[j][0]
    if j > 0 and sents[j - 1][0] >= block.start:
        return block.start  # the application's whole line: its reference, address and description
    if s == block.start and i > 0 and ctx.document.blocks[i - 1].kind in ("paragraph", "list_item"):
        return ctx.document.blocks[i - 1].start
    return None


def _cand(ctx: Context, start: int, end: int, rule: str, conf: float, keep_owner: bool = False) -> Candidate:
    """An item of ``ctx.text[start:end]`` without leading dashes, a cut-off summary's tail and (unless
    ``keep_owner``) the initials of who is to act."""
    while start < end and ctx.text[start] in " \t\n-–:":
        start += 1
    cut = CUT_OFF.search(ctx.text, start, end)
    if cut:
        end, conf = cut.start(), min(conf, 0.45)
    owner = None if keep_owner else OWNER.search(ctx.text, start, end)
    if owner and owner.start() > start:
        end = owner.start()  # "(JS)": who is to do it, not part of the action
    return Candidate(
        "recommendations",
        start,
        end,
        {"label": None, "text": " ".join(ctx.text[start:end].split())},
        confidence=conf,
        extractor="recommendations",
        rule=rule,
    )
