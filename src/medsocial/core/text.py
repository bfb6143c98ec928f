"""Control characters: nobody types them, XML cannot carry them, and some terminals obey them.

One definition, used at input (every form and API request, by `core.middleware`) and at output
(feeds and other XML, so text stored before the input was cleaned cannot break them)."""

import re

# C0 controls except tab, line feed and carriage return; DEL; the C1 controls (U+0080–U+009F).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_characters(text: str) -> str:
    """`text` without control characters; tab, newline and carriage return stay."""
    return CONTROL_CHARACTERS.sub("", text)


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def strip_control_characters_deep(value):
    """The same JSON-like value (strings, lists, dicts, keys too) with every string cleaned."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list):
        return [strip_control_characters_deep(item) for item in value]
    if isinstance(value, dict):
        return {
            strip_control_characters_deep(key): strip_control_characters_deep(item)
            for key, item in value.items()
        }
    return value
