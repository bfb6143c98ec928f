"""Every Residency URL tried as the wrong person: someone signed in with no part in it, another
resident of the same cohort, a mentor of the cohort who is not this resident's, and (for what
only the resident or staff do) the resident's own mentor. Each is a 404 that confirms nothing,
and nothing changes. The URL list comes from the resolver, so a new page is covered without
editing this test."""

import pytest
from django.urls import get_resolver, reverse

from medsocial.residency import urls as residency_urls
from medsocial.residency.models import (
    Application,
    AssignmentSubmission,
    CapstoneReview,
    CapstoneVersion,
    CohortMentor,
)
from medsocial.residency.services import capstone
from medsocial.residency.tests.factories import PLAN, add_rotation, make_application, make_mentor

pytestmark = pytest.mark.django_db

# Open to anyone (GET) and to any signed-in person: the program, its cohorts, applying, and
# one's own lists.
PUBLIC = {"index", "program", "cohort", "apply", "mine"}
# What the resident's own mentor may open or do.
MENTOR_MAY = {"resident", "review-capstone", "mentoring"}


@pytest.fixture
def world(cohort, resident, applicant, mentor, make_user):
    item = add_rotation(cohort, assignment="Audit")
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    other_mentor = make_user(full_name="Other Mentor")
    make_mentor(cohort, other_mentor)
    other_resident = make_application(
        cohort=cohort,
        user=make_user(full_name="Other Resident"),
        status=Application.Status.ACCEPTED,
        mentor=other_mentor,
    )
    return {
        "values": {
            "pk": resident.pk,
            "slug": cohort.slug,
            "item_id": item.pk,
            "version_id": version.pk,
        },
        "program_slug": cohort.program.slug,
        "people": {
            "outsider": make_user(),
            "other_resident": other_resident.user,
            "other_mentor": other_mentor,
            "own_mentor": mentor,
        },
    }


def _urls(world) -> list[tuple[str, str]]:
    resolver = get_resolver(residency_urls)
    urls = []
    for pattern in residency_urls.urlpatterns:
        if pattern.name in PUBLIC:
            continue
        params = resolver.reverse_dict.getlist(pattern.callback)[0][0][0][1]
        urls.append(
            (
                pattern.name,
                reverse(f"residency:{pattern.name}", kwargs={p: world["values"][p] for p in params}),
            )
        )
    return urls


def _state():
    return (
        list(Application.objects.order_by("pk").values_list("status", "mentor_id", "completed_at")),
        CapstoneVersion.objects.count(),
        CapstoneReview.objects.count(),
        AssignmentSubmission.objects.count(),
        CohortMentor.objects.count(),
    )


def test_every_url_is_listed(world):
    names = {name for name, _ in _urls(world)} | PUBLIC
    assert names == {p.name for p in residency_urls.urlpatterns}


@pytest.mark.parametrize("who", ["outsider", "other_resident", "other_mentor", "own_mentor"])
def test_every_url_is_a_404_for_the_wrong_person(client, world, who):
    client.force_login(world["people"][who])
    before = _state()
    for name, url in _urls(world):
        if who == "own_mentor" and name in MENTOR_MAY:
            continue
        if name == "mentoring" and who in ("other_mentor", "other_resident"):
            continue  # their own list of residents (tested below)
        assert client.get(url).status_code in (404, 405), (who, name)
        data = {"statement": PLAN, "plan": PLAN, "text": "x", "decision": "accept", "email": "a@example.org"}
        assert client.post(url, data).status_code == 404, (who, name)
    assert _state() == before


def test_a_mentor_sees_only_their_own_residents(client, world, resident):
    client.force_login(world["people"]["other_mentor"])
    page = client.get(reverse("residency:mentoring")).content.decode()
    assert "Other Resident" in page
    assert resident.user.display_name not in page


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    for name, url in _urls(world) + [("mine", reverse("residency:mine"))]:
        response = client.get(url)
        assert response.status_code in (302, 405), name
        if response.status_code == 302:
            assert "/accounts/sign-in/" in response["Location"]


def test_signed_out_visitors_see_the_program_and_its_cohorts(client, world, cohort):
    for url in (
        reverse("residency:index"),
        reverse("residency:program", args=[world["program_slug"]]),
        reverse("residency:cohort", args=[cohort.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert cohort.name in response.content.decode()


def test_an_unpublished_cohort_is_a_404(client, cohort):
    cohort.is_published = False
    cohort.save()
    assert client.get(reverse("residency:cohort", args=[cohort.slug])).status_code == 404
    assert cohort.name not in client.get(reverse("residency:index")).content.decode()


def test_the_resident_the_mentor_and_staff_open_the_resident_page(
    client, world, resident, applicant, mentor, staff
):
    for person in (applicant, mentor, staff):
        client.force_login(person)
        assert client.get(reverse("residency:resident", args=[resident.pk])).status_code == 200
    client.force_login(staff)
    assert client.get(reverse("residency:manage-cohort", args=[resident.cohort.slug])).status_code == 200
