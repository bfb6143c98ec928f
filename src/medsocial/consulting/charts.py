"""Server-rendered SVG charts of a KPI: baseline, target, the planned path and the measured
progress. Only presentation attributes are used (the CSP forbids inline styles), and every
chart is paired with a data table on the page."""

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from medsocial.consulting.models import KPI

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 96, 16, 40
BASELINE_COLOUR, TARGET_COLOUR, PLAN_COLOUR, ACTUAL_COLOUR = "#4a5866", "#1e6b3a", "#8a99a6", "#0b5d7a"


def _fmt(value: Decimal) -> str:
    value = Decimal(value)
    return number_format(
        value.normalize() if value == value.to_integral() else value.quantize(Decimal("0.01")),
        force_grouping=True,
    )


def _nice_step(rough: Decimal) -> Decimal:
    """The round step (1, 2 or 5 times a power of ten) nearest above `rough`."""
    exponent = Decimal(rough).adjusted()
    magnitude = Decimal(10) ** exponent
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= rough:
            return magnitude * factor
    return magnitude * 10


def kpi_chart(kpi: KPI, measurements) -> SafeString:
    """An accessible SVG line chart for `kpi`; `measurements` are its Measurement rows by date."""
    points = sorted(((m.measured_on, Decimal(m.value)) for m in measurements), key=lambda p: p[0])
    start = min([kpi.baseline_on] + [d for d, _ in points])
    end = max([kpi.target_on] + [d for d, _ in points])
    span_days = max((end - start).days, 1)
    values = [kpi.baseline_value, kpi.target_value] + [v for _, v in points]
    step = _nice_step((max(values) - min(values)) / 4 or Decimal(1))
    low = (min(values) / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (max(values) / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high == low:
        high = low + step
    ticks = []
    tick = low
    while tick <= high:
        ticks.append(tick)
        tick += step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return round(LEFT + plot_w * (day - start).days / span_days, 1)

    def y(value: Decimal) -> float:
        return round(TOP + plot_h * float((high - value) / (high - low)), 1)

    title_id = f"kpi-{kpi.pk}-title"
    desc_id = f"kpi-{kpi.pk}-desc"
    latest = points[-1][1] if points else None
    summary = (
        f"Baseline {_fmt(kpi.baseline_value)} on {kpi.baseline_on:%b %-d, %Y}; target {_fmt(kpi.target_value)} "
        f"by {kpi.target_on:%b %-d, %Y}; "
        + (f"latest {_fmt(latest)} on {points[-1][0]:%b %-d, %Y}." if points else "no measurements yet.")
    )
    parts = [
        format_html(
            '<svg class="kpi-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
            'aria-labelledby="{} {}" xmlns="http://www.w3.org/2000/svg">',
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            title_id,
            desc_id,
        ),
        format_html('<title id="{}">{}</title><desc id="{}">{}</desc>', title_id, kpi.name, desc_id, summary),
        # Axes and the value scale (five ticks).
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#d5dde3"/>',
            LEFT,
            TOP + plot_h,
            LEFT + plot_w,
            TOP + plot_h,
        ),
    ]
    for value in ticks:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#eef2f5"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#4a5866">{}</text>',
                LEFT,
                y(value),
                LEFT + plot_w,
                y(value),
                LEFT - 6,
                y(value) + 4,
                _fmt(value),
            )
        )
    for day, anchor in ((start, "start"), (end, "end")):
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="{}" fill="#4a5866">{}</text>',
                x(day),
                HEIGHT - BOTTOM + 18,
                anchor,
                f"{day:%b %-d, %Y}",
            )
        )
    # Baseline and target as labelled horizontal lines; the planned path joins them.
    parts.append(
        format_html(
            '<line class="kpi-baseline" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            '<text x="{}" y="{}" font-size="12" fill="{}">Baseline {}</text>',
            LEFT,
            y(kpi.baseline_value),
            LEFT + plot_w,
            y(kpi.baseline_value),
            BASELINE_COLOUR,
            LEFT + plot_w + 6,
            y(kpi.baseline_value) + 4,
            BASELINE_COLOUR,
            _fmt(kpi.baseline_value),
        )
    )
    parts.append(
        format_html(
            '<line class="kpi-target" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="2 3"/>'
            '<text x="{}" y="{}" font-size="12" font-weight="bold" fill="{}">Target {}</text>',
            LEFT,
            y(kpi.target_value),
            LEFT + plot_w,
            y(kpi.target_value),
            TARGET_COLOUR,
            LEFT + plot_w + 6,
            y(kpi.target_value) + 4,
            TARGET_COLOUR,
            _fmt(kpi.target_value),
        )
    )
    parts.append(
        format_html(
            '<line class="kpi-plan" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>'
            '<circle cx="{}" cy="{}" r="4" fill="{}"/>',
            x(kpi.baseline_on),
            y(kpi.baseline_value),
            x(kpi.target_on),
            y(kpi.target_value),
            PLAN_COLOUR,
            x(kpi.target_on),
            y(kpi.target_value),
            TARGET_COLOUR,
        )
    )
    if points:
        path = [(kpi.baseline_on, kpi.baseline_value)] + [p for p in points if p[0] >= kpi.baseline_on]
        coords = " ".join(f"{x(d)},{y(v)}" for d, v in path)
        parts.append(
            format_html(
                '<polyline class="kpi-progress" points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
                coords,
                ACTUAL_COLOUR,
            )
        )
        for day, value in points:
            parts.append(
                format_html(
                    '<circle class="kpi-point" cx="{}" cy="{}" r="3.5" fill="{}"><title>{}: {}</title></circle>',
                    x(day),
                    y(value),
                    ACTUAL_COLOUR,
                    f"{day:%b %-d, %Y}",
                    _fmt(value),
                )
            )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))


def legend() -> SafeString:
    """The chart's key, as HTML (the same for every chart)."""
    items = [
        ("Baseline", BASELINE_COLOUR, "6 4"),
        ("Target", TARGET_COLOUR, "2 3"),
        ("Planned path", PLAN_COLOUR, ""),
        ("Measured", ACTUAL_COLOUR, ""),
    ]
    html = ['<ul class="kpi-legend">']
    for label, colour, dash in items:
        html.append(
            f'<li><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke="{colour}" '
            f'stroke-width="2.5"{f" stroke-dasharray={chr(34)}{dash}{chr(34)}" if dash else ""}/></svg> {escape(label)}</li>'
        )
    html.append("</ul>")
    return mark_safe("".join(html))
