from medsocial.safety.models import AllowedIdentifier, PolicyRule


def make_rule(
    *,
    organization=None,
    name="Competitor names",
    severity="warn",
    phrases="Mercy General",
    pattern="",
    explanation="Do not name competitors.",
    **extra,
) -> PolicyRule:
    return PolicyRule.objects.create(
        organization=organization,
        name=name,
        severity=severity,
        phrases=phrases,
        pattern=pattern,
        explanation=explanation,
        **extra,
    )


def make_allowed(*, organization, kind="phone", value="(312) 555-0199", note="") -> AllowedIdentifier:
    return AllowedIdentifier.objects.create(organization=organization, kind=kind, value=value, note=note)
