"""Forms and links as a browser sees them in a page, for tests that find a site's forms by
visiting its pages instead of listing them by hand (the standard library's HTML parser, so
no test dependency is needed)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

TEXT_TYPES = {"text", "search", "email", "url", "tel", "password", "textarea", "hidden", "color", ""}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
DATE_TYPES = {"date", "datetime-local", "month", "week", "time"}


@dataclass
class Field:
    """One named control: its kind (an input type, "textarea" or "select"), what the page
    filled in, the choices of a select or of radio buttons, and its limits."""

    name: str
    kind: str
    value: str = ""
    checked: bool = True
    choices: list[str] = field(default_factory=list)
    multiple: bool = False
    required: bool = False
    maxlength: int | None = None
    # aria-invalid="true", or inside a block the page marks "field-error": the page names
    # this field in an error.
    invalid: bool = False


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: dict[str, Field] = field(default_factory=dict)

    def text_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.kind in TEXT_TYPES and f.name != "csrfmiddlewaretoken"]


class _PageParser(HTMLParser):
    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None
        self._option_value: str | None = None
        self._option_text = ""
        self._open: list[tuple[str, bool]] = []  # open elements: (tag, marks a field error)

    def _in_error_block(self) -> bool:
        return any(is_error for _tag, is_error in self._open)

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value if value is not None else "") for name, value in attrs}
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, "field-error" in (attributes.get("class") or "").split()))
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.url, attributes["href"]))
        elif tag == "form":
            self._form = Form(
                action=urljoin(self.url, attributes.get("action") or self.url),
                method=(attributes.get("method") or "get").lower(),
                enctype=attributes.get("enctype") or "application/x-www-form-urlencoded",
            )
            self.forms.append(self._form)
        elif self._form is None or not attributes.get("name"):
            if tag == "option" and self._select is not None:
                self._start_option(attributes)
            return
        elif tag == "input":
            self._add_input(attributes)
        elif tag == "button" and attributes.get("type", "submit") == "submit":
            # The first named submit button is sent, as a click on it would: some pages hold
            # two forms in one and tell them apart by the button.
            if not any(f.kind == "submit" for f in self._form.fields.values()):
                self._field(attributes, "submit")
        elif tag == "textarea":
            self._textarea = self._field(attributes, "textarea")
        elif tag == "select":
            self._select = self._field(attributes, "select", multiple="multiple" in attributes)

    def _start_option(self, attributes):
        self._option_value = attributes.get("value")
        self._option_text = ""
        if "selected" in attributes or not self._select.value:
            self._select.value = attributes.get("value", "")

    def _field(self, attributes, kind, **extra) -> Field:
        maxlength = attributes.get("maxlength", "")
        found = Field(
            name=attributes["name"],
            kind=kind,
            value=attributes.get("value", ""),
            required="required" in attributes,
            maxlength=int(maxlength) if maxlength.isdigit() else None,
            invalid=attributes.get("aria-invalid") == "true" or self._in_error_block(),
            **extra,
        )
        self._form.fields.setdefault(found.name, found)
        return self._form.fields[found.name]

    def _add_input(self, attributes):
        kind = attributes.get("type", "text").lower()
        if kind == "submit" and not any(f.kind == "submit" for f in self._form.fields.values()):
            self._field(attributes, "submit")
            return
        if kind in ("submit", "button", "reset", "image"):
            return
        if kind in ("radio", "checkbox") and attributes["name"] in self._form.fields:
            existing = self._form.fields[attributes["name"]]
            existing.choices.append(attributes.get("value", "on"))
            if "checked" in attributes and not existing.checked:
                existing.value, existing.checked = attributes.get("value", "on"), True
            return
        found = self._field(attributes, kind)
        if kind in ("radio", "checkbox"):
            found.value = attributes.get("value", "on")
            found.choices = [found.value]
            found.checked = "checked" in attributes

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        if self._option_value is None and self._select is not None:
            self._option_text += data

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                break
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "option" and self._select is not None:
            value = self._option_value if self._option_value is not None else self._option_text.strip()
            self._select.choices.append(value)
            self._option_value = None


def forms_and_links(url: str, html: str) -> tuple[list[Form], list[str]]:
    """The forms of a page and the same-site links it holds (fragments dropped)."""
    parser = _PageParser(url)
    parser.feed(html)
    links = []
    for link in parser.links:
        parts = urlsplit(link)
        if parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver"):
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return parser.forms, links


def invalid_fields(html: str) -> set[str]:
    """Names of the controls an answered form marks as in error (aria-invalid)."""
    parser = _PageParser("http://testserver/")
    parser.feed(html)
    return {name for form in parser.forms for name, found in form.fields.items() if found.invalid}
