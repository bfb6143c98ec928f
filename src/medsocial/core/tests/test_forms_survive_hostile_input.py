"""Every form of the site, found by visiting its pages as a visitor, a member and a site admin
on the demo data, answers hostile input without a server error: NUL and other control
characters, bytes that are not UTF-8, 100,000-character strings, right-to-left overrides,
zero-width characters, emoji, SQL- and HTML-looking text, lists where one value is expected,
missing and extra fields, huge numbers and impossible dates.

A value a field cannot hold (too long, not a date, not a number, not a choice) is refused with
the field marked in error, or not stored; whatever was stored holds no control character; and
extra fields never grant anything. Each test reports every problem it found at once."""

import datetime
import itertools
import re
from collections import Counter, deque
from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsocial.accounts.models import User
from medsocial.core.text import has_control_characters
from medsocial.testing.html_forms import DATE_TYPES, TEXT_TYPES, Form, forms_and_links, invalid_fields

pytestmark = pytest.mark.django_db

MEMBER = "nurse@medsocial.example"
SITE_ADMIN = "admin@medsocial.example"
PAGES_PER_VIEW = 2  # two objects of a kind (a webinar and the summit) show their different forms
MAX_PAGES = 400
# Not pages: the API and admin have their own tests; files and feeds carry no forms.
SKIPPED_PREFIXES = ("/api/", "/admin/", "/media/", "/static/")
SKIPPED_SUFFIXES = (".csv", ".pdf", ".ics", ".json", ".svg", ".png", ".xml", ".txt", ".mp3", ".m4a", ".rss")
# Forms never posted: signing out would end the crawl's session.
SKIPPED_ACTIONS = {"accounts:sign-out"}

CONTROLS = "\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f"
BIDI_AND_FRIENDS = (
    "\u202eevil\u202c \u200b\u200c\u200d\ufeff 😀👩\u200d⚕️ ' OR 1=1; DROP TABLE users; -- "
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> %s {0} {{ x }} \\'
)
# Each 100,000-character value starts with its own mark, so the test can tell whether it was stored.
HUGE_MARKS = (f"huge{number}x" for number in itertools.count())
HUGE_NUMBER = "9" * 40
NOT_UTF8 = "%ED%A0%80%FF%C0%AF"  # a lone surrogate encoded as UTF-8, then bytes UTF-8 never uses
DATES = ["0001-01-01", "9999-12-31", "2026-02-30", "0000-00-00"]
DATETIMES = ["0001-01-01T00:00", "9999-12-31T23:59", "2026-02-30T10:00"]
EXTRA_FIELDS = {
    "is_superuser": "on",
    "is_staff": "on",
    "id": "1",
    "pk": "1",
    "status": "published",
    "__proto__": "x",
}


@pytest.fixture
def demo(settings):
    settings.AXES_ENABLED = False  # many wrong passwords are part of the test, not an attack
    call_command("demo", "--small", verbosity=0)


def client_for(email: str | None) -> Client:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    return client


# --- Finding the forms ----------------------------------------------------------------------


def pages_without_arguments(patterns=None, prefix: str = "") -> list[str]:
    """Every URL of the URLconf that takes no argument: where the crawl starts."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if "<" in route or "(" in route or route.startswith(("api/", "admin/")):
            continue
        if isinstance(entry, URLResolver):
            found += pages_without_arguments(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            found.append("/" + route.lstrip("^").rstrip("$"))
    return found


def view_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


def crawl(client: Client) -> tuple[dict[tuple, Form], list[str]]:
    """The distinct forms (by target view, method and field names) on the pages reachable from
    the URLconf's argument-free URLs, a few pages per view; and any page that answered 5xx."""
    queue = deque(["/", *pages_without_arguments()])
    visited: set[str] = set()
    per_view: Counter[str] = Counter()
    forms: dict[tuple, Form] = {}
    broken = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        path = urlsplit(url).path
        name = view_name(url)
        if url in visited or name is None or per_view[name] >= PAGES_PER_VIEW:
            continue
        if path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
            continue
        visited.add(url)
        per_view[name] += 1
        response = client.get(url)
        if response.status_code >= 500:
            broken.append(f"GET {url}: {response.status_code}")
        if not response.get("Content-Type", "").startswith("text/html") or getattr(
            response, "streaming", False
        ):
            continue
        page_forms, links = forms_and_links(url, response.content.decode())
        queue.extend(links)
        for form in page_forms:
            target = view_name(form.action)
            if (
                target is None
                or target in SKIPPED_ACTIONS
                or urlsplit(form.action).path.startswith(SKIPPED_PREFIXES)
            ):
                continue
            forms.setdefault((target, form.method, frozenset(form.fields)), form)
    return forms, broken


# --- Filling them in ------------------------------------------------------------------------

_days_ahead = datetime.date.today() + datetime.timedelta(days=30)
PLAUSIBLE = {
    "email": "fuzz.person@example.org",
    "url": "https://example.org/fuzz",
    "tel": "+1 312 555 0100",
    "number": "3",
    "range": "3",
    "date": _days_ahead.isoformat(),
    "datetime-local": f"{_days_ahead.isoformat()}T10:00",
    "time": "10:00",
    "month": _days_ahead.strftime("%Y-%m"),
    "password": "Fuzz-pass-phrase-2026",
    "color": "#336699",
}


def plausible_values(form: Form) -> dict[str, list[str]]:
    """What a person would send: the page's own values, and something sensible where it left a
    field empty, so that a hostile value in one field reaches the code behind a valid form."""
    data: dict[str, list[str]] = {}
    for field in form.fields.values():
        if field.kind == "file":
            continue
        if field.kind == "submit":
            data[field.name] = [field.value]
            continue
        if field.kind in ("checkbox", "radio"):
            if field.checked or field.required:
                data[field.name] = [field.value or (field.choices or ["on"])[0]]
            elif field.kind == "radio" and field.choices:
                data[field.name] = [field.choices[0]]
            continue
        if field.kind == "select":
            chosen = field.value or next((c for c in field.choices if c), "")
            data[field.name] = [chosen]
            continue
        data[field.name] = [field.value or PLAUSIBLE.get(field.kind, "Fuzz text")]
    return data


def hostile_inputs(form: Form):
    """(label, field or None, data or raw body) for each hostile submission of `form`."""
    base = plausible_values(form)
    named = named_fields(form)
    yield (
        "NUL in every field",
        None,
        {**base, **{f.name: [f"a\x00b{base.get(f.name, [''])[0]}"] for f in named}},
    )
    raw = urlencode([(k, v) for k, values in base.items() for v in values])
    for field in form.text_fields():
        raw = raw.replace(f"{quote(field.name, safe='')}=", f"{quote(field.name, safe='')}={NOT_UTF8}", 1)
    yield "bytes that are not UTF-8", None, raw
    yield "two values for every field", None, {k: [v[0], "other"] for k, v in base.items()}
    yield "no fields at all", None, {}
    yield "extra fields", None, {**base, **{k: [v] for k, v in EXTRA_FIELDS.items()}}
    for field in named:
        value = base.get(field.name, [""])[0]
        if field.kind in TEXT_TYPES:
            hostile = f"{value[:20]}{CONTROLS}{value[20:]} {BIDI_AND_FRIENDS}"
            yield (
                "control characters, right-to-left marks, emoji, SQL and HTML",
                field,
                {**base, field.name: [hostile]},
            )
            huge = next(HUGE_MARKS)
            yield f"100,000 characters ({huge})", field, {**base, field.name: [huge + "x" * 100_000]}
            if field.kind == "hidden":  # ids and counts travel in hidden fields
                yield "a huge number", field, {**base, field.name: [HUGE_NUMBER]}
        elif field.kind in ("number", "range"):
            for number in (HUGE_NUMBER, f"-{HUGE_NUMBER}", "1e309", "twelve"):
                yield f"the number {number[:12]}", field, {**base, field.name: [number]}
        elif field.kind in DATE_TYPES:
            for day in DATETIMES if field.kind == "datetime-local" else DATES[:3]:
                yield f"the date {day}", field, {**base, field.name: [day]}
        elif field.kind in ("select", "radio", "checkbox"):
            for choice in ("not-a-choice", HUGE_NUMBER):
                yield f"the choice {choice[:12]}", field, {**base, field.name: [choice]}


# Values the field cannot hold: a form shown again must mark the field (a 100,000-character
# value must rather not be stored, see `refusal_problems`).
MUST_BE_REFUSED = re.compile(r"^(100,000 characters|the number (9|1e309|twelve)|the date 2026-02-30)")


def submit(client: Client, form: Form, data):
    if form.method == "get":
        query = data if isinstance(data, str) else urlencode([(k, v) for k, vs in data.items() for v in vs])
        return client.get(f"{urlsplit(form.action).path}?{query}")
    if isinstance(data, str):
        return client.post(form.action, data, content_type="application/x-www-form-urlencoded")
    return client.post(form.action, {k: v if len(v) > 1 else v[0] for k, v in data.items()})


def fuzz(client: Client, forms: dict[tuple, Form], too_long: dict[str, tuple[str, int]]) -> list[str]:
    """Post every hostile input to every form; the problems found, one line each. `too_long`
    receives the mark of each 100,000-character value sent to a field with a maxlength."""
    problems = []
    for (target, method, _names), form in sorted(forms.items(), key=lambda item: item[0][:2]):
        for label, field, data in hostile_inputs(form):
            where = f"{method.upper()} {target} ({urlsplit(form.action).path})" + (
                f" {field.name}" if field else ""
            )
            try:
                response = submit(client, form, data)
            except Exception as exc:  # the test client re-raises what the view raised
                problems.append(f"{where}, {label}: server error {type(exc).__name__}: {str(exc)[:200]}")
                continue
            if response.status_code >= 500:
                problems.append(f"{where}, {label}: answered {response.status_code}")
            elif label.startswith("NUL") and form.method == "post" and named_fields(form):
                if response.status_code != 400:
                    problems.append(f"{where}, {label}: answered {response.status_code}, not 400")
            elif field is not None and form.method == "post" and refused_by_kind(field, label):
                if label.startswith("100,000 characters"):
                    too_long[label.split("(")[1].rstrip(")")] = (where, field.maxlength)
                else:
                    problems += refusal_problems(response, field, label, where)
    return problems


def named_fields(form: Form) -> list:
    return [
        f
        for f in form.fields.values()
        if f.name != "csrfmiddlewaretoken" and f.kind not in ("file", "submit")
    ]


def refused_by_kind(field, label: str) -> bool:
    """Whether `field` cannot hold the value of `label`: a select's unknown choice, a number or
    date that is none, more characters than the field's maxlength."""
    if label.startswith("100,000 characters"):
        return field.maxlength is not None
    if label.startswith("the choice not-a-choice"):
        return field.kind == "select"  # a checkbox takes any value as "on"; quiz radios are graded
    return MUST_BE_REFUSED.match(label) is not None


def refusal_problems(response, field, label: str, where: str) -> list[str]:
    """A value the field cannot hold (not a number, not a date, not a choice): the form shown
    again marks the field. (Too long values are looked for in the database at the end.)"""
    if response.status_code in (200, 400) and response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        if f'name="{field.name}"' in html and field.name not in invalid_fields(html):
            return [f"{where}, {label}: the form was shown again without marking the field"]
    return []


# --- What was stored ------------------------------------------------------------------------


def text_columns(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField, models.JSONField))
    ]


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


HUGE_STORED = re.compile(r"(huge\d+x)(x*)")


def stored_text_problems(too_long: dict[str, tuple[str, int]] | None = None) -> list[str]:
    """Every stored text that holds a control character, or more of a 100,000-character value
    than the field it was sent to holds."""
    found = []
    for model in apps.get_models():
        columns = text_columns(model)
        if not columns or not model._meta.managed:
            continue
        for row in model._default_manager.values_list("pk", *columns).iterator():
            for column, value in zip(columns, row[1:], strict=True):
                for text in strings_in(value):
                    place = f"{model._meta.label}.{column} (pk {row[0]})"
                    if has_control_characters(text):
                        found.append(f"stored with a control character: {place}: {text!r:.80}")
                    for mark, rest in HUGE_STORED.findall(text) if too_long else ():
                        if mark in too_long and len(rest) > too_long[mark][1]:
                            where, limit = too_long[mark]
                            found.append(f"{where}: {len(rest)} characters stored in {place}, limit {limit}")
    return found


def check_role(email: str | None, expected_views: set[str]) -> dict[tuple, Form]:
    client = client_for(email)
    forms, broken = crawl(client)
    found_views = {target for target, _method, _names in forms}
    assert expected_views <= found_views, f"forms not found: {sorted(expected_views - found_views)}"
    too_long: dict[str, tuple[str, int]] = {}
    problems = broken + fuzz(client, forms, too_long)
    problems += stored_text_problems(too_long)
    assert not problems, f"{len(problems)} problems in {len(forms)} forms:\n" + "\n".join(problems)
    return forms


# --- The tests ------------------------------------------------------------------------------


def test_no_public_form_breaks_on_hostile_input(demo):
    forms = check_role(
        None,
        {
            "accounts:sign-up",
            "accounts:sign-in",
            "accounts:password-reset",
            "publishing:newsletter",
            "publishing:search",
            "learning:catalog",
            "learning:verify-form",
            "census:list",
            "events:list",
            "consulting:assessment",
            "publishing:comment-article",
            "safety:check",
        },
    )
    # Then text drawn from every Unicode category but surrogates, in every text field at once.
    client = client_for(None)
    candidates = [form for form in forms.values() if form.text_fields()]
    text = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)

    @given(index=st.integers(0, len(candidates) - 1), values=st.lists(text, min_size=8, max_size=8))
    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def never_breaks(index, values):
        form = candidates[index]
        data = plausible_values(form)
        for field, value in zip(form.text_fields(), itertools.cycle(values)):
            data[field.name] = [value]
        assert submit(client, form, data).status_code < 500

    never_breaks()
    assert not stored_text_problems()


def test_no_member_form_breaks_on_hostile_input(demo):
    member = User.objects.get(email=MEMBER)
    check_role(
        MEMBER,
        {
            "accounts:profile",
            "publishing:comment-article",
            "events:register",
            "consulting:messages",
        },
    )
    member.refresh_from_db()
    assert not member.is_staff and not member.is_superuser  # extra fields granted nothing


def test_no_staff_form_breaks_on_hostile_input(demo):
    check_role(
        SITE_ADMIN,
        {
            "events:event-create",
            "learning:teach-new",
            "publishing:article-new",
            "census:account-observe",
            "publishing:moderate",
            "learning:quiz",
        },
    )
