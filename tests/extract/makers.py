"""Build small test files of every format from the same paragraphs."""

from __future__ import annotations

from io import BytesIO

PARAS = [
    ("heading", "Shared Waste Service"),
    ("paragraph", "1.1 Wychavon District Council and Worcester City Council share a waste service."),
    ("paragraph", "1.2 The review will take place in September 2025."),
]


def make_pdf(
    pages: list[list[str]],
    header: str = "Cabinet - 14 March 2024",
    footer: bool = True,
    encrypt: str | None = None,
    table: list[list[str]] | None = None,
) -> bytes:
    """A PDF with one text line per entry, a running header and page numbers on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for n, lines in enumerate(pages, 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, 810, header)
        if footer:
            c.drawString(280, 30, f"Page {n} of {len(pages)}")
        y = 760
        for line in lines:
            bold = line.startswith("#")
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 14 if bold else 10)
            c.drawString(60, y, line.lstrip("# "))
            y -= 18
        if table and n == 1:
            y -= 10
            for row in table:
                x = 60
                for cell in row:
                    c.rect(x, y - 4, 150, 16)
                    c.drawString(x + 3, y, cell)
                    x += 150
                y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf() -> bytes:
    """A one-page PDF with no text layer: a full-page image of text, as a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (1240, 1754), "white")  # a scanned A4 page at 150 dpi
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 48)
    except OSError:
        font = ImageFont.load_default()
    draw.text((60, 200), "Shared Services Partnership Report", fill="black", font=font)
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def make_poster_pdf(inches: float = 200.0) -> bytes:
    """A one-page PDF ``inches`` square (200 is the largest page PDF allows) covered by one small scanned
    image, as a poster or plan exported at full size: about 1.3 KB, but 40,000 pixels a side at 200 dpi."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (64, 64), "white")
    ImageDraw.Draw(img).rectangle((8, 8, 56, 24), fill="black")
    side = inches * 72
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(side, side))
    c.drawImage(ImageReader(img), 0, 0, width=side, height=side)
    c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(paras=PARAS, header: str = "Cabinet - 14 March 2024") -> bytes:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    for kind, text in paras:
        if kind == "heading":
            d.add_heading(text, 1)
        elif kind == "list_item":
            d.add_paragraph(text, style="List Bullet")
        else:
            d.add_paragraph(text)
    buf = BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_html(paras=PARAS) -> bytes:
    body = "".join(f"<h1>{t}</h1>" if k == "heading" else f"<p>{t}</p>" for k, t in paras)
    return (
        f"<html><head><style>p {{color: red}}</style><script>alert('x')</script></head><body>"
        f"<nav><a href='/'>Home</a></nav><main>{body}</main><footer>Site footer</footer></body></html>"
    ).encode()


def make_text(paras=PARAS) -> bytes:
    return "\n\n".join(t for _, t in paras).encode("utf-8")


def make_tab_pdf(lines):
    """A one-page PDF whose text draws a tab character (mapped to U+0009) wherever a line has one; [gap]
    in a line moves the pen right by that many points."""
    import re

    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FF> <0000> endbfrange "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    ops = [b"BT /F1 10 Tf 60 760 Td 14 TL"]
    for line in lines:
        parts = []
        for tok in re.split(r"(\[\d+\])", line):
            if tok.startswith("["):
                parts.append(b"-%d" % (int(tok[1:-1]) * 100))
            elif tok:
                parts.append(b"(" + tok.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b")")
        ops.append(b"[" + b" ".join(parts) + b"] TJ T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
