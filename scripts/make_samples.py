"""Write the sample council reports in data/raw/ (all invented content, in the style of real reports).

    python scripts/make_samples.py

PDF through reportlab (pip install reportlab), DOCX through python-docx; text, Markdown and HTML directly.
"""

from __future__ import annotations

from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

PDF_PARAS = [
    ("h", "1. Purpose of Report"),
    (
        "p",
        "1.1 To update Cabinet on the shared revenues and benefits service operated by Wychavon District "
        "Council and Malvern Hills District Council (the Partnership) and to seek approval to extend the "
        "partnership agreement from 1 April 2025.",
    ),
    ("h", "2. Recommendations"),
    ("p", "Cabinet is recommended to:"),
    ("p", "a) note the savings of £1.2m achieved by the shared service since 2019/20;"),
    (
        "p",
        "b) approve the extension of the partnership agreement with Malvern Hills District Council for a "
        "further five years from 1 April 2025; and",
    ),
    (
        "p",
        "c) delegate authority to the Head of Finance, in consultation with the Portfolio Holder, to agree "
        "the final terms of the agreement.",
    ),
    ("h", "3. Background"),
    (
        "p",
        "3.1 The partnership between Wychavon District Council and Malvern Hills District Council began on "
        "6th January 2019 following a decision of both Cabinets in October 2018. Wychavon District Council "
        "hosts the service and employs the staff on behalf of both councils.",
    ),
    (
        "p",
        "3.2 The business case projected annual savings of £450,000 once the service was fully integrated. "
        "The service has delivered savings of £1.2m over the four years to 31 March 2024, a saving of about "
        "£300k a year, while collection rates have improved.",
    ),
    (
        "p",
        "3.3 The partnership board reviewed performance on 14/03/2024 and agreed the following workstreams "
        "for the next phase, each with a lead council:",
    ),
    (
        "t",
        [
            ["Workstream", "Lead council", "Target date"],
            ["Council Tax recovery", "Wychavon District Council", "September 2025"],
            ["Housing Benefit assessment", "Malvern Hills District Council", "March 2026"],
            ["Digital self-service", "Wychavon District Council", "December 2025"],
        ],
    ),
    ("h", "4. Financial Implications"),
    (
        "p",
        "4.1 The extension is expected to deliver further efficiencies through a single ICT contract. "
        "The cost of the new ICT system, £180,000, is met from the existing capital programme and is not "
        "a saving.",
    ),
    (
        "p",
        "4.2 The agreement will be reviewed in July 2027, and either council may terminate it on twelve "
        "months' notice. Contact: Revenues Manager, telephone 01386 565000.",
    ),
    ("h", "5. Conclusion"),
    (
        "p",
        "5.1 The shared service has proved resilient and efficient. Both councils are asked to continue "
        "the arrangement on the terms set out above.",
    ),
]


def write_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    styles = getSampleStyleSheet()

    def furniture(canvas, doc):  # running header, footer and page number on every page
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, "Wychavon District Council - Cabinet - 16 April 2024")
        canvas.drawString(2 * cm, 1.2 * cm, "Shared Revenues and Benefits Service")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    story = [
        Paragraph("Wychavon District Council", styles["Title"]),
        Paragraph("Report to: Cabinet", styles["Normal"]),
        Paragraph("Date: 16 April 2024", styles["Normal"]),
        Paragraph("Report by: Director of Finance", styles["Normal"]),
        Paragraph(
            "Title of report: Shared Revenues and Benefits Service with Malvern Hills District Council",
            styles["Normal"],
        ),
        Spacer(1, 12),
    ]
    for kind, content in PDF_PARAS:
        if kind == "h":
            story.append(Paragraph(content, styles["Heading2"]))
        elif kind == "t":
            story.append(Table(content, style=[("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        else:
            story.append(Paragraph(content.replace("&", "&amp;"), styles["BodyText"]))
        story.append(Spacer(1, 60 if kind == "t" else 6))
    SimpleDocTemplate(str(path), pagesize=A4, title="Shared Revenues and Benefits Service").build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )


def write_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Hertfordshire Waste Partnership"
    d.sections[0].footer.paragraphs[0].text = "OFFICIAL"
    t = d.add_table(rows=4, cols=2)
    for i, (k, v) in enumerate(
        [
            ("Report to:", "Joint Waste Committee"),
            ("Date:", "21 November 2023"),
            ("By:", "Partnership Manager"),
            ("Title of report:", "Joint Waste Contract Performance and Savings"),
        ]
    ):
        t.cell(i, 0).text, t.cell(i, 1).text = k, v
    d.add_heading("1. Purpose", 2)
    d.add_paragraph(
        "To report on the joint waste arrangements between Hertfordshire County Council, Dacorum "
        "Borough Council and Watford Borough Council, and to agree priorities for 2024/25."
    )
    d.add_heading("2. Recommendations", 2)
    d.add_paragraph("The Committee is asked to:")
    d.add_paragraph("(1) note the efficiency savings of £640,000 delivered in 2022/23;")
    d.add_paragraph("(2) agree the priority areas set out in section 4; and")
    d.add_paragraph("(3) agree that the partnership is reviewed by 31 March 2025.")
    d.add_heading("3. Background", 2)
    d.add_paragraph(
        "3.1 The councils signed an inter-authority agreement on 1st June 2021. The joint contract has "
        "reduced duplication of effort across the three councils and secured a lower gate fee."
    )
    d.add_heading("4. Priority areas", 2)
    d.add_paragraph("The partnership will focus on the following priority areas:")
    for lead, rest in [
        ("Food waste collection", " – led by Dacorum Borough Council, rolling out weekly collections from April 2024."),
        ("Recycling centres", " – Hertfordshire County Council leads on the review of opening hours."),
        ("Fleet procurement", " – a joint vehicle framework, hosted by Watford Borough Council."),
    ]:
        p = d.add_paragraph(style="List Bullet")
        p.add_run(lead).bold = True
        p.add_run(rest)
    d.add_heading("5. Financial implications", 2)
    d.add_paragraph(
        "5.1 A target of £250k of further savings has been set for 2024/25. The annual contract cost "
        "of £4.3 million is a budget, not a saving."
    )
    d.save(str(path))


TXT = """Suffolk County Council

Report to: Scrutiny Committee
Date: 9 February 2021
By: Head of ICT
Title of report: Shared ICT Service with East Suffolk Council and West Suffolk Council

RECOMMENDATIONS:

The Committee is recommended to note the progress of the shared ICT service and the savings made to date.

1. Background

1.1 In July 2019 the Cabinet approved a shared ICT service with East Suffolk Council and West Suffolk Council. The service started on 1 October 2019 and is hosted by Suffolk County Council.

1.2 The shared service has already produced savings of \u00a3350,000 a year through joint licensing, and further efficiencies are anticipated from a single data centre.

2. Current activity

2.1 The joint work covers the following areas:

\u2022 Data centre consolidation
\u2022 Cyber security
\u2022 Service desk

2.2 A review of the arrangement is planned for May 2022. Telephone enquiries: 01473 264000.

Caf\u00e9 Wi-Fi in libraries is outside the scope of the shared service.
"""

MD = """# Devon Highways Partnership Update

**Report to:** Cabinet
**Date:** 12 October 2020
**Report by:** Chief Officer for Highways
**Reference:** CAB/045/20

## 1. Purpose

To update Cabinet on the highways partnership between Devon County Council (DCC) and Torbay Council.

## 2. Recommendations

Cabinet is recommended to:

a) note the progress of the partnership; and
b) approve the joint winter maintenance plan for 2020/21.

## 3. Workstreams

The partnership covers these workstreams:

| Workstream | Lead | Saving |
|---|---|---|
| Winter maintenance | Devon County Council | \u00a390k |
| Street lighting | Torbay Council | \u00a340,000 |

- **Pothole repairs** \u2013 DCC leads on a shared repair framework from 1 January 2021.
- **Bridge inspections** \u2013 hosted by Torbay Council.

## 4. Savings

The partnership is projected to save \u00a32.5 million over five years. DCC will report savings achieved to the Joint Highways Board in March 2021.
"""

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Decision - Cheshire blue light collaboration</title>
<style>body { font-family: sans-serif }</style>
<script>var tracking = "must never reach the output";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/meetings">Meetings</a></nav>
<div id="modgov"><div class="mgSubTitle"><h2 class="mgSubTitleTxt">Fire and Police Shared Estates Collaboration</h2></div>
<div class="mgContent">
<p><span class="mgLabel">Decision Maker: </span>Cabinet</p>
<p><span class="mgLabel">Decision status: </span>Recommendations Approved</p>
<h3 class="mgSubSubTitleTxt">Decision:</h3>
<p>That Cabinet approves the shared estates agreement between Cheshire Fire and Rescue Service and Cheshire Constabulary, to take effect from 1 April 2022.</p>
<p>That Cabinet notes that co-locating four stations is expected to save &pound;200,000 a year.</p>
<h3>Reasons for the decision:</h3>
<p>The collaboration meets the duty to collaborate and creates efficiencies in estate running costs.</p>
<p><span class="mgLabel">Publication date: </span>03/03/2022</p>
<p><span class="mgLabel">Date of decision: </span>01/03/2022</p>
</div></div>
<footer>Cheshire West and Chester Council | Contact us</footer>
</body></html>
"""

MINUTES = """NORTH YORKSHIRE COUNTY COUNCIL

MINUTES of the meeting of the Executive held on 14 May 2019

Present: County Councillor Carl Les (Chairman)

12. Joint Procurement Service with City of York Council

Considered - the report of the Corporate Director, Strategic Resources on a joint procurement service with City of York Council.

The report said that a shared category management team would save an estimated \u00a3150k in its first year.

RESOLVED -

(a) That the joint procurement service with City of York Council be established from 1 July 2019.

(b) That the Corporate Director, Strategic Resources be authorised to agree a collaboration agreement with City of York Council.
"""


def main() -> None:
    RAW.mkdir(parents=True, exist_ok=True)
    write_pdf(RAW / "wychavon-shared-revenues-cabinet-2024.pdf")
    write_docx(RAW / "hertfordshire-joint-waste-committee-2023.docx")
    (RAW / "suffolk-shared-ict-scrutiny-2021.txt").write_bytes(TXT.encode("cp1252"))  # an old Windows text file
    (RAW / "devon-highways-partnership-2020.md").write_text(MD, encoding="utf-8")
    (RAW / "cheshire-blue-light-decision-2022.html").write_text(HTML, encoding="utf-8")
    (RAW / "north-yorkshire-procurement-minutes-2019.txt").write_text(MINUTES, encoding="utf-8")
    print(f"wrote {len(list(RAW.iterdir()))} samples to {RAW}")


if __name__ == "__main__":
    main()
