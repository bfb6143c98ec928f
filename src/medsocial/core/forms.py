"""Form helpers every app's pages share."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from medsocial.core.errors import DomainError


def add_domain_error(form, exc: DomainError) -> None:
    """Show a service's refusal next to the field it names (or above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, ValidationError(exc.message))


class LongSelect(forms.Select):
    """A <select> whose options are written in Python rather than one template per option.

    Django renders each option through its own template, about a millisecond per hundred
    options: the ~600 time zones made the profile page ten times slower than its queries."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # every piece above is escaped by format_html
