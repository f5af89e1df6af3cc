"""Plain text and Markdown to Document.

Decoding tries UTF-8 (with or without BOM) and UTF-16 with a BOM, then falls back
to Windows-1252, which is what old council text files usually are.
Markdown emphasis and bullet glyphs are removed from the text; list structure is kept
as ``list_item`` blocks and bold lead-ins as block ``emphasis`` ranges.
"""

from __future__ import annotations

import calendar
import re

from extract.builder import DocumentBuilder, clean_inline
from extract.layout import heading_level, looks_like_heading, split_label, strip_bullet
from extract.md_html import html_to_markdown
from models.document import Document, SourceInfo
from models.errors import EmptyDocument, UndecodableText

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escape: the ASCII punctuation it stands for
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"\*\*|__")
# Prefixes that keep their hyphen across a line break ("self-" + "service" is "self-service").
_COMPOUND = re.compile(
    r"\b(?:self|co|non|cross|multi|pre|post|well|long|short|part|full|semi|anti|inter|ex|high|low|"
    r"mid|one|two|three|four|five|six|year|day|week|month|wide|city|county|council|area)-$",
    re.I,
)
_SENTENCE_END = (".", ":", ";", "!", "?")


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes; return (text, warning or None).

    Raises:
        UndecodableText: when the bytes are not text in any supported encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as e:
            if e.start < len(data) - 1:  # not just a file cut in the middle of its last character
                raise UndecodableText(f"the UTF-16 text is malformed ({e.reason})") from None
            return data[: e.start].decode("utf-16"), "the UTF-16 text ends in half a character, which was dropped"
    data, warning = remove_nuls(data)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), warning
    try:
        return data.decode("utf-8"), warning
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "; ".join(filter(None, [warning, "text is not UTF-8; decoded as Windows-1252"]))
    except UnicodeDecodeError:
        return data.decode("latin-1"), "; ".join(filter(None, [warning, "text decoded as Latin-1"]))


def remove_nuls(data: bytes) -> tuple[bytes, str | None]:
    """Drop NUL bytes (padding after the text, or a few strays); return the bytes and a warning saying how many."""
    count = data.count(b"\x00")
    if not count:
        return data, None
    return data.replace(b"\x00", b""), f"{count:,} NUL byte{'s' if count > 1 else ''} removed from the text"


def strip_emphasis(line: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove Markdown ``**``/``__`` markers; return the text and the emphasised ranges."""
    line = _MD_LINK.sub(r"\1", line)
    out: list[str] = []
    ranges: list[tuple[int, int]] = []
    pos, length, open_at = 0, 0, None
    for m in _EMPH.finditer(line):
        chunk = line[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        if open_at is None:
            open_at = length
        else:
            if length > open_at:
                ranges.append((open_at, length))
            open_at = None
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    # single-star emphasis around words: *word* -> word
    text2 = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    if text2 != text:
        ranges = []  # offsets moved; keep it simple and drop them
        text = text2
    return text, ranges


class _Pending:
    """A block being built line by line.

    Its text is kept as a list of parts, joined once when read: a paragraph of many wrapped lines (or a
    file with no blank lines at all) would otherwise be copied whole on every line, quadratic in its size.
    """

    def __init__(
        self,
        text: str = "",
        kind: str = "paragraph",
        label: str | None = None,
        level: int | None = None,
        emphasis: list[tuple[int, int]] | None = None,
        open: bool = False,  # may continue on the next line
    ) -> None:
        self.parts, self.length = [text], len(text)
        self.kind, self.label, self.level = kind, label, level
        self.emphasis = list(emphasis or [])
        self.open = open

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0]

    def tail(self, n: int = 64) -> str:
        """At least the last ``n`` characters of the text (all of it when shorter)."""
        out: list[str] = []
        size = 0
        for part in reversed(self.parts):
            out.append(part)
            size += len(part)
            if size >= n:
                break
        return "".join(reversed(out))

    def extend(self, more: str, emph: list[tuple[int, int]]) -> None:
        end = self.tail()
        if re.search(r"[a-z]-$", end) and more[:1].islower():
            if not _COMPOUND.search(end):
                self.parts[-1] = self.parts[-1][:-1]  # a word hyphenated at the line end: "regen-" + "eration"
                self.length -= 1
            shift = self.length
            self.parts.append(more)
            self.length += len(more)
            self.emphasis += [(a + shift, b + shift) for a, b in emph]
            return
        shift = self.length + 1
        self.parts.append(f" {more}")
        self.length += len(more) + 1
        emph = [(a + shift, b + shift) for a, b in emph]
        if emph and self.emphasis and self.emphasis[-1][1] == shift - 1 and emph[0][0] == shift:
            # a bold run that wraps onto the next line is one run
            self.emphasis[-1] = (self.emphasis[-1][0], emph.pop(0)[1])
        self.emphasis += emph


# A line of layout text that ends in a word needing what follows ("... extend the arrangement with") is
# cut by the line break, not ended: it is short only because the next word did not fit.
_DANGLING_END = re.compile(
    r"(?:\b(?:a|an|the|of|and|or|to|with|for|in|on|at|by|from|into|between|that|which|as|is|are|was|were|be|"
    r"will|would|shall|its|their|our)|,)$",
    re.I,
)


def _flush(builder: DocumentBuilder, p: _Pending | None) -> None:
    if p and p.text.strip():
        lead = len(p.text) - len(p.text.lstrip())
        whole = bool(p.emphasis) and p.emphasis[0] == (lead, len(p.text))
        # A wholly bold block is ``bold``; ``emphasis`` holds runs within a block (bold lead-ins).
        builder.add_block(
            p.text.strip(),
            p.kind,
            level=p.level,
            label=p.label,  # type: ignore[arg-type]
            emphasis=[] if whole else [(a - lead, b - lead) for a, b in p.emphasis],
            bold=whole,
        )


CELL_SEP = "\x1f"  # parts the cells of a row read from a table laid out with spaces (empty cells kept)


def _table_cells(line: str) -> list[str] | None:
    if CELL_SEP in line:
        return [c.strip() for c in line.split(CELL_SEP)]
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
        return [c for c in s.strip("|").split("|")]
    if "\t" in line.strip() and line.strip().count("\t") >= 1:
        cells = [c for c in line.strip().split("\t") if c.strip()]
        return cells if len(cells) >= 2 else None
    return None


def _bold_heading(text: str, next_line: str | None) -> bool:
    """A wholly bold line is a heading unless it is prose that wraps onto the next line."""
    nxt = strip_emphasis(next_line)[0].strip() if next_line else ""
    wraps = nxt[:1].islower() and split_label(nxt)[0] is None
    return not wraps and len(text.split()) <= 14


def _mostly_caps(text: str) -> bool:
    """A line set in capitals, a date or number aside ("DEVELOPMENT COMMITTEE - 3rd June, 2003")."""
    if len(text) > 200:
        return False
    words = [w for w in (t.strip(".,;:()'’-–") for t in text.split()) if len(w) >= 2 and w.isalpha()]  # not '9th'
    return len(words) >= 2 and sum(w.isupper() for w in words) >= 0.75 * len(words)


def lines_to_builder(lines: list[str], builder: DocumentBuilder, markdown: bool, wrap_width: int | None = None) -> None:
    """Group lines into blocks: blank lines end a block; labels, bullets and headings start one.

    ``wrap_width`` (for layout text such as PDF lines) is the usual full line length: a line much
    shorter than it ends its paragraph, so form fields ("Date: ...") are not run together.
    """
    pending: _Pending | None = None
    prev_len = 0
    for i, raw in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if markdown and raw.lstrip().startswith(">"):
            raw = _MD_QUOTE.sub("", raw)  # a block quote's text, without its markers
        if not raw.strip() or (markdown and _MD_RULE.match(raw)):
            if pending:
                pending.open = False
            continue
        cells = _table_cells(raw) if markdown or "\t" in raw or CELL_SEP in raw else None
        if cells:
            _flush(builder, pending)
            pending = None
            builder.add_row([strip_emphasis(c)[0] for c in cells])
            continue
        line = raw.replace("\u00a0", " ")
        md_head = _MD_HEADING.match(line.strip()) if markdown else None
        is_bullet, line = strip_bullet(line)
        text, emph = strip_emphasis(line)
        is_bullet2, text2 = strip_bullet(text)  # "**• Item**" style
        if is_bullet2 and not is_bullet:
            shift = len(text) - len(text2)
            text, emph, is_bullet = text2, [(a - shift, b - shift) for a, b in emph], True
        lead = len(text) - len(text.lstrip())
        stripped = clean_inline(text)
        emph = [(max(0, a - lead), max(0, b - lead)) for a, b in emph]
        label, rest = split_label(stripped)
        if md_head:
            _flush(builder, pending)
            htext, _ = strip_emphasis(md_head.group(2))
            hlabel, _ = split_label(htext)
            pending = _Pending(clean_inline(htext), "heading", hlabel, len(md_head.group(1)))
            _flush(builder, pending)
            pending = None
            continue
        starts_new = is_bullet or label is not None or not pending or not pending.open
        short_prev = (
            wrap_width is not None
            and prev_len < 0.7 * wrap_width
            and not stripped[:1].islower()
            and not (pending is not None and _DANGLING_END.search(pending.text.rstrip()))
        )
        prev_len = len(raw.strip())
        # plain text: a line in capitals under a line in capitals is the next line of a header, not a wrap
        caps_lines = (
            wrap_width is None
            and pending is not None
            and _mostly_caps(stripped)
            and pending.length <= 200
            and _mostly_caps(pending.text)
        )
        # "Priority 1: Healthy lives" / "We will:" / "• ...": a short lead-in to the list under it stands apart
        lead_in = (
            nxt is not None
            and stripped[:1].isupper()
            and stripped.rstrip().endswith(":")
            and len(stripped.split()) <= 6
            and strip_bullet(nxt)[0]
            and not (pending is not None and _DANGLING_END.search(pending.text.rstrip()))
        )
        continues = (
            pending is not None
            and pending.open
            and not is_bullet
            and label is None
            and pending.kind != "heading"
            and not short_prev
            and not caps_lines
            and not lead_in
            and (stripped[:1].islower() or not pending.tail().rstrip().endswith(_SENTENCE_END))
        )
        if continues and pending is not None:
            pending.extend(stripped, emph)
            continue
        if starts_new or pending is None or not continues:
            _flush(builder, pending)
            kind = "list_item" if is_bullet else "paragraph"
            whole_bold = bool(emph) and emph[0][0] == 0 and emph[0][1] >= len(stripped.rstrip(":")) - 1
            if (
                not is_bullet
                and (whole_bold and _bold_heading(stripped, nxt) or looks_like_heading(stripped, nxt))
                and len(stripped) < 100
            ):
                kind = "heading"
            if is_bullet and label is not None and kind == "list_item":
                pass
            pending = _Pending(
                stripped, kind, label, heading_level(label) if kind == "heading" else None, emph, open=kind != "heading"
            )
    _flush(builder, pending)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w -]*?)\s*:\s*(?P<value>.*?)\s*$")
# Front-matter keys read as metadata, and the label each becomes (the metadata extractor reads labels). A page's
# own "date:" is when it was posted (GUIDELINES: a page's metadata block holds no dates): "Posted:", which the
# dates extractor leaves out and the metadata extractor reads only where the text gives no meeting date.
FRONT_MATTER_KEYS = {"title": "Title", "date": "Posted", "author": "Author", "committee": "Committee"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A Markdown file's YAML front matter ("---" lines around "key: value" lines): its plain
    scalar values by lower-cased key, and the text after it. ({}, text) when there is none."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group("body").split("\n"):
        kv = _FM_KEY.match(line)
        if kv and not line[:1].isspace():
            value = kv.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            if value and value[0] not in "[{|>&*":  # a plain scalar, not a list, map or block
                fields[kv.group("key").strip().lower()] = value
    return fields, text[m.end() :]


FRONT_MATTER_PROSE_WORDS = 8  # a front-matter string of this many words or more is text of the page


def front_matter_texts(text: str) -> list[tuple[str, str]]:
    """The prose a Markdown file keeps in its front matter, in order: block scalars and long strings
    (``minutes: >-`` holding a meeting's minutes, ``summary:``, ``subtitle:``), as (key, text). Static-site
    collections keep whole pages there; read as the page's text, nothing in the file is lost. Keys the
    front matter's labelled lines already give (title, date, author, committee) are left to them."""
    import yaml

    m = _FRONT_MATTER.match(text)
    if not m:
        return []
    try:
        data = yaml.safe_load(m.group("body"))
    except (yaml.YAMLError, RecursionError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    out = []
    for key, value in data.items():
        if not isinstance(key, str) or not isinstance(value, str) or key.lower() in FRONT_MATTER_KEYS:
            continue
        value = value.strip()
        if "\n" in value or len(value.split()) >= FRONT_MATTER_PROSE_WORDS:
            out.append((key, value))
    return out


# Keys that hold a meeting's own date in an event collection (Eleventy, Jekyll: "start"), read when they hold an
# ISO date: a "Date:" line, a date like any the text writes; not when the page was published, created or revised
MEETING_DATE_KEYS = ("meeting_date", "event_date", "start_date", "start")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _front_matter_blocks(fields: dict[str, str], builder: DocumentBuilder) -> None:
    """Title, dates and author of the front matter as labelled lines ("Title: ..."), never as body text."""
    lines = [(label, fields.get(key)) for key, label in FRONT_MATTER_KEYS.items()]
    lines.insert(1, ("Date", next((fields[k] for k in MEETING_DATE_KEYS if _ISO_DAY.match(fields.get(k, ""))), None)))
    for label, value in lines:  # title, the meeting's date, the page's posting date, author, committee
        if value:
            iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value)
            if iso and 1 <= int(iso.group(2)) <= 12:  # YAML's ISO date, written as a report writes a date
                value = f"{int(iso.group(3))} {calendar.month_name[int(iso.group(2))]} {iso.group(1)}"
            builder.add_block(f"{label}: {value}", "paragraph")


# A table's rule under its header, laid out with spaces: dash runs, one per column, two or more spaces apart
_DASH_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]{2,}-{3,})+[ \t]*$")


def ruled_text_tables(lines: list[str]) -> list[str]:
    """The lines with each table laid out with spaces under a dash rule (a plain-text or pandoc "simple" table:
    a header line, then a rule of dash runs, one per column, then its rows to a blank line) turned into rows of
    tab-separated cells, as the rest of ingestion reads tables. Each column starts where its dash run starts;
    a row whose text runs across a column's start ends the table there (it is not one of its rows)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if i == 0 or not _DASH_RULE.match(line) or not lines[i - 1].strip():
            continue
        starts = [m.start() for m in re.finditer(r"-{3,}", line)]

        def cells(row: str) -> list[str] | None:
            if any(0 < s < len(row) and not row[s - 1].isspace() and not row[s].isspace() for s in starts[1:]):
                return None  # a word across a column's start: not laid out in these columns
            bounds = [0, *starts[1:], max(len(row), starts[-1])]
            return [row[a:b].strip() for a, b in zip(bounds, bounds[1:])]

        header = cells(lines[i - 1])
        if header is None or "\t" in lines[i - 1]:
            continue
        rows, j = [], i + 1
        while j < len(lines) and lines[j].strip() and not _DASH_RULE.match(lines[j]):
            row = cells(lines[j])
            if row is None:
                break
            rows.append((j, row))
            j += 1
        if len(rows) < 2:
            continue
        out[i - 1] = CELL_SEP.join(header)
        out[i] = ""
        last = None  # the line of the row a wrapped cell carries on
        for j, row in rows:
            filled = sum(1 for c in row if c)
            wraps = last is not None and (
                not row[0] or (row[0][:1].islower() and filled < sum(1 for c in out[last].split(CELL_SEP) if c))
            )
            if not wraps:
                out[j], last = CELL_SEP.join(row), j
                continue
            # a cell that wraps ("and academies" under its first line): its text carries on the row above
            above = out[last].split(CELL_SEP) + [""] * (len(row) - len(out[last].split(CELL_SEP)))
            out[last] = CELL_SEP.join(f"{a} {b}".strip() for a, b in zip(above, row))
            out[j] = ""
    return out


def text_to_document(data: bytes, source: SourceInfo, markdown: bool = False) -> Document:
    """Turn text or Markdown bytes into a Document.

    Raises:
        EmptyDocument: no text after decoding.
        UndecodableText: the bytes are not text.
    """
    text, warning = decode_bytes(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    builder = DocumentBuilder()
    if warning:
        builder.warnings.append(warning)
    builder.new_page()
    if markdown:
        prose = front_matter_texts(text)
        fields, text = front_matter(text)
        _front_matter_blocks(fields, builder)
        if prose:
            heads = [f"## {key.replace('_', ' ').strip().capitalize()}\n\n{value}" for key, value in prose]
            text = "\n\n".join([*heads, text])
        text = html_to_markdown(_MD_ESCAPE.sub(r"\1", text))  # "1\." "\(" "\-": the characters the page shows
    lines_to_builder(ruled_text_tables(text.split("\n")), builder, markdown)
    if not builder.length:
        raise EmptyDocument("the file holds no readable text")
    return builder.build(source)
