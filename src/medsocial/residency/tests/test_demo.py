"""The demo data: a cohort half-way through with two mentors, residents with rotations partly
done and a capstone in review, loaded idempotently."""

import pytest

from medsocial.accounts import demo as accounts_demo
from medsocial.events import demo as events_demo
from medsocial.learning import demo as learning_demo
from medsocial.residency import demo
from medsocial.residency.models import Application, CapstoneVersion, Cohort, CohortMentor
from medsocial.residency.selectors import progress_of

pytestmark = pytest.mark.django_db


def test_demo_loads_a_cohort_mid_way_and_a_second_run_changes_nothing():
    accounts_demo.load(small=True)
    learning_demo.load(small=True)
    events_demo.load(small=True)
    demo.load(small=True)
    current = Cohort.objects.get(slug="social-media-residency-fall")
    assert CohortMentor.objects.filter(cohort=current).count() == 2
    residents = list(current.applications.filter(status=Application.Status.ACCEPTED))
    assert len(residents) == 3 and all(r.mentor_id for r in residents)
    progress = progress_of(residents)
    done = sorted(p.done_count for p in progress.values())
    total = len(next(iter(progress.values())).items)
    assert done[-1] > 0 and done[-1] < total  # partly done
    assert CapstoneVersion.objects.filter(status=CapstoneVersion.Status.IN_REVIEW).count() == 2
    assert CapstoneVersion.objects.filter(status=CapstoneVersion.Status.RETURNED).count() == 1
    before = (Application.objects.count(), CapstoneVersion.objects.count(), Cohort.objects.count())
    demo.load(small=True)
    assert (Application.objects.count(), CapstoneVersion.objects.count(), Cohort.objects.count()) == before
