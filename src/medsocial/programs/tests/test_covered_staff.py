"""An organization admin covers staff within the membership's seats; each covered person gets
member prices while it is in force. More staff than seats, outsiders and non-admins are refused
with a message naming the field, and nothing changes."""

import pytest

from medsocial.programs import services
from medsocial.programs.errors import MembershipConflict, MembershipError, ProgramsNotAllowed
from medsocial.programs.models import CoveredStaff, Plan
from medsocial.programs.selectors import has_member_prices
from medsocial.programs.tests.factories import make_membership, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_seat_membership(hospital):
    return make_membership(organization=hospital, plan=make_plan(kind=Plan.Kind.ORGANIZATION, seats=2))


def test_covering_a_staff_member_gives_them_member_prices(two_seat_membership, org_admin, nurse):
    assert not has_member_prices(nurse)
    services.add_covered_staff(membership=two_seat_membership, email="CHRIS@lakeshore.org ", by=org_admin)
    assert has_member_prices(nurse)


def test_more_staff_than_seats_is_refused(two_seat_membership, org_admin, make_user, hospital):
    people = [make_user(organization=hospital) for _ in range(3)]
    for person in people[:2]:
        services.add_covered_staff(membership=two_seat_membership, email=person.email, by=org_admin)
    with pytest.raises(MembershipError) as refused:
        services.add_covered_staff(membership=two_seat_membership, email=people[2].email, by=org_admin)
    assert refused.value.field == "email" and "All 2 seats" in refused.value.message
    assert CoveredStaff.objects.filter(membership=two_seat_membership).count() == 2
    assert not has_member_prices(people[2])


def test_removing_someone_frees_the_seat_and_ends_their_member_prices(two_seat_membership, org_admin, nurse):
    services.add_covered_staff(membership=two_seat_membership, email=nurse.email, by=org_admin)
    services.remove_covered_staff(membership=two_seat_membership, user_id=nurse.pk, by=org_admin)
    assert not has_member_prices(nurse)
    assert not CoveredStaff.objects.exists()


def test_only_members_of_the_organization_can_be_covered(two_seat_membership, org_admin, make_user):
    outsider = make_user(email="someone@gmail.com")
    with pytest.raises(MembershipError) as refused:
        services.add_covered_staff(membership=two_seat_membership, email=outsider.email, by=org_admin)
    assert refused.value.field == "email"
    assert not CoveredStaff.objects.exists()


def test_covering_someone_twice_is_refused(two_seat_membership, org_admin, nurse):
    services.add_covered_staff(membership=two_seat_membership, email=nurse.email, by=org_admin)
    with pytest.raises(MembershipConflict):
        services.add_covered_staff(membership=two_seat_membership, email=nurse.email, by=org_admin)
    assert CoveredStaff.objects.count() == 1


def test_a_staff_member_cannot_cover_themselves_or_others(two_seat_membership, nurse):
    with pytest.raises(ProgramsNotAllowed):
        services.add_covered_staff(membership=two_seat_membership, email=nurse.email, by=nurse)
    assert not CoveredStaff.objects.exists()


def test_the_admin_of_another_organization_cannot_cover_staff(
    two_seat_membership, nurse, make_user, make_organization
):
    from medsocial.accounts.models import Membership as OrganizationRole

    other_admin = make_user(organization=make_organization(), org_role=OrganizationRole.Role.ADMIN)
    with pytest.raises(ProgramsNotAllowed):
        services.add_covered_staff(membership=two_seat_membership, email=nurse.email, by=other_admin)
    assert not CoveredStaff.objects.exists()


def test_a_lapsed_organization_membership_ends_its_staffs_member_prices(hospital, nurse):
    import datetime

    from django.utils import timezone

    membership = make_membership(organization=hospital, covering=[nurse])
    assert has_member_prices(nurse)
    membership.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    membership.save(update_fields=["ends_on"])
    assert not has_member_prices(nurse)
