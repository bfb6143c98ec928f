"""Server-rendered SVG charts. Each chart is paired in the templates with a data table that
carries the same figures, so screen readers and researchers get the numbers."""

import datetime

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PALETTE = [
    "#1f5fa8",
    "#d9480f",
    "#2b8a3e",
    "#862e9c",
    "#e67700",
    "#0b7285",
    "#c2255c",
    "#5c940d",
    "#364fc7",
    "#495057",
]
SHADES = ["#eef3f9", "#c6d8ee", "#8fb3dd", "#4d86c6", "#1f5fa8"]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def compact(value: float) -> str:
    value = float(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            text = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return f"{int(value)}"


def line_chart(series: list[dict], *, title: str, width: int = 680, height: int = 260) -> SafeString:
    """Lines over time. `series`: [{"name", "color", "points": [(date, value)], "dots": bool}]."""
    left, right, top, bottom = 56, 12, 14, 30
    points = [p for s in series for p in s["points"] if p[1] is not None]
    if not points:
        return format_html('<p class="muted">No figures yet for {}.</p>', title)
    first = min(p[0] for p in points)
    last = max(p[0] for p in points)
    span = max((last - first).days, 1)
    top_value = _nice_max(max(p[1] for p in points))
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(day: datetime.date) -> float:
        return left + (day - first).days * plot_w / span

    def y(value: float) -> float:
        return top + plot_h - value * plot_h / top_value

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for step in range(5):
        value = top_value * step / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#dde1e6" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{compact(value)}</text>'
        )
    years = range(first.year, last.year + 1)
    every = max(1, len(years) // 8)
    for year in years:
        tick = datetime.date(year, 1, 1)
        if tick < first or (year - first.year) % every:
            continue
        parts.append(
            f'<text x="{x(tick):.1f}" y="{height - 10}" text-anchor="middle" font-size="11" fill="#555">{year}</text>'
        )
    for index, line in enumerate(series):
        color = escape(line.get("color") or PALETTE[index % len(PALETTE)])
        data = [(d, v) for d, v in line["points"] if v is not None]
        if not data:
            continue
        if line.get("dots"):
            for d, v in data:
                parts.append(
                    f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="4" fill="#fff" stroke="{color}" stroke-width="2">'
                    f"<title>{escape(line['name'])}, {d:%b %Y}: {v:,}</title></circle>"
                )
            continue
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(v):.1f}" for i, (d, v) in enumerate(data))
        dash = ' stroke-dasharray="5 3"' if line.get("dashed") else ""
        parts.append(
            f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}><title>{escape(line["name"])}</title></path>'
        )
    parts.append("</svg>")
    legend = "".join(
        format_html(
            '<li><span class="swatch swatch-{}" aria-hidden="true"><svg width="12" height="12"><rect width="12" height="12" fill="{}"/></svg></span>{}</li>',
            index,
            line.get("color") or PALETTE[index % len(PALETTE)],
            line["name"],
        )
        for index, line in enumerate(series)
    )
    return mark_safe("".join(parts) + f'<ul class="chart-legend">{legend}</ul>')


def bar_chart(
    items: list[tuple[str, float, str]], *, title: str, width: int = 680, bar: int = 22
) -> SafeString:
    """Horizontal bars: [(label, value, color)]."""
    if not items:
        return format_html('<p class="muted">No figures yet for {}.</p>', title)
    label_w, right = 130, 70
    height = len(items) * (bar + 6) + 6
    top_value = max(v for _, v, _ in items) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for index, (label, value, color) in enumerate(items):
        y = 6 + index * (bar + 6)
        length = (width - label_w - right) * value / top_value
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end" font-size="12" fill="#222">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{max(length, 1):.1f}" height="{bar}" fill="{escape(color)}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + bar * 0.7:.1f}" font-size="12" fill="#222">{value:,.0f}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


# A tile grid of the states: (row, column).
STATE_TILES = {
    "AK": (0, 0),
    "ME": (0, 11),
    "WI": (1, 6),
    "VT": (1, 10),
    "NH": (1, 11),
    "WA": (2, 1),
    "ID": (2, 2),
    "MT": (2, 3),
    "ND": (2, 4),
    "MN": (2, 5),
    "IL": (2, 6),
    "MI": (2, 7),
    "NY": (2, 9),
    "MA": (2, 10),
    "OR": (3, 1),
    "NV": (3, 2),
    "WY": (3, 3),
    "SD": (3, 4),
    "IA": (3, 5),
    "IN": (3, 6),
    "OH": (3, 7),
    "PA": (3, 8),
    "NJ": (3, 9),
    "CT": (3, 10),
    "RI": (3, 11),
    "CA": (4, 1),
    "UT": (4, 2),
    "CO": (4, 3),
    "NE": (4, 4),
    "MO": (4, 5),
    "KY": (4, 6),
    "WV": (4, 7),
    "VA": (4, 8),
    "MD": (4, 9),
    "DE": (4, 10),
    "AZ": (5, 2),
    "NM": (5, 3),
    "KS": (5, 4),
    "AR": (5, 5),
    "TN": (5, 6),
    "NC": (5, 7),
    "SC": (5, 8),
    "DC": (5, 9),
    "OK": (6, 4),
    "LA": (6, 5),
    "MS": (6, 6),
    "AL": (6, 7),
    "GA": (6, 8),
    "AS": (6, 0),
    "MP": (6, 1),
    "GU": (7, 0),
    "HI": (7, 1),
    "TX": (7, 4),
    "FL": (7, 9),
    "VI": (7, 10),
    "PR": (7, 11),
}


def shade(share: float | None) -> str:
    if share is None:
        return "#f1f3f5"
    return SHADES[min(int(share * len(SHADES)), len(SHADES) - 1)]


def state_tile_map(states: dict[str, tuple[int, int]], *, title: str, link: str = "") -> SafeString:
    """States as tiles shaded by the share of hospitals with a presence: {state: (present, all)}."""
    size, gap = 46, 4
    width, height = 12 * (size + gap), 8 * (size + gap)
    # With links the map is a group of links, not one image: an image may not hold controls.
    role = "group" if link else "img"
    parts = [
        f'<svg class="chart tile-map" viewBox="0 0 {width} {height}" width="100%" role="{role}" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for state, (row, column) in STATE_TILES.items():
        present, total = states.get(state, (0, 0))
        share = present / total if total else None
        fill = shade(share)
        text_fill = "#fff" if share is not None and share >= 0.6 else "#222"
        x, y = column * (size + gap), row * (size + gap)
        label = f"{state}: {present} of {total} hospitals" if total else f"{state}: no hospitals"
        tile = (
            f'<g><title>{escape(label)}</title><rect x="{x}" y="{y}" width="{size}" height="{size}" rx="4" fill="{fill}" stroke="#ced4da"/>'
            f'<text x="{x + size / 2}" y="{y + 19}" text-anchor="middle" font-size="13" font-weight="bold" fill="{text_fill}">{state}</text>'
            f'<text x="{x + size / 2}" y="{y + 36}" text-anchor="middle" font-size="11" fill="{text_fill}">'
            f"{'' if share is None else f'{share:.0%}'}</text></g>"
        )
        if link and total:
            tile = f'<a href="{escape(link)}?state={state}">{tile}</a>'
        parts.append(tile)
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{color}"/></svg> '
        f"{index * 20}–{(index + 1) * 20}%</li>"
        for index, color in enumerate(SHADES)
    )
    return mark_safe("".join(parts) + f'<ul class="chart-legend">{legend}</ul>')
