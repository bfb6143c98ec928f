"""How the hub writes quantities and times, the same way on every page."""

import math
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.html import strip_tags

register = template.Library()


@register.filter
def ce_hours(value) -> str:
    """`1.50` → "1.5 CE hours", `1` → "1 CE hour", `2.00` → "2 CE hours"."""
    try:
        amount = Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return ""
    text = format(amount, "f")
    return f"{text} CE hour" if amount == 1 else f"{text} CE hours"


WORDS_PER_MINUTE = 220


@register.filter
def reading_time(html) -> str:
    """About how long a text takes to read: "4 min read" (never less than one minute)."""
    words = len(strip_tags(str(html or "")).split())
    return f"{max(1, math.ceil(words / WORDS_PER_MINUTE))} min read"
