"""Colours and CSS shared by the review and overview pages (inline: the pages use no network)."""

COLOURS = {
    "partners": "#f4a261",
    "organisations": "#e9c46a",
    "workstreams": "#90be6d",
    "dates": "#8ecae6",
    "savings": "#f28482",
    "recommendations": "#cdb4db",
    "metadata": "#d9d9d9",
}
FIELDS = tuple(COLOURS)
CHIP_TEXT = "#1d1d1f"  # dark text on the light field colours: contrast over 4.5:1 (WCAG AA) on every one

BASE_CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header { padding: 12px 20px; background: #243447; color: #fff; }
header h1 { font-size: 18px; margin: 0 0 4px 0; }
header .meta { font-size: 13px; opacity: .85; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
.chip { display: inline-block; padding: 1px 6px; border-radius: 8px; font-size: 11px; margin-right: 4px; color: #1d1d1f; }
"""
