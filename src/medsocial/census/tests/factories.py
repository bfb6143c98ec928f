"""Factories for census tests."""

import datetime
import itertools

from medsocial.census.models import Hospital, Network, Observation, SocialAccount
from medsocial.census.networks import canonical_account
from medsocial.census.services.imports import name_key

_sequence = itertools.count(1)


def network(slug: str) -> Network:
    return Network.objects.get(slug=slug)


def make_hospital(*, name: str | None = None, state: str = "IL", **fields) -> Hospital:
    n = next(_sequence)
    name = name or f"Test General Hospital {n}"
    defaults = dict(
        facility_id=f"T{n:05d}",
        name=name,
        name_key=name_key(name),
        city="Springfield",
        state=state,
        zip_code="62701",
        hospital_type="Acute Care Hospitals",
        ownership="Voluntary non-profit - Private",
    )
    defaults.update(fields)
    return Hospital.objects.create(**defaults)


def make_account(
    hospital: Hospital,
    slug: str = "facebook",
    address: str | None = None,
    *,
    first_seen=datetime.date(2020, 1, 1),
    **fields,
) -> SocialAccount:
    net = network(slug)
    address = address or f"acct{next(_sequence)}"
    canonical = canonical_account(net, address)
    return SocialAccount.objects.create(
        hospital=hospital,
        network=net,
        handle=canonical.handle,
        url=canonical.url,
        first_seen=first_seen,
        last_active_on=fields.pop("last_active_on", first_seen),
        **fields,
    )


def observe(
    account: SocialAccount,
    day: datetime.date,
    followers=None,
    posts=None,
    source: str = Observation.Source.IMPORTED,
) -> Observation:
    return Observation.objects.create(
        account=account,
        network_id=account.network_id,
        observed_on=day,
        month=day.replace(day=1),
        followers=followers,
        posts=posts,
        source=source,
    )
