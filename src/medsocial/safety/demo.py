"""Demo data for the post safety coach: `load()` is idempotent (a second run changes nothing).

The site-wide default rules come with the data migration; this adds Lakeshore Health's own
rules (competitors, approved hashtags) and its published contact details."""

from medsocial.accounts.models import Organization
from medsocial.safety import services
from medsocial.safety.models import AllowedIdentifier, PolicyRule

LAKESHORE_ALLOWED = [
    ("phone", "(312) 555-0199", "Main switchboard"),
    ("phone", "312-555-0150", "Media line"),
    ("address", "1200 Lakeshore Drive, Chicago, IL 60611", "Main campus"),
    ("url", "lakeshorehealth.org", "Website"),
    ("email", "media@lakeshorehealth.org", "Media relations"),
]
LAKESHORE_RULES = [
    {
        "name": "Naming competitors",
        "severity": "warn",
        "explanation": "Our policy: do not name or compare with other health systems in posts.",
        "phrases": "Mercy General\nSt. Brendan Medical Center\nNorthside Regional",
    },
    {
        "name": "Unapproved hashtag",
        "severity": "warn",
        "explanation": "Use only the hashtags on the communications team's approved list.",
        "pattern": r"#[A-Za-z][A-Za-z0-9_]{1,40}\b",
        "exceptions": "#LakeshoreProud\n#LakeshoreHealth\n#NursesWeek\n#FluShot\n#HeartMonth\n#employee",
    },
]


def load(*, stdout=None, small: bool = False) -> None:
    services.install_default_rules()
    organization = Organization.objects.filter(slug="lakeshore-health").first()
    if organization is None:
        return
    for kind, value, note in LAKESHORE_ALLOWED:
        AllowedIdentifier.objects.get_or_create(
            organization=organization, kind=kind, value=value, defaults={"note": note}
        )
    added = 0
    for values in LAKESHORE_RULES:
        _rule, created = PolicyRule.objects.get_or_create(
            organization=organization, name=values["name"], defaults=values
        )
        added += created
    if stdout is not None and added:
        stdout.write(f"Safety: {added} rules and the allow-list for {organization.name}\n")
