"""Writes for learning."""

import datetime
from decimal import Decimal

from django.db import transaction

from medsocial.learning.models import CECredit


@transaction.atomic
def award_ce_credit(
    *, user, source: str, source_key: str, title: str, hours: Decimal, earned_on: datetime.date
) -> CECredit:
    """Record CE hours on `user`'s transcript; awarding the same `source_key` again changes nothing."""
    credit, _ = CECredit.objects.get_or_create(
        user=user,
        source_key=source_key,
        defaults={"source": source, "title": title, "hours": hours, "earned_on": earned_on},
    )
    return credit


@transaction.atomic
def withdraw_ce_credit(*, user, source_key: str) -> int:
    """Remove the hours one source granted (a revoked certificate, an attendance undone)."""
    deleted, _ = CECredit.objects.filter(user=user, source_key=source_key).delete()
    return deleted
