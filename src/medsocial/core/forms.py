"""Form helpers every app's pages share."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.forms.utils import flatatt
from django.utils.html import escape
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
        chosen = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True

        def option(option_value, label) -> str:
            option_value = "" if option_value is None else str(option_value)
            selected = " selected" if option_value in chosen else ""
            return f'<option value="{escape(option_value)}"{selected}>{escape(label)}</option>'

        parts = [f'<select name="{escape(name)}"{flatatt(final_attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(f'<optgroup label="{escape(group_value)}">')
                parts.extend(option(v, label) for v, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(option(group_value, group_label))
        parts.append("</select>")
        return mark_safe("".join(parts))  # every value and label above is escaped


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, which also refuses an id no row can have (beyond the range of the id
    column) as an invalid choice; Django's own sends it to the database, where SQLite raises
    an overflow error and PostgreSQL an out-of-range error."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        model_field = (
            self.queryset.model._meta.pk if key == "pk" else self.queryset.model._meta.get_field(key)
        )
        if isinstance(model_field, models.IntegerField):
            low, high = connection.ops.integer_field_range(model_field.get_internal_type())
            for choice in value:
                try:
                    number = int(choice)
                except (TypeError, ValueError):
                    continue  # Django's own check names it
                if (low is not None and number < low) or (high is not None and number > high):
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": choice}
                    )
        return super()._check_values(value)
