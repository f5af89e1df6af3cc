"""The review page: the document's text with every extracted item highlighted where it was found.

One self-contained HTML file (inline CSS and JS, no network). Every piece of document text is
escaped, so a report that contains ``<script>`` shows it as text. A highlight of an item marked
``needs_review`` is outlined in red; the side panel links every evidence span of an item (its main
span, then "also 2, 3 ...") and shows the item's method and confidence. Legend chips use dark text on
their light colours (contrast at least 4.5:1, WCAG AA).
"""

from __future__ import annotations

from html import escape

from models.document import Document
from models.report import Report
from pipelines.render.style import BASE_CSS, CHIP_TEXT, COLOURS, FIELDS

CSS = (
    BASE_CSS
    + """
main { display: flex; height: calc(100vh - 64px); }
#text { flex: 3; overflow-y: auto; padding: 16px 24px; white-space: pre-wrap; line-height: 1.5; font-size: 14px;
        background: #fff; }
#panel { flex: 2; overflow-y: auto; padding: 12px 16px; border-left: 1px solid #ddd; font-size: 13px; }
#panel h2 { font-size: 14px; margin: 14px 0 6px; border-bottom: 2px solid var(--c); }
#panel ol { margin: 0; padding-left: 20px; }
#panel li { margin: 3px 0; }
#panel a.item { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; cursor: pointer; }
mark { border-radius: 2px; padding: 0 1px; background: var(--c); }
mark.flagged { outline: 2px dashed #b00020; outline-offset: -1px; }
.chip.flagged { outline: 2px dashed #b00020; outline-offset: -2px; }
#panel .prov { color: #555; font-size: 11px; margin-left: 4px; }
#panel a.ev { font-size: 11px; color: #1a4f8b; margin-left: 3px; }
mark.flash { outline: 3px solid #d00; }
.page-break { display: block; color: #999; font-size: 11px; border-top: 1px dashed #ccc; margin: 8px 0; }
.review { color: #b00; font-size: 11px; }
"""
)
JS = """
document.querySelectorAll('#panel a[data-target]').forEach(function (a) {
  a.addEventListener('click', function (ev) {
    ev.preventDefault();
    var el = document.getElementById(a.dataset.target);
    if (!el) { return; }
    while (el.tagName !== 'MARK' && el.nextElementSibling) { el = el.nextElementSibling; }
    el.scrollIntoView({block: 'center'});
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
    el.classList.add('flash');
    history.replaceState(null, '', '#' + a.dataset.target);
  });
});
"""


def _items(report: Report) -> list[tuple[str, int, str, list[tuple[int, int]]]]:
    """(field, index, label, spans) for every item of the report, metadata included."""
    out = []
    for field in FIELDS:
        if field == "metadata":
            for key, ev in report.metadata.evidence.items():
                out.append(("metadata", len(out), f"{key}: {getattr(report.metadata, key)}", [(ev.start, ev.end)]))
            continue
        for i, item in enumerate(getattr(report, field)):
            label = _label(field, item)
            out.append((field, i, label, [(e.start, e.end) for e in item.evidence]))
    return out


def _label(field: str, item) -> str:
    if field in ("partners", "organisations"):
        return f"{item.name} ({item.kind})"
    if field == "workstreams":
        return item.name + (f" — lead: {item.lead}" if item.lead else "")
    if field == "dates":
        return f"{item.value}" + (f" ({item.context})" if item.context else "") + f" — {item.text}"
    if field == "savings":
        amount = f"£{item.amount:,.0f}" if item.amount is not None else "no figure"
        return f"{amount} [{item.kind}] — {item.text}"
    if field == "recommendations":
        return (f"{item.label} " if item.label else "") + item.text
    return str(item)


def _highlighted_text(document: Document, spans: list[tuple[int, int, str, str, bool]]) -> str:
    """The text with <mark> segments; overlapping spans are split at every boundary. A segment that any
    flagged item's evidence covers is marked ``flagged``."""
    text = document.text
    cuts = {0, len(text)} | {p.start for p in document.pages}
    for s, e, *_ in spans:
        cuts |= {s, e}
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[str]] = {}
    for s, _, _, anchor, _ in spans:
        starts.setdefault(s, []).append(anchor)
    page_starts = {p.start: p.number for p in document.pages if p.number > 1}
    parts: list[str] = []
    for a, b in zip(points, points[1:]):
        if a in page_starts:
            parts.append(f'<span class="page-break">page {page_starts[a]}</span>')
        covering = [(e - s, FIELDS.index(field), field, flag) for s, e, field, _, flag in spans if s <= a and b <= e]
        segment = escape(text[a:b])
        ids = starts.get(a, [])
        anchor_html = "".join(f'<span id="{x}"></span>' for x in ids[1:])
        if covering:
            field = min(covering)[2]
            flagged = any(c[3] for c in covering)
            first = f' id="{ids[0]}"' if ids else ""
            cls, tip = (f"f-{field} flagged", f"{field} — needs review") if flagged else (f"f-{field}", field)
            parts.append(
                f'{anchor_html}<mark{first} class="{cls}" style="--c:{COLOURS[field]}" '
                f'title="{escape(tip)}">{segment}</mark>'
            )
        else:
            parts.append(segment)
    return "".join(parts)


def render_review(report: Report, document: Document) -> str:
    """The review page for one report and the document it was extracted from."""
    items = _items(report)
    spans: list[tuple[int, int, str, str, bool]] = []
    panel: dict[str, list[str]] = {f: [] for f in FIELDS}
    for field, i, label, item_spans in items:
        anchor = f"ev-{field}-{i}"
        flagged, method, confidence = _provenance(report, field, i, label)
        for k, (s, e) in enumerate(item_spans):
            spans.append((s, e, field, anchor if k == 0 else f"{anchor}-{k}", flagged))
        review = ' <span class="review">needs review</span>' if flagged else ""
        also = "".join(
            f' <a class="ev" href="#{anchor}-{k}" data-target="{anchor}-{k}" title="evidence {k + 1}">{k + 1}</a>'
            for k in range(1, len(item_spans))
        )
        also = f' <span class="prov">also</span>{also}' if also else ""
        conf = f" · {confidence:.2f}" if confidence is not None else ""
        prov = f'<span class="prov">{escape(method)}{conf}</span>' if method or conf else ""
        key = escape(_item_key(report, field, i, label))
        panel[field].append(
            f'<li><a class="item" data-field="{field}" data-key="{key}" href="#{anchor}" data-target="{anchor}">'
            f"{escape(label)}</a>{also}{review} {prov}</li>"
        )
    sections = "".join(
        f'<h2 style="--c:{COLOURS[f]}">{escape(f.capitalize())} ({len(panel[f])})</h2><ol>{"".join(panel[f])}</ol>'
        for f in FIELDS
        if f != "organisations" or panel[f]
    )
    m = report.metadata
    meta = " · ".join(escape(x) for x in (m.committee, m.report_date, m.author, m.council) if x)
    title = escape(m.title or report.source.path)
    legend = (
        "".join(f'<span class="chip" style="background:{c};color:{CHIP_TEXT}">{f}</span>' for f, c in COLOURS.items())
        + f'<span class="chip flagged" style="background:#fff;color:{CHIP_TEXT}">needs review</span>'
    )
    warnings = "".join(f"<div>⚠ {escape(w)}</div>" for w in report.warnings)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} — councilx review</title>'
        f'<style>{CSS}</style></head><body><header><h1>{title}</h1><div class="meta">{meta} · '
        f"{escape(report.source.format)}, {report.source.pages} page(s) · {legend}</div>{warnings}</header>"
        f'<main><div id="text">{_highlighted_text(document, spans)}</div><nav id="panel">{sections}</nav></main>'
        f"<script>{JS}</script></body></html>"
    )


def _item_key(report: Report, field: str, i: int, label: str) -> str:
    """The item's key in a correction file (``pipelines.corrections.item_key``; metadata: the field name)."""
    from pipelines.corrections import item_key

    return label.split(":", 1)[0] if field == "metadata" else item_key(field, getattr(report, field)[i])


def _provenance(report: Report, field: str, i: int, label: str) -> tuple[bool, str, float | None]:
    """(needs review, method, confidence) of the i-th item of a field; metadata per field key."""
    if field == "metadata":
        key = label.split(":", 1)[0]
        m = report.metadata
        return bool(m.needs_review.get(key, False)), "metadata", m.confidence.get(key)
    item = getattr(report, field)[i]
    return bool(item.needs_review), item.method, item.confidence
