"""Statistics as a static SVG bar chart, drawn at build time (no JavaScript library).
The table beside it is the text alternative."""

from __future__ import annotations

from markupsafe import Markup, escape

MEASURE_COLOURS = {"requests": "#1d3557", "detentions": "#a23c00", "extraditions": "#7a1020", "refusals": "#2e6b3a"}


def series_svg(series: list[dict], measure_label, title: str) -> Markup:
    """Grouped bars: one group per year, one bar per measure, each bar labelled with its value."""
    if not series:
        return Markup("")
    years = sorted({row["year"] for row in series})
    measures = [m for m in MEASURE_COLOURS if any(row["measure"] == m for row in series)]
    top = max(row["value"] for row in series) or 1
    bar, gap, group_gap, height, base, left = 22, 4, 18, 160, 190, 10
    group_width = len(measures) * (bar + gap) + group_gap
    width = left + len(years) * group_width + 10
    legend_y = base + 38
    parts = [
        f'<svg class="atlas-chart" viewBox="0 0 {max(width, 260)} {legend_y + 18 * len(measures)}" '
        f'role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#333" stroke-width="1"/>',
    ]
    for index, year in enumerate(years):
        x0 = left + index * group_width
        for offset, measure in enumerate(measures):
            row = next((r for r in series if r["year"] == year and r["measure"] == measure), None)
            if row is None:
                continue
            h = round(height * row["value"] / top)
            x = x0 + offset * (bar + gap)
            parts.append(
                f'<rect x="{x}" y="{base - h}" width="{bar}" height="{h}" fill="{MEASURE_COLOURS[measure]}">'
                f"<title>{year}: {escape(measure_label(measure))} {row['value']}</title></rect>"
            )
            parts.append(
                f'<text x="{x + bar / 2}" y="{base - h - 4}" text-anchor="middle" font-size="11">{row["value"]}</text>'
            )
        centre = x0 + (len(measures) * (bar + gap)) / 2
        parts.append(f'<text x="{centre}" y="{base + 16}" text-anchor="middle" font-size="12">{year}</text>')
    for offset, measure in enumerate(measures):
        y = legend_y + offset * 18
        parts.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{MEASURE_COLOURS[measure]}"/>')
        parts.append(f'<text x="{left + 18}" y="{y}" font-size="12">{escape(measure_label(measure))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
