"""Metadata proposals: generous guesses for title, committee, report date and author, for the model to rank.

Every candidate here has a rule named ``cand-...``: it is kept only when a learned metadata model is loaded,
which scores it beside the rules' own candidates (``pipelines/learn/feats/metadata.py``); the best-scoring
value per key wins. Without a model they are dropped and the rules decide alone.

- title: each of the first lines of page 1 (agenda numbers and markup removed), two or three of them read
  as one, the headings below them, a web page's front-matter ``title:``;
- committee: the names of bodies on the first lines and in the opening text ("X Council", "X Committee",
  "X Board/Panel/Forum/Group", the body in "Minutes of the meeting of X"), with their shorter endings;
- report_date: every day-precise date in the opening text and at the foot (a signed date), ISO dates in a
  page's front matter;
- author: lines that name a role or a person, near a label or at the end (a signature block).

Linear in the document's size: a fixed number of lines and characters is read at its start and end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.html import SITE_LABEL
from models.document import Document
from pipelines.extractors.base import Candidate
from pipelines.extractors.dates import PATTERNS as DATE_PATTERNS
from pipelines.extractors.dates import DatesExtractor, date_view

FIRST_LINES = 14  # lines of page 1 proposed as titles (and joined in twos and threes)
HEAD_CHARS = 6000  # characters at the start read for bodies and dates
FOOT_CHARS = 1500  # characters at the end read for signed dates and signature blocks
MAX_LINE = 220

_NUMBER = re.compile(
    r"^(?:(?:agenda\s+)?item\s*(?:no\.?\s*)?\d+[a-z]?[.:)]?\s*[-–—:]?\s*|"
    r"\(?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+(?=\D)(?!(?:st|nd|rd|th)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|"
    r"\(?[a-z]\)\s+)",
    re.I,
)
_TAGS = re.compile(r"<[^>]{0,200}>|\*\*|__")
_MARKUP = re.compile(r"^[#*>\s_\"'‘“]+|[*_\s\"'’”|]+$")
# "title: X tags: nav" (a web page's front matter: its next key in lower case; "Title: | X: Annual Update" goes on)
_FRONT_MATTER = re.compile(
    r"(?:^|\s)(?P<key>title|name|subject):[\s|]*(?P<v>[^\s|].*?)(?=\s+(?-i:[a-z][\w-]*):(?:\s|$)|\s*$)", re.I
)
_LABEL_LINE = re.compile(r"^[A-Z][A-Za-z /&'’-]{0,30}:\s")  # "Report to: Cabinet": a field, no part of a title
_ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?=T|\b)")
BODY_NOUN = (
    r"Council|Committee|Sub-Committee|Subcommittee|Cabinet|Board|Panel|Forum|Group|Partnership|Commission|"
    r"Authority|Assembly|Executive|Network|Collaborative|Meeting|SIG|Trust|Commissioners|Conference"
)
_CAP = r"[A-Z][\w&’'.()/-]*"
_LINK = r"(?:of|and|&|for|the|on|upon|in|de|y)"
BODY_RE = re.compile(
    rf"(?:{_CAP}\s+(?:{_LINK}\s+){{0,2}}){{0,8}}(?:{BODY_NOUN})\b(?![ \t]+[A-Z][a-z])(?:\s+\((?:[A-Z]{{2,8}})\))?"
)
_JOB_TITLE = re.compile(r"\b(?:chief|deputy|assistant)\s+executive$", re.I)  # a person's role, not a body
_BODY_TAIL = re.compile(rf"(?:{BODY_NOUN})$")
_SKIP_LEAD = {
    "minutes",
    "minute",
    "agenda",
    "draft",
    "agreed",
    "meeting",
    "notes",
    "report",
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "to",
    "at",
    "on",
}
ROLE_WORDS = re.compile(
    r"\b(?:chief\s+executive|director|head\s+of|manager|officer|clerk|chair(?:man|person|woman)?|secretary|"
    r"councillor|cllr|leader|cabinet\s+member|portfolio\s+holder|member\s+for|minute\s*(?:taker|secretary)|"
    r"inspector|treasurer|convenor|author|lead|coordinator|co-ordinator|advisor|adviser|analyst|counsel|"
    r"solicitor|accountant|president|mayor|minutes)\b",
    re.I,
)
AUTHOR_LABEL = re.compile(
    r"^(?P<label>(?:report\s+)?authors?|written\s+by|prepared\s+by|presented\s+by|report\s+(?:of|by|from)|"
    r"contact(?:\s+officer)?|lead\s+officer|responsible\s+officer|officer|clerk|chair(?:man|person)?|"
    r"(?:minutes?\s+)?(?:taken\s+by|taker|secretary)|signed|from|by|cabinet\s+member|lead\s+member|"
    r"portfolio\s+holder|secretariat|note\s*taker|minutes(?:\s+by)?|details\s+of\s+[\w\s]{3,30}?)\s*[:\-–]\s*(?P<v>.*)$",
    re.I,
)
# What a label says of the person after it: the author, whoever took the minutes, the officer to contact, the chair
LABEL_KINDS = (
    ("minutes", re.compile(r"minute|taken\s+by|taker|secretar|clerk", re.I)),
    ("author", re.compile(r"author|written|prepared|presented|report\s+(?:of|by|from)", re.I)),
    ("officer", re.compile(r"contact|officer|details\s+of", re.I)),
    ("member", re.compile(r"chair|member|portfolio", re.I)),
)


def label_kind(label: str) -> str:
    """The kind of an author label ('Minute taker' -> minutes, 'Contact officer' -> officer; 'From', 'By' -> other)."""
    return next((kind for kind, rx in LABEL_KINDS if rx.search(label)), "other")


NAME_LINE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Rev)\.?\s+)?"
    r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-zA-Z’'-]+){1,2}(?:\s*[,–(-]\s*\S.{0,120})?$"
)


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """A value's comparison key: lower case, words only, no leading "the"."""
    s = re.sub(r"[^\w\s]", " ", (s or "").lower().replace("&", " and "))
    return re.sub(r"^the ", "", " ".join(s.split()))


# a letterhead's contact field ("Mobile : 07700 900 123", "Email: clerk@..."), in a cell beside the title
_CONTACT = re.compile(
    r"^(?i:tel(?:ephone)?|mobile|phone|fax|e-?mail|web(?:site)?)\b\s*[:.]?\s*"
    r"(?:[+\d(][\d\s()+-]{6,}|\S+@\S+|(?:https?://|www\.)\S+)$"
)
# a byline after a title, on its line or the next ("THE VILLAGE LETTER | PUBLISHED BY ... COUNCIL APRIL 2024")
_BYLINE = re.compile(r"(?:^|\s+)(?i:published|produced|printed|issued)\s+(?i:by)\b.*$")


def _clean(text: str) -> str:
    cells = [c for c in _TAGS.sub(" ", text).split(" | ") if not _CONTACT.match(c.strip())]
    t = _BYLINE.sub("", " ".join(" ".join(cells).split()))
    t = _MARKUP.sub("", t)
    t = _NUMBER.sub("", t, count=1)
    return _MARKUP.sub("", t).strip()


# A line: text up to a line break or an HTML block tag (a page kept as HTML inside Markdown); inline tags stay.
_BLOCK_TAG = r"</?(?:p|br|li|h[1-6]|div|td|tr|ul|ol|table)\b"
_SEGMENT = re.compile(rf"(?P<tag>{_BLOCK_TAG}[^>\n]*>?)|(?:[^\n<]|(?!{_BLOCK_TAG})<)+", re.I)


def _segments(text: str, at: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _SEGMENT.finditer(text):
        if m.group("tag"):
            continue
        raw = m.group()
        s = at + m.start() + len(raw) - len(raw.lstrip())
        e = at + m.start() + len(raw.rstrip())
        if e > s and _TAGS.sub("", raw).strip():
            out.append((s, e, raw.strip()))
    return out


def front_lines(document: Document, limit: int = FIRST_LINES * 3) -> list[tuple[int, int, str, int]]:
    """The first lines of the document (start, end, text, block index), a block read line by line."""
    out: list[tuple[int, int, str, int]] = []
    for i, b in enumerate(document.blocks[:80]):
        for s, e, t in _segments(document.block_text(b)[:20000], b.start):
            out.append((s, e, t, i))
            if len(out) >= limit:
                return out
    return out


def _cand(key: str, value: str, start: int, end: int, rule: str, **extra) -> Candidate:
    return Candidate(
        "metadata",
        start,
        end,
        {"key": key, "value": value, **extra},
        confidence=0.3,
        extractor="metadata",
        rule=rule,
    )


_TITLE_TAIL = re.compile(
    r"\s+(?i:(?:paper|report|item|agenda\s+item)\s+(?:no\.?|number)|ref(?:erence)?\s*(?:no\.?)?:?)\s*\S+$|"
    r"\s+[a-z][\w-]*:(?:\s.*)?$"
)
_HELD = re.compile(r"\s+(?:held|which\s+took\s+place|to\s+be\s+held)\b", re.I)
_TO_DATE = re.compile(
    r"^.*?\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b", re.I
)


def _title_variants(value: str) -> list[tuple[str, str]]:
    """Shorter readings of a title line: up to its date (the meeting, not the time and place), without a
    trailing reference ("Paper No. 26-8") or a page's next front-matter field ("tags: nav")."""
    out = []
    cut = _TITLE_TAIL.sub("", value).strip()
    if cut != value and len(cut) >= 3:
        out.append((cut, "cand-title-cut"))
    m = _TO_DATE.match(value)
    if m and m.end() < len(value) - 3:
        out.append((m.group(), "cand-title-todate"))
    held = _HELD.search(value)
    if held and held.start() >= 10:
        out.append((value[: held.start()], "cand-title-preheld"))
    return out


_OPEN_START = re.compile(r"(?:and|of|&)\b|[a-z]")
_OPEN_END = re.compile(r"(?:\b(?:of|and|for|the|to|in|on|with|by|a|an)|&|:|,|-)\s*$", re.I)


def title_proposals(document: Document, lines: list[tuple[int, int, str, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    first = [(s, e, _clean(t), i) for s, e, t, i in lines[:FIRST_LINES] if len(t) <= 400]
    blocks = document.blocks
    style = [(blocks[i].kind == "heading", blocks[i].size, blocks[i].bold) for _, _, _, i in first]
    lower = [bool(re.match(r"(?:[a-z]|(?:of|and|for|the|to|in|on|&)\b)", t)) for _, _, t, _ in first]

    def run(n: int, k: int) -> dict:
        """How lines n..n+k-1 sit among their neighbours: the whole run of lines set alike (a title over
        two or three lines), whether the line after carries on (starts in lower case)."""
        alike = all(style[j] == style[n] for j in range(n, n + k))
        whole = alike and (n == 0 or style[n - 1] != style[n]) and (n + k >= len(first) or style[n + k] != style[n])
        return {"whole_run": whole, "next_lower": n + k < len(first) and lower[n + k], "starts_lower": lower[n]}

    def cut_short(n: int, k: int) -> bool:
        """A title does not end mid-phrase: on 'of', 'and', '&' or a colon, or before a line set alike that
        carries on in lower case ('The Leeds Health' / 'and Wellbeing Strategy')."""
        last = first[n + k - 1][2]
        return bool(_OPEN_END.search(last)) or (
            n + k < len(first) and lower[n + k] and style[n + k] == style[n + k - 1]
        )

    for n, (s, e, t, _) in enumerate(first):
        if cut_short(n, 1) or lower[n]:
            pass  # half a title: it ends mid-phrase, or begins there ('and Wellbeing Strategy')
        elif 3 <= len(t) <= MAX_LINE and re.search(r"[A-Za-z]{2}", t):
            out.append(_cand("title", t, s, e, "cand-title-line", order=n, nlines=1, **run(n, 1)))
        for k in (2, 3):
            part = first[n : n + k]
            if (
                len(part) == k
                and all(p[2] for p in part)
                and not any(_LABEL_LINE.match(p[2]) for p in part[1:])
                and not cut_short(n, k)
                and not lower[n]
            ):
                joined = " ".join(p[2] for p in part)
                if len(joined) <= MAX_LINE:
                    parts = [blocks[p[3]] for p in part]
                    same = parts[0].size is not None and all(b.size == parts[0].size for b in parts)
                    heads = all(b.kind == "heading" for b in parts)
                    out.append(
                        _cand(
                            "title",
                            joined,
                            s,
                            part[-1][1],
                            f"cand-title-join{k}",
                            order=n,
                            nlines=k,
                            same_size=same,
                            all_heads=heads,
                            **run(n, k),
                        )
                    )
    for c in list(out):
        for value, rule in _title_variants(c.data["value"]):
            keep = {k: c.data[k] for k in ("order", "nlines", "same_size", "all_heads", "starts_lower") if k in c.data}
            out.append(_cand("title", value, c.start, c.end, rule, **keep))
    seen = {norm(c.data["value"]) for c in out}
    heads = 0
    for j, b in enumerate(document.blocks[:80]):
        if b.kind != "heading" or heads >= 10:
            continue
        t = _clean(document.block_text(b))
        after = _clean(document.block_text(blocks[j + 1])) if j + 1 < len(blocks) else ""
        if (
            _OPEN_END.search(t)
            or _OPEN_START.match(t)
            or (j + 1 < len(blocks) and blocks[j + 1].kind == "heading" and _OPEN_START.match(after))
        ):
            continue  # half of a title set over two lines
        if 3 <= len(t) <= MAX_LINE and norm(t) not in seen:
            seen.add(norm(t))
            heads += 1
            out.append(_cand("title", t, b.start, b.end, "cand-title-heading", order=heads))
    for s, e, t, _ in lines[:6]:
        for m in _FRONT_MATTER.finditer(t):
            v = _MARKUP.sub("", m.group("v")).strip()
            if 3 <= len(v) <= MAX_LINE:
                out.append(_cand("title", v, s + m.start("v"), s + m.end("v"), "cand-title-meta"))
                out += [_cand("title", x, s + m.start("v"), s + m.end("v"), r) for x, r in _title_variants(v)]
    return out


def _cuts_coordination(before: list[str]) -> bool:
    """True when a name starting after the words ``before`` would cut a coordination of the name: an "and" at most
    three words back, with capitalised words after it and before it ("Health and | Social Care ...", "Health and
    Social | Care ...", "Health and Social Care | Scrutiny Commission"), unless the word before it ends a body's name
    of its own ("... Council and | Cabinet")."""
    for j in range(len(before) - 1, max(-1, len(before) - 4), -1):  # "and" at most three words back
        w = before[j]
        if w in ("and", "&"):
            return j >= 1 and before[j - 1][:1].isupper() and not _BODY_TAIL.search(before[j - 1])
        if not w[:1].isupper():
            return False
    return False


def _body_variants(text: str, at: int) -> list[tuple[str, int, int, bool]]:
    """Body names in ``text`` (offset ``at``) and their shorter endings ("Minutes Ayton Community Council" →
    "Ayton Community Council", "Community Council"), each with whether it cuts into a name (the word before it is
    a capitalised word of the name, not "Minutes", "of", "the")."""
    out = []
    probe = text.title() if text.isupper() and len(text.title()) == len(text) else text
    for m in BODY_RE.finditer(probe):
        words = list(re.finditer(r"\S+", m.group()))
        n = 0
        for k, w in enumerate(words):
            if w.group().lower() in _SKIP_LEAD or not w.group()[:1].isupper():
                continue
            if _cuts_coordination([x.group() for x in words[:k]]):
                continue  # "Social Care ..." or "Care Scrutiny Commission" of "Health and Social Care ...": a name cut
            value = m.group()[w.start() :]
            if _JOB_TITLE.search(value):
                break
            inner = k > 0 and words[k - 1].group().lower() not in _SKIP_LEAD
            out.append((value, at + m.start() + w.start(), at + m.end(), inner))
            bare = re.sub(r"\s+Meeting$", "", value)  # "Parish Council Meeting": the body is the Parish Council
            if bare != value and _BODY_TAIL.search(bare):
                out.append((bare, at + m.start() + w.start(), at + m.start() + w.start() + len(bare), inner))
            n += 1
            if n >= 4:
                break
    return out


def committee_proposals(document: Document, lines: list[tuple[int, int, str, int]]) -> list[Candidate]:
    """One candidate per distinct body name: its first mention, the others as further evidence."""
    by: dict[str, Candidate] = {}

    def add(value: str, vs: int, ve: int, rule: str, order: int | None, inner: bool) -> None:
        k = norm(value)
        if not k or len(value) > 120 or "\n" in value:
            return
        c = by.get(k)
        if c is None:
            extra = {"order": order} if order is not None else {}
            by[k] = _cand("committee", value, vs, ve, rule, **extra, **({"inner": True} if inner else {}))
        elif len(c.extra_spans) < 30 and (vs, ve) != (c.start, c.end):
            c.extra_spans.append((vs, ve))

    for n, (s, e, t, _) in enumerate(lines):
        if t.startswith(SITE_LABEL + ":"):
            continue  # a web page's site (its owner), not the body that meets
        for value, vs, ve, inner in _body_variants(t.replace(" | ", "   "), s):
            add(value, vs, ve, "cand-committee-line", n, inner)
    end = lines[-1][1] if lines else 0
    head = document.text[end:HEAD_CHARS]
    for value, vs, ve, inner in _body_variants(head.replace(" | ", "   "), end):
        add(value, vs, ve, "cand-committee-text", None, inner)
    return list(by.values())


_DAY_RULES = ("day-range", "day-month-year", "month-day-year", "numeric")


def date_proposals(document: Document) -> list[Candidate]:
    text = document.text
    spans = [(0, min(len(text), HEAD_CHARS))]
    if len(text) > HEAD_CHARS:
        spans.append((max(HEAD_CHARS, len(text) - FOOT_CHARS), len(text)))
    out: list[Candidate] = []
    ext = DatesExtractor()
    for lo, hi in spans:
        part = date_view(text[lo:hi]).replace(" | ", "   ")  # a date split over table cells ("15th January | 2019")
        taken = bytearray(len(part))
        for rule, pattern in DATE_PATTERNS:
            if rule not in _DAY_RULES:
                continue
            for m in pattern.finditer(part):
                if any(taken[m.start() : m.end()]):
                    continue
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                vals = ext._values(rule, m, None)  # type: ignore[arg-type]  # every rule here names its year
                for value, precision in vals:
                    if precision == "day":
                        tag = "head" if lo == 0 else "foot"
                        out.append(_cand("report_date", value, lo + m.start(), lo + m.end(), f"cand-date-{tag}"))
        if lo == 0:
            for m in _ISO_DATE.finditer(part[:1500]):
                out.append(_cand("report_date", m.group(0), m.start(), m.end(), "cand-date-iso"))
    return out


def _plain(line: str) -> str:
    """A line's words without markup or cell bars."""
    return " ".join(_TAGS.sub(" ", line).replace(" | ", " ").split())


def _author_value(text: str) -> str:
    return text.strip().strip(",;:|").strip()


_FM_AUTHOR = re.compile(r"(?:^|\s)author:\s*(?P<v>\S.*?)(?=\s+[a-z][\w-]*:(?:\s|$)|\s*$)")


def _tail_lines(document: Document, after: int, blocks: int = 12) -> list[tuple[int, int, str, int]]:
    out = []
    for i in range(max(0, len(document.blocks) - blocks), len(document.blocks)):
        b = document.blocks[i]
        if b.start < after:
            continue
        text = document.block_text(b)
        out += [(s, e, t, i) for s, e, t in _segments(text[-20000:], b.start + max(0, len(text) - 20000))]
    return out[-25:]


def author_proposals(document: Document, lines: list[tuple[int, int, str, int]]) -> list[Candidate]:
    """Who wrote it: a labelled value ("Report author: ...", "Minutes taken by ..."), a line naming a role or a
    person, a name with its role on the next line (a signature), a page's front-matter ``author:``."""
    out: list[Candidate] = []
    tail = _tail_lines(document, lines[-1][1] if lines else 0)
    for where, group in (("head", lines), ("foot", tail)):
        plain = [_plain(t) for _, _, t, _ in group]
        for n, (s, e, t, _) in enumerate(group):
            t1 = plain[n]
            if where == "head" and n < 6:
                for m in _FM_AUTHOR.finditer(t):
                    out.append(_cand("author", m.group("v"), s + m.start("v"), s + m.end("v"), "cand-author-meta"))
            if len(t1) > 250 or not t1:
                continue
            lab = AUTHOR_LABEL.match(t1)
            if lab:
                v = _author_value(lab.group("v"))
                kind = label_kind(lab.group("label"))
                if 1 <= len(v.split()) <= 25:
                    out.append(_cand("author", v, s, e, f"cand-author-label-{where}", order=n, label=kind))
                elif not v and n + 1 < len(group) and 0 < len(plain[n + 1].split()) <= 25:
                    ns, ne, _, _ = group[n + 1]
                    out.append(_cand("author", plain[n + 1], ns, ne, f"cand-author-label-{where}", order=n, label=kind))
                continue
            words = t1.split()
            if len(words) > 16 or len(words) < 2:
                continue
            if ROLE_WORDS.search(t1) or NAME_LINE.match(t1):
                out.append(_cand("author", _author_value(t1), s, e, f"cand-author-line-{where}", order=n))
            nxt = plain[n + 1] if n + 1 < len(group) else ""
            if NAME_LINE.match(t1) and len(words) <= 5 and ROLE_WORDS.search(nxt) and len(nxt.split()) <= 12:
                value = f"{_author_value(t1)}, {_author_value(nxt)}"
                out.append(_cand("author", value, s, group[n + 1][1], f"cand-author-sig-{where}", order=n))
    out += _cued_author_lines(document, lines[-1][1] if lines else 0)
    out += _sign_off(_tail_lines(document, 0, blocks=6))
    return out


# a name as signed: "Jane Hall", "Cllr Jane Hall", "J E Hall", "JANE HALL" (read in title case)
SIGNED_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Rev)\.?\s+)?"
    r"(?:[A-Z]\.?\s+){0,2}[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}$"
)
SIGN_OFF_LINES = 3  # a signature closes a letter, a report or a foreword: among its last lines


def _sign_off(tail: list[tuple[int, int, str, int]]) -> list[Candidate]:
    """The signature that ends a document: a name with its role or body on the same line ("JANE HALL, CHIEF
    EXECUTIVE") or on the next ("Cllr Jane Hall" / "Elmford District Council"), among its last lines."""
    plain = [(s, e, _plain(t)) for s, e, t, _ in tail]
    plain = [x for x in plain if x[2] and not re.fullmatch(r"[\d\s.|-]+", x[2])][-SIGN_OFF_LINES:]
    for n, (s, e, t) in enumerate(plain):
        name, _, role = (t.title() if t.isupper() else t).partition(",")
        if not SIGNED_NAME.match(name.strip()) or len(name.split()) < 2:
            continue
        if role.strip() and (ROLE_WORDS.search(role) or BODY_RE.search(role.strip())):
            return [_cand("author", _author_value(t), s, e, "author-sign-off")]
        nxt = plain[n + 1][2] if n + 1 < len(plain) else ""
        if not role.strip() and nxt and len(nxt.split()) <= 8:
            probe = nxt.title() if nxt.isupper() else nxt
            if ROLE_WORDS.search(probe) or BODY_RE.fullmatch(probe):
                return [
                    _cand("author", f"{_author_value(t)}, {_author_value(nxt)}", s, plain[n + 1][1], "author-sign-off")
                ]
    return []


AUTHOR_CUE = re.compile(
    r"\b(?:minute[s\s-]*(?:taker|secretary)|minutes\s+(?:taken\s+)?by|note[\s-]*taker|\(minutes\)|"
    r"secretariat|report\s+author|prepared\s+by|written\s+by|joint\s+authors?)\b",
    re.I,
)


def _cued_author_lines(document: Document, after: int, limit: int = 12) -> list[Candidate]:
    """Lines anywhere in the text that say who took the minutes or wrote the paper ("X (minute taker)")."""
    out: list[Candidate] = []
    text = document.text
    for m in AUTHOR_CUE.finditer(text, after):
        lo = max(0, m.start() - 200)
        seg = [x for x in _segments(text[lo : m.end() + 120], lo) if x[0] <= m.start() < x[1]]
        if not seg:
            continue
        s, e, raw = seg[0]
        plain = " ".join(_TAGS.sub(" ", raw).split())
        if 2 <= len(plain.split()) <= 25:
            out.append(_cand("author", _author_value(plain), s, e, "cand-author-cue"))
        if len(out) >= limit:
            break
    return out


def propose(document: Document, found: list[Candidate] = ()) -> list[Candidate]:  # type: ignore[assignment]
    """All metadata proposals for a document; ``found``: the rules' candidates, whose titles get shorter readings too."""
    lines = front_lines(document)
    titles = title_proposals(document, lines)
    for c in found:
        if c.data.get("key") == "title":
            titles += [_cand("title", v, c.start, c.end, r) for v, r in _title_variants(str(c.data["value"]))]
    return titles + committee_proposals(document, lines) + date_proposals(document) + author_proposals(document, lines)


def annotate(cands: list[Candidate]) -> None:
    """Note on each candidate how it stands among the others of its key, for the model's features:
    ``support`` (how many distinct rules propose its value), for bodies and titles ``shorter``/``longer``
    (another candidate's value ends with it / it ends with another's), for dates ``rank`` (order of first
    appearance among the distinct dates), ``freq``, ``latest``, ``earliest``, ``first_date``; ``pick`` where the
    value is the one the rules alone would choose (their most confident), with that confidence as ``pick_conf``
    and whether a labelled field gave it (``pick_label``)."""
    rules: dict[tuple[str, str], set[str]] = {}
    by_key: dict[str, set[str]] = {}
    picks: dict[str, Candidate] = {}
    for c in cands:
        k = (str(c.data.get("key")), norm(str(c.data.get("value") or "")))
        rules.setdefault(k, set()).add(c.rule)
        by_key.setdefault(k[0], set()).add(k[1])
        if (
            not c.rule.startswith("cand-")
            and c.data.get("value")
            and (k[0] not in picks or c.confidence > picks[k[0]].confidence)
        ):
            picks[k[0]] = c
    for c in cands:
        key = str(c.data.get("key"))
        pick = picks.get(key)
        if pick is not None and norm(str(c.data.get("value") or "")) == norm(str(pick.data.get("value") or "")):
            c.data.update(pick=True, pick_conf=round(pick.confidence, 1), pick_label=pick.rule.startswith("label:"))
    for key in ("committee", "title"):
        values = by_key.get(key, set())
        ends = {v.split(" ", n)[-1] for v in values for n in range(1, min(6, len(v.split())))}
        for c in cands:
            v = norm(str(c.data.get("value") or ""))
            if c.data.get("key") == key:
                c.data["prefix"] = any(w != v and w.startswith(v + " ") for w in values) if key == "title" else False
                c.data["shorter"] = v in ends
                c.data["longer"] = any(v.split(" ", n)[-1] in values for n in range(1, min(6, len(v.split()))))
    dates = sorted((c for c in cands if c.data.get("key") == "report_date"), key=lambda c: c.start)
    order: dict[str, int] = {}
    freq: dict[str, int] = {}
    for c in dates:
        v = str(c.data.get("value"))
        order.setdefault(v, len(order))
        freq[v] = freq.get(v, 0) + 1
    head = [str(c.data.get("value")) for c in dates if not c.rule.startswith("cand-date-foot")]
    for c in dates:
        v = str(c.data.get("value"))
        c.data.update(rank=order[v], freq=freq[v], only=len(order) == 1, first_date=order[v] == 0)
        c.data.update(latest=bool(head) and v == max(head), earliest=bool(head) and v == min(head))
    for c in cands:
        k = (str(c.data.get("key")), norm(str(c.data.get("value") or "")))
        c.data["support"] = len(rules.get(k, ()))


__all__ = ["propose", "annotate", "front_lines"]
