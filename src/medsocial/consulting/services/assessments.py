from django.db import transaction

from medsocial.accounts.models import Membership, Organization
from medsocial.consulting import assessment
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import Assessment


@transaction.atomic
def save_assessment(*, answers: dict, taken_by=None, organization: Organization | None = None) -> Assessment:
    """Score a complete questionnaire and keep it; with an organization it joins that
    organization's history (only its members may add to it)."""
    clean = {}
    for key in assessment.QUESTION_KEYS:
        try:
            value = int(answers[key])
        except (KeyError, TypeError, ValueError):
            raise ConsultingError("Answer every question before seeing your results.", field=key)
        if not 0 <= value <= assessment.MAX_ANSWER:
            raise ConsultingError("Choose one of the offered answers.", field=key)
        clean[key] = value
    if organization is not None:
        if (
            taken_by is None
            or not Membership.objects.filter(user=taken_by, organization=organization).exists()
        ):
            raise ConsultingError(
                "You can only save results for an organization you belong to.", field="organization"
            )
    scores, overall = assessment.score(clean)
    return Assessment.objects.create(
        answers=clean,
        scores=scores,
        overall=overall,
        organization=organization,
        taken_by=taken_by if getattr(taken_by, "is_authenticated", False) else None,
    )
