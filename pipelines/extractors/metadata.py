"""Metadata: title, committee, report date, author, council, purpose and reference.

Read from front-sheet fields ("Report to:", "Date:", "By:", "Title of report:", "From / To /
Subject", "Meeting:", "Report of:", bilingual "Report to / Adroddiad i:", a label alone on its line
with the value below, a value wrapped onto the next line by the layout), from decision-notice
sentences ("authorised by the Cabinet at its meeting on ..."), from what a reader sees on page 1
(the largest type: the title, or the name of the body whose agenda or minutes it is; a minutes
heading "Minutes of the meeting of X held on <date>"; a heading "CABINET – 12 MARCH 2020"), from a
running header that names the report, from a letter's subject line under its salutation, and from
fallbacks (the first title-like heading, the subject of "X is asked to"). The council comes from
``pipelines/extractors/council.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.document import Block
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.council import COUNCIL_LINE, council_of
from pipelines.extractors.dates import PATTERNS as DATE_PATTERNS
from pipelines.extractors.dates import DatesExtractor, date_view
from pipelines.extractors.metadata_proposals import annotate, propose
from pipelines.extractors.minutes_outcomes import MINUTES_SIGN
from pipelines.sections import body_size, front_sheet, largest_text

# "Dear Sir or Madam,", "Dear Councillor Holt": a letter's salutation, over its subject line
SALUTATION = re.compile(r"^Dear\s+[A-Z][\w.’' -]{0,60}[,:]?$")
SUBJECT_LEAD = re.compile(r"^(?:re|subject|ref)\s*:\s*", re.I)

# label -> (field, confidence). Longest labels first so "Report title" wins over "Title".
LABELS: tuple[tuple[str, str, float], ...] = (
    (r"title\s+of\s+(?:the\s+)?report", "title", 0.95),
    (r"report\s+title", "title", 0.95),
    (r"subject", "title", 0.85),
    (r"title", "title", 0.9),
    (r"report\s+name", "title", 0.9),
    (r"title\s+of\s+(?:the\s+)?paper", "title", 0.95),
    (r"paper\s+title", "title", 0.95),
    (r"date\s+of\s+(?:the\s+)?(?:board|panel|committee|cabinet)(?:\s+meeting)?", "report_date", 0.95),
    (r"prepared\s+by", "author", 0.85),
    (r"presented\s+by", "author", 0.7),
    (r"(?:subject\s+matter\s*/\s*)?title\s+of\s+(?:the\s+)?decision", "title", 0.9),
    (r"decision\s+(?:to\s+be\s+)?(?:taken|made)\s+by", "committee", 0.8),
    (r"report\s+to", "committee", 0.95),
    (r"meeting", "committee", 0.85),
    (r"committee", "committee", 0.85),
    (r"decision[\s-]+maker", "committee", 0.6),
    (r"to", "committee", 0.7),
    (r"decision\s+taker", "committee", 0.6),
    (r"date\s+of\s+(?:the\s+)?meeting", "report_date", 0.97),
    (r"meeting\s+date", "report_date", 0.97),
    (r"committee\s+date", "report_date", 0.95),
    (r"date\s+of\s+decision", "report_date", 0.9),
    (r"decision\s+date", "report_date", 0.9),
    (r"date", "report_date", 0.85),
    (r"dated", "report_date", 0.6),
    (r"date\s+written", "report_date", 0.5),
    (r"report\s+by", "author", 0.95),
    (r"report\s+of", "author", 0.95),
    (r"report\s+author", "author", 0.9),
    (r"report\s+from", "author", 0.9),
    (r"author", "author", 0.85),
    (r"by", "author", 0.9),
    (r"from", "author", 0.85),
    (r"lead\s+officer", "author", 0.6),
    (r"responsible\s+officer", "author", 0.75),
    (r"notes\s+of\s+(?:the\s+)?meeting", "author", 0.7),
    (r"minutes?\s+taken\s+by", "author", 0.75),
    (r"minute[\s-]+taker", "author", 0.75),
    (r"clerk", "author", 0.6),
    (r"clerk\s+to\s+the\s+(?:council|committee|board|meeting)", "author", 0.7),
    (r"job\s+title", "role", 0.0),
    (r"officer\s+presenting\s+the\s+report", "author", 0.7),
    (r"purpose\s+of\s+(?:the\s+)?report", "purpose", 0.9),
    (r"purpose", "purpose", 0.6),
    (r"(?:report\s+)?ref(?:erence)?(?:\s+no\.?)?", "reference", 0.9),
    (r"decision\s+(?:no|number)\.?", "reference", 0.85),
    (r"forward\s+plan\s+(?:ref(?:erence)?|no\.?)", "reference", 0.8),
)
# An author's role followed by what the report is on: "the Assistant Chief Executive on Round 31 of the Fund"
AUTHOR_ON = re.compile(
    r"^(?:the\s+)?(?P<who>(?:[\w’'.,&-]+\s+){0,6}?(?:Executive|Director|Officer|Manager|Head|Clerk|Leader|"
    r"Member|Chair(?:man)?|Secretary|Treasurer|Controller|Solicitor|Officers))\s+on\s+(?:the\s+)?[A-Z0-9]"
)
# Labels that are also common words are only trusted with a colon.
NEEDS_COLON = {
    "to",
    "by",
    "from",
    "date",
    "title",
    "subject",
    "meeting",
    "committee",
    "purpose",
    "dated",
    "author",
    "clerk",
    r"notes\s+of\s+(?:the\s+)?meeting",
    "(?:report\\s+)?ref(?:erence)?(?:\\s+no\\.?)?",
}
_LABEL_RE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=\s))(?P<label>"
    + "|".join(f"(?:{p})" for p, _, _ in sorted(LABELS, key=lambda x: -len(x[0])))
    + r")\b(?P<colon>\s*(?:/[^:\n/]{1,40})?:(?:[ \t]*/[ \t]*[^:\n/|]{1,40}?:)?|\s+(?=\S)|\s*$)",
    re.I,
)  # "Report to / Adroddiad i:" (bilingual)
# Where a value ends even without a colon: the next field of a run-together front sheet.
_BOUNDARY = re.compile(
    r"\s(?=(?:enquiries\s+to|contact(?:\s+officer)?|tel(?:ephone)?\b|e-?mail|job\s+title|ward\(s\)|"
    r"wards?\s+affected|key\s+decision|report\s+author|service\s+area|committee\s+division|"
    r"committee\s+date|date\s+written|classification|summary|responsible\s+(?:director|officer)|report\s+sponsor|"
    r"(?:paper|report)\s+no)\b|"
    # a web page's next front-matter field ("title: X start: 2022-05-12T13:00Z tags: ...")
    r"(?-i:(?:start|end|tags|layout|permalink|categories|description|groups|location|published|updated|created|"
    r"slug|lastmod|weight|draft):(?:\s|$)))",
    re.I,
)
_ANY_LABEL = re.compile(r"\s(?=[A-Z][\w()'’/&-]*(?:\s+[A-Z(][\w()'’/&-]*){0,3}\s*:\s)")
BODY = (
    r"(?:Full\s+)?Council|Cabinet|Executive|(?:[A-Z][\w,&’'-]*\s+){0,8}?(?:Committee|Sub-Committee|Board|Panel|"
    r"Forum|Cabinet|Council|Assembly|Partnership(?:\s+Executive)?)"
)
SUBJECT_RE = re.compile(
    rf"^(?:The\s+)?(?P<body>{BODY})\s+(?:is|are)\s+(?:therefore\s+)?(?:asked|recommended|requested|invited)\s+to"
)
MEETING_RE = re.compile(
    rf"\b(?:(?:by|at)\s+(?:the\s+)?(?P<body>{BODY})(?:\s+at\s+its)?\s+meeting\s+(?:on|of|held\s+on)|"
    rf"meeting\s+of\s+(?:the\s+)?(?P<body2>{BODY})\s+held\s+(?:(?:at|in)\s+[^\n.;]{{3,150}}?\s+)?on)\s+",
    re.I,
)
# "the Director of Economic Development to the Regeneration Committee[, 12th March 2003]"
REPORT_OF_TO = re.compile(
    rf"^(?:the\s+)?(?P<who>\S.{{2,100}}?)\s+to\s+(?:the\s+)?(?P<body>{BODY})(?:\s*(?:[,–—-]|\bon\b)\s*(?P<rest>.*))?$",
    re.I,
)
GENERIC_BODY = re.compile(r"(?:Committee|Sub-Committee|Board|Panel|Forum|Partnership|Group)", re.I)
HEADER_BODY_RE = re.compile(rf"^(?P<body>{BODY})(?:\s+report)?$", re.I)
REF_RE = re.compile(r"^[A-Z]{2,8}/\d{1,4}/\d{2,4}$")
NOT_TITLE = re.compile(
    r"^(?:agenda\s+item|item\s+no|item\s+\d+[a-z]?$|part\s+[i1]|open|public|exempt|for\s+general\s+release|"
    r"(?:matters?\s+)?for\s+(?:decision|information|noting|monitoring|approval)|key\s+decision|"
    r"agenda(?:,|\s+and)\s|"
    r"(?:committee|cabinet|council)\s+report|report|appendix|annex|classification|restricted|unrestricted|"
    r"official(?:[\s-]+sensitive)?$|confidential|not\s+for\s+publication|(?:agenda|minutes|draft)$)\b|"
    # a section's heading, never the report's title
    r"^(?:executive\s+)?summary:?$|^(?:introduction|foreword|contents|background):?$|"
    r"^recommendations?(?:\(s\))?:?$",
    re.I,
)
# A council's name in Welsh ("Cyngor Sir ...", "Cyngor Dinas ..."), printed above the English one.
WELSH_COUNCIL_LINE = re.compile(r"^Cyngor\s+\w+(?:\s+\w+){0,5}$", re.I)
# Words that mark the Welsh half of a bilingual heading ("Cofnodion y Cyfarfod / Minutes of the Meeting").
WELSH_WORDS = re.compile(
    r"\b(?:cyngor|cymuned|tref|sir|dinas|bwrdeistref|sirol|cofnodion|cyfarfod|pwyllgor|adroddiad|dyddiad|"
    r"bwrdd|partneriaeth|gweithredol|cyffredinol|misol|blynyddol|arbennig|cynllunio|cyllid|iechyd|lles|bresennol|"
    r"ymddiheuriadau|datgan|buddiant|materion|gohebiaeth|llofnodwyd|cadeirydd|clerc|eitem|rhif|swyddog|"
    r"cyfarwyddwr|awdurdod|cymru|cenedlaethol)\b",
    re.I,
)
# A site's menu line in a web page: "Home | Meetings | Minutes | Contact".
MENU_LINE = re.compile(r"^[\w&'’ -]{1,30}(?:\s*\|\s*[\w&'’ -]{1,30}){2,}$")
# A line that cannot end a value: it ends with a comma, an ampersand or a joining word.
CONTINUES = re.compile(r"(?:,|&|\b(?:and|of|for|the|to|in|on|with|by))$", re.I)
CARRIES_ON = re.compile(r"(?:&|(?:and|of|for|to|in|on|with|by)\b|[a-z])")  # a line that starts mid-phrase
# "Item 5: Planning Committee"; not "Item 5: Cabinet Office Update", "Item 2: Council Tax": a name goes on
ITEM_HEADER_RE = re.compile(
    rf"^(?i:agenda\s+)?(?i:item)\s+(?i:no\.?\s*)?\d+[a-z]?[.:]?\s+(?P<body>{BODY})\b"
    r"(?![ \t]+(?:Office|Offices|Member|Members|Tax|Secretary|Minister|Room|Chamber|Portfolio|Lead)\b)"
)


BODY_END = re.compile(r"\b(?:Committee|Sub-Committee|Board|Panel|Forum|Cabinet|Council|Assembly|Partnership)$")
# the meeting named before the body that held it: "Meeting (no.445) of", "Annual Meeting of the", "AGM of"
MEETING_OF_LEAD = re.compile(
    r"^(?:(?:the|an?)\s+)?(?:[A-Za-z-]+\s+){0,2}?(?i:meeting|agm)\s*(?:\(?\s*(?i:no)\.?\s*\d+\s*\)?\s*)?\s+(?i:of)\s+"
    r"(?:(?i:the)\s+)?(?=[A-Z])"
)
MINUTES_RE = re.compile(
    r"^Minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>[A-Z][^:;]{2,100}?\b"
    r"(?:Committee|Sub-Committee|Board|Panel|Forum|Cabinet|Council|Assembly|Partnership))$",
    re.I,
)
# "Minutes of the meeting of the Planning Committee held on Monday 3 March 2008 at 7pm in the Hall".
MINUTES_HELD = re.compile(
    r"^(?P<title>(?i:(?:draft\s+)?minutes\s+of\s+(?:the\s+|an?\s+)?(?:(?:\w+\s+){0,2}meeting\s+of\s+"
    r"(?:the\s+)?)?)(?P<body>(?:[A-Z][\w,&’'()-]*\s+(?:(?:of|and|&|the|for|on)\s+)?){0,10}?"
    r"(?:Committee|Sub-Committee|Board|Panel|Forum|Cabinet|Council|Assembly|Partnership|Group|"
    r"Commission|Authority|Trust|Executive))(?:\s+(?i:meeting))?)\s+(?i:held|which\s+took\s+place)\b"
)
# "Minutes of the (Annual) Meeting held on 5 May 2008": the body is the letterhead above it.
MINUTES_NO_BODY = re.compile(
    r"^(?i:(?:draft\s+)?minutes\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,2}meeting\s+"
    r"(?:held|which\s+took\s+place)\b)"
)
# A form that records a decision, signed and dated at its foot.
DECISION_FORM = re.compile(
    r"\brecord\s+of\s+(?:(?:executive|officer|key|cabinet\s+member)\s+)?decisions?\b|"
    r"\bdecision\s+(?:notice|record|recording\s+form)\b",
    re.I,
)
# A title that names a kind of document, not its subject: "Annual Report", "Business Plan".
GENERIC_TITLE = re.compile(
    r"^(?:annual\s+|end\s+of\s+year\s+|progress\s+|business\s+|delivery\s+|action\s+)?"
    r"(?:report|review|plan|update|strategy|statement)$",
    re.I,
)
# How the name of a report ends, in a running header: "... End of Year Report", "... Delivery Plan".
RUNNING_TITLE_END = re.compile(
    r"\b(?:Report|Plan|Strategy|Review|Update|Statement|Assessment|Programme|Minutes|"
    r"Accounts|Prospectus|Framework)$",
    re.I,
)
POSTED_LINE = re.compile(r"\s*(?:posted|published)(?:\s+on)?\s*:\s*(?P<date>.+?)\s*$", re.I)
DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?$",
    re.I,
)


DATE_START = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,?\s+\d{4}"
)
MONTH_YEAR = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}\b"
# "CABINET – 12 MARCH 2020", "Meeting of the Cabinet, Tuesday 4 March 2014": the body and its meeting's date.
BODY_DATE = re.compile(
    rf"^(?:(?i:meeting\s+of\s+)(?:the\s+)?)?(?P<body>(?i:{BODY}))\s*(?:[-–—,:]\s*|\s+)(?i:on\s+)?"
    rf"(?P<date>(?i:{DATE_START}))(?:,?\s+(?:at\s+)?\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:am|pm)?)?\.?$"
)
# A meeting page's heading: "Planning Committee - Tuesday, 4th March, 2014 6.30 pm".
MEETING_HEADING = re.compile(
    rf"^(?P<name>[A-Z].{{2,150}}?)\s+[-–—]\s+(?P<date>(?i:{DATE_START}))"
    rf"(?P<time>,?\s+(?:at\s+)?\d{{1,2}}(?:[.:]\d{{2}})?\s*(?i:am|pm)?)?\.?$"
)
# "26 June 2019 - Agenda Item 5": the meeting's date over a paper
DATE_ITEM_LINE = re.compile(rf"^(?i:{DATE_START})\s*[-–—,|]\s*(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?\d+[a-z]?)\.?$")
TAKEN_BY = re.compile(r"decision\s+(?:to\s+be\s+)?(?:taken|made)\s+by|decision[\s-]+maker|decision\s+taker", re.I)
# "Mrs A Smith, Cabinet Member for ...": a person's name, then the role that decides.
PERSON_ROLE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+"
    r"(?P<role>(?:Cabinet\s+Member|Leader|Deputy\s+Leader|Portfolio\s+Holder|Executive\s+Member|"
    r"Chief|Director|Head|Corporate\s+Director)\b.{0,150})$"
)
# A line on a front sheet that is an agenda pack's, not a report's ("Agenda", "will be held").
# what an agenda's front sheet says; not a report's own "Agenda Item 7" marker
AGENDA_SIGN = re.compile(
    r"^(?:agenda(?!\s+item)|summons|notice\s+of\s+meeting)\b|\bwill\s+be\s+held\b|^membership\b", re.I
)
PAGE_HEIGHT = 842.0  # points (A4): to turn a font size into a share of the page


# a body named only by its kind in a minutes heading: "the Parish Council", "the Town Council"
KIND_ONLY_BODY = re.compile(r"(?:the\s+)?(?P<kind>(?:parish|town|community)\s+council)", re.I)


def _header_lines(doc, blocks: list) -> list:
    """The front sheet's blocks, a paragraph of short lines ("Warwickshire County Council / Cabinet / 10 April
    2025", one line each) read line by line so that the body, the meeting and the date are each a line."""
    out = []
    for b in blocks:
        text = doc.block_text(b)
        lines = text.split("\n")
        if b.kind == "table_row" or len(lines) < 2 or len(lines) > 5 or any(len(ln.split()) > 12 for ln in lines):
            out.append(b)
            continue
        at = b.start
        for ln in lines:
            if ln.strip():
                lead = len(ln) - len(ln.lstrip())
                out.append(b.model_copy(update={"start": at + lead, "end": at + len(ln.rstrip())}))
            at += len(ln) + 1
    return out


def next_line(block, nxt) -> bool:
    """Whether ``nxt`` is set as the very next line below a one-line ``block`` in the same type
    (a value that wraps), by the layout: same page and size, one line-height lower."""
    if block.size is None or nxt.size != block.size or block.top is None or nxt.top is None or nxt.page != block.page:
        return False
    return 0 < nxt.top - block.top <= 2.0 * block.size / PAGE_HEIGHT and block.end - block.start <= 110


KNOWN_LABEL = re.compile(
    r"(?:" + "|".join(p for p, _, _ in LABELS) + r"|summary|classification|contact(?:\s+officer)?|"
    r"enquiries\s+to|key\s+decision|wards?(?:\(s\))?(?:\s+affected)?|venue|time|location|place|"
    r"chair(?:\s*person|man|woman)?|present|attendees|apologies|in\s+attendance|"
    r"(?:sponsoring|responsible|accountable|lead|executive)\s+(?:director|officer|member)|authors?\(s\)|"
    r"action\s+required|paper\s+for|agenda\s+item|report\s+sponsor|presented\s+for|tel(?:ephone)?|phone|e-?mail)$",
    re.I,
)


BODY_END_ANY = re.compile(BODY_END.pattern, re.I)


def _starts_with_strong_label(text: str) -> bool:
    """Whether a line opens with a label that is no common word ("Report to", or any label with a colon)."""
    m = _LABEL_RE.match(text)
    return bool(m) and (
        ":" in m.group("colon") or not any(re.fullmatch(p, m.group("label"), re.I) for p in NEEDS_COLON)
    )


def _title_case(text: str) -> str:
    """A capitals line in title case, small words in lower case: "END OF YEAR REPORT" → "End of Year Report"."""
    words = text.lower().split()
    small = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "by", "at", "from", "or"}
    return " ".join(w if n and w in small else w[:1].upper() + w[1:] for n, w in enumerate(words))


def _starts_with_label(text: str) -> bool:
    """Whether a line opens with a field label: one with a colon, or one followed by its value."""
    m = _LABEL_RE.match(text)
    return bool(m) and (":" in m.group("colon") or m.end() < len(text.rstrip()))


def _value_cell(b: Block, label_at: int, value_at: int) -> int | None:
    """Where the value ends in a form's table row whose first cell is the label ("Title: | X: Y | ..."): the end
    of the next cell; None for any other block."""
    if b.kind != "table_row" or len(b.cells) < 2 or not b.cells[0][0] <= label_at < b.cells[0][1] <= value_at + 1:
        return None
    return next((e for s, e in b.cells[1:] if e > value_at), None)


def _known_label_start(rest: str, at: int) -> int:
    """Where the label found at ``at`` ("Riverside Youth Services Summary:") really starts: at its last words
    when those are a known label ("Summary"), else where it was found."""
    colon = rest.find(":", at)
    words = list(re.finditer(r"\S+", rest[at:colon]))
    for w in words:
        if KNOWN_LABEL.fullmatch(rest[at + w.start() : colon].strip()):
            return at + w.start() - 1
    return at


def _short_caps(text: str) -> bool:
    """A short line in capitals (the wrapped end of a capitals heading), not a label."""
    return text.isupper() and len(text.split()) <= 3 and ":" not in text


def _colon_title(text: str) -> bool:
    """A heading whose colon divides a title ("Neighbourhood Renewal Fund: Liveability Projects"), not a label."""
    head, _, tail = text.partition(":")
    return (
        len(head.split()) >= 2
        and len(tail.split()) >= 2
        and ":" not in tail
        and not KNOWN_LABEL.fullmatch(head.strip())
        and not _starts_with_label(text)
    )


def english_half(text: str) -> str:
    """The English half of a bilingual line ("Cyngor Cymuned X / X Community Council"), else the line."""
    halves = text.split(" / ")
    if len(halves) != 2 or ":" in text:
        return text
    welsh = [bool(WELSH_WORDS.search(h)) for h in halves]
    if welsh == [True, False]:
        return halves[1].strip()
    if welsh == [False, True]:
        return halves[0].strip()
    return text


def _date_value(text: str) -> str | None:
    text = date_view(text)
    for rule, pattern in DATE_PATTERNS:
        if rule not in ("day-month-year", "numeric", "month-day-year"):
            continue
        m = pattern.search(text)
        if m:
            vals = DatesExtractor._values(DatesExtractor(), rule, m, None)  # type: ignore[arg-type]
            if vals and vals[0][1] == "day":
                return vals[0][0]
    return None


class MetadataExtractor:
    """Finds front-sheet fields and falls back to headings and lead-ins."""

    name = "metadata"
    field = "metadata"
    HEADER_BLOCKS = 40

    def find(self, ctx: Context) -> list[Candidate]:
        out = self._labelled(ctx)
        out += self._sentences(ctx)
        out += self._fallbacks(ctx, {c.data["key"] for c in out})
        largest = self._largest(ctx)
        met = {c.data["value"].lower() for c in out if c.data["key"] == "committee" and c.rule.startswith("label")}
        if met and not any(c.data["key"] == "title" for c in largest):
            # "Review of the Westshire Waste Partnership" set large over "Meeting: Scrutiny Committee": a report
            # about a body, titled with its name (a council's name set large is its letterhead, no title)
            largest += [
                self._cand("title", c.data["value"], c.start, c.end, 0.7, "largest-text-about")
                for c in largest
                if c.rule == "largest-text"
                and c.data["key"] == "committee"
                and c.data["value"].lower() not in met
                and not COUNCIL_LINE.match(c.data["value"])
            ]
        bodies = {c.data["value"].lower() for c in largest if c.data["key"] == "committee"}
        out = [c for c in out if not (c.data["key"] == "title" and c.data["value"].lower() in bodies)]  # a body's name
        out += largest
        out += self._minutes_heading(ctx)
        out += self._bilingual_heading(ctx)
        out += self._running_title(ctx)
        out += self._letter_subject(ctx)
        if not any(c.data["key"] == "report_date" for c in out):
            out += self._signed_date(ctx) or self._posted_date(ctx)
        out += [self._cand("council", *found) for found in council_of(ctx.document)]
        for c in out:
            if c.data["key"] == "committee" and (named := self._named_body(ctx, c.data["value"], c.start)):
                c.data["value"], c.start, c.end = named  # "the Parish Council" named in the letterhead
        # proposals (``cand-`` rules): kept only where a learned model ranks them; a line that opens with a field's
        # label ("From: ...", "Report to: ...") is that field, not a title
        out += [
            c
            for c in propose(ctx.document, out)
            if not (c.data["key"] == "title" and _starts_with_strong_label(c.data["value"]))
        ]
        annotate(out)
        return out

    @staticmethod
    def _named_body(ctx: Context, value: str, at: int) -> tuple[str, int, int] | None:
        """The full name of a body given only by its kind ("PARISH COUNCIL", "the Town Council") where a line of
        the front sheet above it names it ("HARTLEY WINTNEY PARISH COUNCIL")."""
        generic = KIND_ONLY_BODY.fullmatch(" ".join(value.split()))
        if not generic:
            return None
        doc, kind = ctx.document, generic.group("kind").lower()
        for j in front_sheet(doc)[:10]:
            b = doc.blocks[j]
            if b.start >= at:
                break
            name = " ".join(doc.block_text(b).split())
            if 1 + len(kind.split()) <= len(name.split()) <= 8 and name.lower().endswith(kind):
                return (name.title() if name.isupper() else name), b.start, b.end
        return None

    def _minutes_heading(self, ctx: Context) -> list[Candidate]:
        """A minutes heading that holds the meeting: "Minutes of the meeting of the X Committee held on
        <date> at <place>" gives the title (up to "held"), the body and the date."""
        doc, out = ctx.document, []
        sheet = front_sheet(doc)[:10]
        for i in sheet:
            b = doc.blocks[i]
            t = doc.block_text(b)
            m = MINUTES_HELD.match(t) or (MINUTES_HELD.match(t.title()) if t.isupper() else None)
            title_end = m.end("title") if m else 0
            if not m and MINUTES_RE.match(t.strip()) and i + 1 < len(doc.blocks):
                # the heading names the body, the line under it the meeting ("**Meeting held on 4 March ...**")
                joined = t.rstrip() + " " + doc.block_text(doc.blocks[i + 1]).strip(" *_")
                m = MINUTES_HELD.match(joined)
                if m:
                    t, title_end = joined, min(m.end("title"), len(t.rstrip()))  # the heading is the title
            if not m:
                continue
            title = " ".join(t[:title_end].split())  # as written (a capitals heading is matched in title case)
            out.append(self._cand("title", title, b.start, b.start + title_end, 0.7, "minutes-heading"))
            out.append(
                self._cand(
                    "committee",
                    t[m.start("body") : m.end("body")],
                    b.start + m.start("body"),
                    b.start + m.end("body"),
                    0.75,
                    "minutes-heading",
                )
            )
            iso = _date_value(t[title_end : title_end + 200])
            if iso:
                out.append(self._cand("report_date", iso, b.start + title_end, b.end, 0.75, "minutes-heading"))
            break
        else:
            for n, i in enumerate(front_sheet(doc)[:10]):
                b = doc.blocks[i]
                t = doc.block_text(b)
                if not MINUTES_NO_BODY.match(t):
                    continue
                iso = _date_value(t[:200])
                if iso:
                    out.append(self._cand("report_date", iso, b.start, b.end, 0.75, "minutes-heading"))
                above = [doc.blocks[j] for j in front_sheet(doc)[:n]]
                for a in reversed(above):  # the council or body whose meeting it was, in the letterhead
                    name = " ".join(doc.block_text(a).split())
                    if COUNCIL_LINE.match(name) or HEADER_BODY_RE.match(name):
                        body = name.title() if name.isupper() else name
                        out.append(self._cand("committee", body, a.start, a.end, 0.7, "minutes-letterhead"))
                        held = re.search(r"\s+(?i:held|which\s+took\s+place)\b", t)
                        if held:  # "Minutes of the meeting held on ..." under the body's name: the minutes of that body
                            title = f"{' '.join(t[: held.start()].split())} of {body}"
                            out.append(
                                self._cand("title", title, b.start, b.start + held.start(), 0.55, "minutes-letterhead")
                            )
                        break
                break
        return out

    def _bilingual_heading(self, ctx: Context) -> list[Candidate]:
        """Headings printed in Welsh and English on one line ("Cyngor Cymuned X / X Community Council",
        "Cofnodion y Cyfarfod Misol / Minutes of the Monthly Meeting"): the English half names the body
        and the document."""
        doc, out, keys = ctx.document, [], set()
        for i in front_sheet(doc)[:12]:
            b = doc.blocks[i]
            t = " ".join(doc.block_text(b).split())
            en = english_half(t)
            if en == t or len(en.split()) < 2:
                continue
            start = b.start + doc.block_text(b).find(en[:10])
            if (COUNCIL_LINE.match(en) or HEADER_BODY_RE.match(en)) and "committee" not in keys:
                out.append(self._cand("committee", en, start, start + len(en), 0.7, "bilingual-heading"))
                keys.add("committee")
            elif (
                "title" not in keys
                and not NOT_TITLE.match(en)
                and not re.search(DATE_START + r"|\d", en, re.I)
                and len(en.split()) <= 15
            ):
                out.append(self._cand("title", en, start, start + len(en), 0.65, "bilingual-heading"))
                keys.add("title")
        return out

    def _signed_date(self, ctx: Context) -> list[Candidate]:
        """A decision record's date where it is signed: the last line on its last page that is only a
        date ("17/1/2025"), when its front names it a record or notice of decision."""
        doc = ctx.document
        head = " ".join(doc.block_text(b) for b in doc.blocks[:5])
        if not DECISION_FORM.search(head) or not doc.pages:
            return []
        last = doc.pages[-1].number
        for b in reversed([b for b in doc.blocks if b.page == last]):
            t = doc.block_text(b).strip()
            if DATE_LINE.match(t) or re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}", t):
                iso = _date_value(t)
                if iso:
                    return [self._cand("report_date", iso, b.start, b.end, 0.5, "signed-date")]
        return []

    def _posted_date(self, ctx: Context) -> list[Candidate]:
        """A web page's own date ("Posted: 14 June 2021", a Markdown page's front-matter ``date:``) where the
        text gives no meeting date: when the page was posted, not a date of the report (GUIDELINES), so
        only a low-confidence stand-in for its date."""
        doc = ctx.document
        for i in front_sheet(doc)[:12]:
            b = doc.blocks[i]
            m = POSTED_LINE.match(doc.block_text(b))
            if m and (iso := _date_value(m.group("date"))):
                c = self._cand("report_date", iso, b.start + m.start("date"), b.end, 0.4, "posted-date")
                c.review = True  # however a model scores it: a stand-in, for a person to check
                return [c]
        return []

    def _letter_subject(self, ctx: Context) -> list[Candidate]:
        """A letter's subject: the short line under its salutation ("Dear Sir or Madam," / "Response to the Local
        Plan consultation"), with a "Re:" before it left out."""
        doc = ctx.document
        blocks = doc.blocks[: self.HEADER_BLOCKS * 2]
        for b, nxt in zip(blocks, blocks[1:]):
            if not SALUTATION.match(doc.block_text(b).strip()):
                continue
            t = SUBJECT_LEAD.sub("", " ".join(doc.block_text(nxt).split()))
            if 2 <= len(t.split()) <= 25 and t[:1].isupper() and not t.endswith((".", ",", "!", "?")):
                at = nxt.end - len(t) if doc.block_text(nxt).endswith(t) else nxt.start
                return [self._cand("title", t, at, nxt.end, 0.8, "letter-subject")]
            return []
        return []

    def _running_title(self, ctx: Context) -> list[Candidate]:
        """A running header or footer that names the report ("Appendix A: Annual Report of the
        Partnership 2014/15"), repeated on the pages. Its evidence is the start of page 1, since
        running headers are not part of the text."""
        doc = ctx.document
        if len(doc.pages) < 2:
            return []
        seen: dict[str, int] = {}
        for page in doc.pages:
            for line in dict.fromkeys(page.furniture):
                t = " ".join(line.replace("*", "").split())
                seen[t] = seen.get(t, 0) + 1
        for line, n in seen.items():
            if n < 2:
                continue
            t = re.sub(r"^appendix\s+\w{1,3}\s*[:.–-]\s*", "", line, flags=re.I)
            core = re.sub(r"(?:\s+(?:\d{4}(?:\s*[-/–]\s*\d{2,4})?|page\s+\d+.*|\d{1,3}))+$", "", t, flags=re.I)
            if len(core.split()) >= 3 and RUNNING_TITLE_END.search(core) and not re.search(r"@|www\.|\.gov|:", core):
                value = _title_case(core) if core.isupper() else core
                start = doc.pages[0].start
                return [self._cand("title", f"{value}{t[len(core) :]}".strip(), start, start, 0.62, "running-header")]
        return []

    def _largest(self, ctx: Context) -> list[Candidate]:
        """The largest type on page 1, as a reader sees it: the report's title, or the name of the body
        it goes to (a committee's own agenda or minutes), or the meeting's date."""
        doc, out = ctx.document, []
        parts = []
        for i in largest_text(doc):
            b = doc.blocks[i]
            t = " ".join(doc.block_text(b).split())
            if (
                COUNCIL_LINE.match(t)
                or WELSH_COUNCIL_LINE.match(t)
                or NOT_TITLE.match(t)
                and not HEADER_BODY_RE.match(t)
            ):
                continue
            if DATE_LINE.match(t):
                iso = _date_value(t)
                if iso:
                    out.append(self._cand("report_date", iso, b.start, b.end, 0.7, "largest-text"))
                continue
            if ":" in t and KNOWN_LABEL.fullmatch(t.split(":")[0].strip()) or len(t) > 200:
                return out
            if (
                re.search(DATE_START, t, re.I)
                or len(re.sub(r"\b(?:municipal\s+)?year\b|\d+|[-–/]", " ", t, flags=re.I).split()) < 2
            ):
                continue  # "Cabinet meeting: 10 November 2016", "Municipal Year 2015 - 2016"
            parts.append(b)
        if not parts:
            return out
        parts = self._name_with_generic_title(doc, parts)
        s, e = parts[0].start, parts[-1].end
        value = " ".join(" ".join(doc.block_text(b).split()) for b in parts)
        if len(value) > 200:
            return out
        m = MINUTES_RE.match(value)
        if m:
            out.append(self._cand("committee", m.group("body"), s + 0, e, 0.82, "largest-text"))
            out.append(self._cand("title", value, s, e, 0.75, "largest-text"))
        elif HEADER_BODY_RE.match(value) or BODY_END_ANY.search(value) and len(value.split()) <= 10:
            body = re.sub(r"\s+report$", "", value, flags=re.I)
            out.append(self._cand("committee", body, s, s + len(body), 0.82, "largest-text"))
            front = [" ".join(doc.block_text(doc.blocks[i]).split()) for i in front_sheet(doc)[:40]]
            if any(AGENDA_SIGN.search(t) for t in front):
                out.append(self._cand("title", f"{body} agenda", s, s + len(body), 0.62, "largest-text-agenda"))
        else:
            out.append(self._cand("title", value, s, e, 0.75, "largest-text"))
        return out

    @staticmethod
    def _name_with_generic_title(doc, parts: list) -> list:
        """A generic title in the largest type ("Annual Report 2010-11") with the name set large just
        above it ("Safer Borsetshire Partnership"): the two read as one title."""
        words = re.sub(r"\d+|[-–/]", " ", " ".join(doc.block_text(b) for b in parts)).split()
        if len(words) > 3 or not GENERIC_TITLE.search(" ".join(words)):
            return parts
        i = doc.blocks.index(parts[0])
        body = body_size(doc)
        if i == 0 or body is None:
            return parts
        prev = doc.blocks[i - 1]
        t = " ".join(doc.block_text(prev).split())
        if (
            prev.page == parts[0].page
            and prev.size is not None
            and prev.size >= body + 1.5
            and len(t.split()) <= 10
            and ":" not in t
            and not (COUNCIL_LINE.match(t) or DATE_LINE.match(t) or NOT_TITLE.match(t))
        ):
            return [prev, *parts]
        return parts

    def _cand(self, key: str, value: str, start: int, end: int, conf: float, rule: str) -> Candidate:
        if key == "committee" and (lead := MEETING_OF_LEAD.match(value)):
            value, start = value[lead.end() :], start + lead.end()  # "Meeting (no.445) of | Elmford Community Council"
        return Candidate(
            "metadata", start, end, {"key": key, "value": value}, confidence=conf, extractor=self.name, rule=rule
        )

    def _labelled(self, ctx: Context) -> list[Candidate]:
        doc, out = ctx.document, []
        blocks = doc.blocks
        seen: dict[str, int] = {}
        for m in _LABEL_RE.finditer(ctx.text):
            if ":" in m.group("colon"):
                seen[m.group("label").lower()] = seen.get(m.group("label").lower(), 0) + 1
        for i, b in enumerate(blocks):
            text = doc.block_text(b)
            header = i < self.HEADER_BLOCKS
            for m in _LABEL_RE.finditer(text):
                label = m.group("label").lower()
                key, conf = self._field(label)
                # a form's table: the label fills the row's first cell ("Date | 14 January 2016")
                colon = ":" in m.group("colon") or (
                    b.kind == "table_row"
                    and len(b.cells) >= 2
                    and m.start() == 0
                    and b.start + m.end("label") == b.cells[0][1]
                )
                # "Dated 17 February 2015" alone on a line (a report's version box) is a label without a colon
                date_row = key == "report_date" and m.start() == 0 and bool(DATE_LINE.match(text[m.end() :].strip()))
                if not colon and any(re.fullmatch(p, label, re.I) for p in NEEDS_COLON) and not date_row:
                    continue  # a common word, not a label
                if m.start() > 0 and (not colon or label in ("to", "by", "from") or not m.group("label")[0].isupper()):
                    continue
                if (not header and key not in ("report_date", "author") or (not header and not colon)) and not date_row:
                    continue
                vstart = b.start + m.end()
                rest = text[m.end() :]
                cell = _value_cell(b, b.start + m.start(), vstart)
                if cell is not None:  # a form's row: the value is the next cell, whole ("Babergh: Annual Update")
                    cut = cell - vstart
                else:
                    nxt = _ANY_LABEL.search(rest, 1)
                    nxt_at = _known_label_start(rest, nxt.start()) if nxt else None
                    label_pos = [x.start() for x in _LABEL_RE.finditer(rest) if ":" in x.group("colon")]
                    bnd = _BOUNDARY.search(rest)
                    cut = min([len(rest)] + ([nxt_at] if nxt else []) + label_pos + ([bnd.start()] if bnd else []))
                value = rest[:cut].strip().strip("|").strip()
                vend = vstart + len(rest[:cut].rstrip().rstrip("|").rstrip())
                vstart += len(rest[:cut]) - len(rest[:cut].lstrip().lstrip("|").lstrip())
                last = i  # the block where the value ends
                if (
                    not value
                    and (colon or m.start() == 0)
                    and i + 1 < len(blocks)
                    and m.end() >= len(text.rstrip()) - 1
                ):
                    nb = blocks[i + 1]
                    value, vstart, vend, last = doc.block_text(nb), nb.start, nb.end, i + 1
                elif cut < len(rest):
                    last = -1  # another field follows on the same line
                while value and 0 <= last < i + 3 and last + 1 < len(blocks):
                    nb = blocks[last + 1]  # the value wraps onto the next line ("Cabinet Member for Regeneration,")
                    more = doc.block_text(nb).strip()
                    wraps = (
                        CONTINUES.search(value.rstrip())
                        and len(more.split()) <= 8
                        or (value.isupper() and more.isupper() and len(more.split()) <= 3 and key != "report_date")
                        or (
                            key in ("title", "committee")
                            and next_line(blocks[last], nb)
                            and len(more.split()) <= 8
                            and not DATE_LINE.match(more)
                        )
                    )
                    # ("RESPONSIBLE" / "OFFICER:" is the next label, split over two lines)
                    label_next = (
                        last + 2 < len(blocks)
                        and doc.block_text(blocks[last + 2]).rstrip().endswith(":")
                        and more.isupper()
                        and len(more.split()) <= 2
                    )
                    # "Report title: Development Management planning application:" goes on below, colon and all
                    goes_on = (
                        key == "title"
                        and value.rstrip().endswith(":")
                        and len(more.split()) <= 12
                        and not _starts_with_strong_label(more)
                        and not KNOWN_LABEL.fullmatch(more.split(":")[0].strip())
                    )
                    if (
                        not (
                            goes_on
                            or wraps
                            and more
                            and ":" not in more
                            and not nb.label
                            and not _starts_with_label(more)
                        )
                        or label_next
                    ):
                        break
                    value, vend, last = (
                        f"{value.rstrip()} {more}",
                        nb.start + len(doc.block_text(nb).rstrip()),
                        last + 1,
                    )
                if not value or len(value) > 400:
                    continue
                if "/" in m.group("colon") and " / " in value and value.count(" / ") == 1:
                    # "Report to: / Adroddiad i: Executive / Pwyllgor Gwaith": the value in both languages too
                    half = english_half(value)
                    if half == value:
                        half = value.split(" / ")[0].strip()
                    vstart += value.find(half)
                    vend = vstart + len(half)
                    value = half
                if key == "committee" and TAKEN_BY.fullmatch(label):
                    role = PERSON_ROLE.match(value)  # "Mrs A Smith, Cabinet Member for Children's Services"
                    if role:
                        out.append(
                            self._cand("author", " ".join(value.split()), vstart, vend, conf * 0.9, f"label:{label}")
                        )
                        value, vstart = role.group("role"), vstart + role.start("role")
                if seen.get(label, 0) > 1 and key in ("title", "committee"):
                    conf *= 0.45  # a field repeated per item of a form, not the document's own
                out += self._interpret(key, value, vstart, vend, conf * (1 if header else 0.8), f"label:{label}")
        return out

    @staticmethod
    @lru_cache(maxsize=4096)  # a document asks about the same few labels thousands of times
    def _field(label: str) -> tuple[str, float]:
        for pattern, key, conf in LABELS:
            if re.fullmatch(pattern, label, re.I):
                return key, conf
        return "title", 0.1

    def _interpret(self, key: str, value: str, start: int, end: int, conf: float, rule: str) -> list[Candidate]:
        out = []
        if key == "report_date":
            iso = _date_value(value)
            if iso:
                out.append(self._cand("report_date", iso, start, end, conf, rule))
            return out
        if key == "committee":
            iso = _date_value(value)
            if iso and DATE_LINE.match(value.strip()):  # "CABINET MEETING: 10 NOVEMBER 2016"
                return [self._cand("report_date", iso, start, end, conf, rule)]
            parts = re.split(r"\s+[-–—]\s+|,\s+(?=\w+day|\d)|\s+(?:on\s+)?(?=" + DATE_START + ")", value, maxsplit=1)
            body = parts[0].strip().rstrip(".")
            if len(parts) > 1:
                iso = _date_value(parts[1])
                if iso:
                    out.append(self._cand("report_date", iso, start, end, conf + 0.02, rule))
            if body and not re.search(r"\d{4}|chairman|ladies", body, re.I) and len(body.split()) <= 12:
                out.append(self._cand("committee", body, start, start + len(body), conf, rule))
            return out
        if key == "reference":
            ref = value.split()[0] if value.split() else ""
            if re.search(r"\d", ref):
                out.append(self._cand("reference", ref, start, start + len(ref), conf, rule))
            return out
        if key == "role":
            return out
        if key == "author":
            to = REPORT_OF_TO.match(" ".join(value.split()))
            if to:  # "Report of the Director of Regeneration to the Regeneration Committee, 12th March 2003"
                who, body = to.group("who"), to.group("body")
                who, body = (_title_case(x) if x.isupper() else x for x in (who, body))
                out.append(self._cand("author", who, start, end, conf, rule))
                out.append(self._cand("committee", body, start, end, conf * 0.85, rule + "-to"))
                iso = _date_value(to.group("rest") or "")
                if iso:
                    out.append(self._cand("report_date", iso, start, end, conf * 0.85, rule + "-to"))
                return out
            on = AUTHOR_ON.match(" ".join(value.split()))
            if on:  # "Report by the Assistant Chief Executive on Round 31 of the Grant Fund": who, not the topic
                out.append(self._cand("author", on.group("who"), start, end, conf, rule))
                return out
        if key == "title":
            value = re.sub(r"^(?:agenda\s+)?item\s+\d+[.:]?\s*", "", value, flags=re.I)
        out.append(self._cand(key, " ".join(value.split()), start, end, conf, rule))
        return out

    def _sentences(self, ctx: Context) -> list[Candidate]:
        out = []
        for m in MEETING_RE.finditer(ctx.text):
            group = "body" if m.group("body") else "body2"
            body = m.group(group).strip()
            out.append(self._cand("committee", body, m.start(group), m.end(group), 0.8, "meeting-sentence"))
            iso = _date_value(ctx.text[m.end() : m.end() + 40])
            if iso:
                out.append(self._cand("report_date", iso, m.start(), m.end() + 40, 0.8, "meeting-sentence"))
        for s, e in ctx.sentences:
            m = SUBJECT_RE.match(ctx.text[s:e].lstrip())
            if m and not GENERIC_BODY.fullmatch(m.group("body")):  # "The Board is asked to": which board is not said
                off = s + len(ctx.text[s:e]) - len(ctx.text[s:e].lstrip())
                out.append(
                    self._cand(
                        "committee",
                        m.group("body"),
                        off + m.start("body"),
                        off + m.end("body"),
                        0.55,
                        "asked-to-subject",
                    )
                )
        return out

    def _fallbacks(self, ctx: Context, found: set[str]) -> list[Candidate]:
        doc, out = ctx.document, []
        head = doc.blocks[: self.HEADER_BLOCKS]
        title_parts: list = []
        for b in _header_lines(doc, head):
            t = doc.block_text(b).strip().rstrip("|").strip()
            if "committee" not in found and HEADER_BODY_RE.match(t) and not COUNCIL_LINE.match(t):
                body = re.sub(r"\s+report$", "", t, flags=re.I)
                out.append(self._cand("committee", body, b.start, b.start + len(body), 0.65, "header-body"))
            if REF_RE.match(t):
                out.append(self._cand("reference", t, b.start, b.end, 0.7, "header-ref"))
            mh = MEETING_HEADING.match(t) if b.kind == "heading" else None
            if mh and BODY_END_ANY.search(mh.group("name")) and not _starts_with_strong_label(t):
                name = mh.group("name")
                iso = _date_value(mh.group("date"))
                title = name if mh.group("time") else None  # a meeting page's own name ("Cabinet - <date> 6.30 pm")
                for key, value, conf in (("committee", name, 0.7), ("title", title, 0.62), ("report_date", iso, 0.7)):
                    if value and key not in found:
                        out.append(
                            self._cand(
                                key,
                                value,
                                b.start,
                                b.end if key == "report_date" else b.start + len(name),
                                conf,
                                "meeting-heading",
                            )
                        )
            bd = BODY_DATE.match(t)
            if bd and not COUNCIL_LINE.match(bd.group("body")) and not _starts_with_strong_label(t):
                iso = _date_value(bd.group("date"))
                if "committee" not in found:
                    out.append(
                        self._cand(
                            "committee",
                            bd.group("body"),
                            b.start + bd.start("body"),
                            b.start + bd.end("body"),
                            0.7,
                            "body-date-line",
                        )
                    )
                if iso and "report_date" not in found:
                    out.append(
                        self._cand(
                            "report_date",
                            iso,
                            b.start + bd.start("date"),
                            b.start + bd.end("date"),
                            0.7,
                            "body-date-line",
                        )
                    )
            m = ITEM_HEADER_RE.match(t)
            if m and "committee" not in found:
                out.append(
                    self._cand(
                        "committee",
                        m.group("body"),
                        b.start + m.start("body"),
                        b.start + m.end("body"),
                        0.6,
                        "item-header",
                    )
                )
                iso = _date_value(t[m.end() :])
                if iso and "report_date" not in found:
                    out.append(self._cand("report_date", iso, b.start, b.end, 0.6, "item-header"))
            if (DATE_LINE.match(t) or DATE_ITEM_LINE.match(t)) and "report_date" not in found:
                iso = _date_value(t)
                if iso:  # a line that is only the meeting's date (and time), under the heading of minutes
                    out.append(self._cand("report_date", iso, b.start, b.end, 0.5, "date-line"))
        if True:  # the first heading competes with labelled titles on confidence
            title_parts = self._title_blocks(ctx)
            if title_parts:
                title_parts = self._body_above_generic_title(doc, title_parts)
                s, e = title_parts[0].start, title_parts[-1].end
                value = " ".join(" ".join(doc.block_text(b).split()) for b in title_parts)
                out.append(self._cand("title", value, s, e, 0.6, "first-heading"))
                m = MINUTES_RE.match(value)
                if m:
                    body = m.group("body")
                    out.append(self._cand("committee", body, s, e, 0.7, "minutes-title"))
        return out

    @staticmethod
    def _body_above_generic_title(doc, parts: list) -> list:
        """A generic first heading ("Annual Report 2018-19") under a line that names a body ("Vale Community
        Safety Partnership"): the two read as one title."""
        words = re.sub(r"\d+|[-–/]", " ", " ".join(doc.block_text(b) for b in parts)).split()
        i = doc.blocks.index(parts[0])
        if i == 0 or len(words) > 4 or not GENERIC_TITLE.search(" ".join(words)):
            return parts
        prev = doc.blocks[i - 1]
        t = " ".join(doc.block_text(prev).split())
        if (
            len(t.split()) <= 10
            and HEADER_BODY_RE.match(t)
            and not COUNCIL_LINE.match(t)
            and ":" not in t
            and not t.isupper()
        ):
            return [prev, *parts]
        return parts

    def _title_blocks(self, ctx: Context) -> list:
        """The first title-like heading (with an all-capitals continuation line), skipping form noise."""
        doc = ctx.document
        continued = False  # the previous (skipped) line runs on into this one
        for i, b in enumerate(doc.blocks[:15]):
            t = doc.block_text(b).strip()
            follows = continued
            # a skipped line that ends with a joining word, or a capitals line followed by a short capitals
            # line, wraps onto the next: that line is skipped with it
            continued = bool(CONTINUES.search(t)) or (
                t.isupper()
                and i + 1 < len(doc.blocks)
                and _short_caps(doc.block_text(doc.blocks[i + 1]).strip())
                and not re.search(DATE_START, t, re.I)
            )
            if (
                follows
                and i > 0
                and HEADER_BODY_RE.match(doc.block_text(doc.blocks[i - 1]).strip())
                and GENERIC_TITLE.search(" ".join(re.sub(r"\d+|[-–/]", " ", t).split()))
            ):
                return [doc.blocks[i - 1], b]  # "SAFER TOWNS PARTNERSHIP" / "ANNUAL REPORT 2020/21"
            if follows and (t.isupper() or b.kind != "heading"):
                continue
            en = english_half(" ".join(t.split()))
            if MINUTES_NO_BODY.match(en) or MINUTES_HELD.match(en):
                return []  # "Minutes of the meeting held on ...": the title is read from it, not from an item below
            if (
                len(t) < 4
                or len(t) > 200
                or NOT_TITLE.match(en)
                or COUNCIL_LINE.match(en)
                or HEADER_BODY_RE.match(en)
                or WELSH_COUNCIL_LINE.match(t)
                or MENU_LINE.match(t)
                or MINUTES_SIGN.match(en)
            ):
                continue
            if (
                (":" in t and not (b.kind == "heading" and _colon_title(t)))
                or REF_RE.match(t)
                or re.search(
                    DATE_START + r"|" + MONTH_YEAR + r"|@|www\.|tel\b|"
                    r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b",
                    t,
                    re.I,
                )
                or sum(ch.isdigit() for ch in t) > 0.3 * len(t)
                or b.label
                or t.count(",") >= 2
                or _starts_with_label(t)
                or _BOUNDARY.match(" " + t)
            ):
                continue
            if b.kind != "heading" and not (i == 0 and len(t.split()) <= 15 and not t.endswith(".")):
                continue
            parts = [b]
            nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            if (
                nxt
                and nxt.kind == "heading"
                and not nxt.label
                and not t.isupper()
                and not BODY_END.search(t)
                and BODY_END.search(doc.block_text(nxt).strip())
                and len(doc.block_text(nxt).split()) <= 4
                and ":" not in doc.block_text(nxt)
            ):
                return [b, nxt]  # "Minutes of the Transport & Connectivity" / "Policy Committee"
            if (
                nxt
                and t.isupper()
                and doc.block_text(nxt).isupper()
                and nxt.kind == "heading"
                and not nxt.label
                and len(doc.block_text(nxt)) < 80
                and not COUNCIL_LINE.match(doc.block_text(nxt).strip())
            ):
                parts.append(nxt)
            while (  # "The Riverside Parks" / "and Open Spaces Strategy": a title set over lines, each carrying on
                len(parts) < 3
                and (k := i + len(parts)) < len(doc.blocks)
                and doc.blocks[k].kind == b.kind
                and not doc.blocks[k].label
                and CARRIES_ON.match(doc.block_text(doc.blocks[k]).strip())
                and len(doc.block_text(doc.blocks[k]).split()) <= 8
            ):
                parts.append(doc.blocks[k])
            return parts
        return []
