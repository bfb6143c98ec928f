import pytest
from django.core.management import call_command

from medsocial.learning import demo
from medsocial.learning.models import Course, Lesson, Question, Quiz

pytestmark = pytest.mark.django_db


def _snapshot():
    return (Course.objects.count(), Lesson.objects.count(), Quiz.objects.count(), Question.objects.count())


def test_demo_curriculum_loads_once_with_enough_content():
    from medsocial.accounts import demo as accounts_demo

    accounts_demo.load(small=True)
    demo.load(small=True)
    first = _snapshot()
    assert first[0] >= 3 and first[1] >= 20 and first[2] >= 3
    assert Question.objects.filter(kind=Question.Kind.PATIENT_DETAILS).exists()
    assert not Course.objects.exclude(status=Course.Status.PUBLISHED).exists()
    assert all(c.instructors.exists() for c in Course.objects.all())
    demo.load(small=True)
    assert _snapshot() == first


def test_demo_courses_are_findable_by_search():
    demo.load(small=True)
    from medsocial.learning.selectors import search_courses

    assert search_courses("TikTok").filter(slug="platform-by-platform").exists()
    assert search_courses("confidentiality").exists()


def test_demo_quizzes_are_publishable_and_valid():
    demo.load(small=True)
    for question in Question.objects.exclude(kind=Question.Kind.PATIENT_DETAILS).prefetch_related("choices"):
        correct = [c for c in question.choices.all() if c.is_correct]
        assert correct, question.prompt
        if question.kind != Question.Kind.MULTIPLE:
            assert len(correct) == 1, question.prompt


def test_reminder_command_runs_on_empty_database(capsys):
    call_command("learning-reminders")
    assert "Queued 0 assignment and 0 certificate reminders" in capsys.readouterr().out


def test_the_demo_has_a_certified_learner_with_a_verifiable_certificate(client):
    from medsocial.accounts import demo as accounts_demo
    from medsocial.learning.models import CECredit, Certificate

    accounts_demo.load(small=True)
    demo.load(small=True)
    [certificate] = Certificate.objects.filter(user__email="nurse@medsocial.example")
    assert certificate.status == "valid"
    assert CECredit.objects.filter(user=certificate.user).exists()
    page = client.get(certificate.get_absolute_url())
    assert page.status_code == 200 and "This certificate is genuine" in page.content.decode()
    demo.load(small=True)
    assert Certificate.objects.filter(user__email="nurse@medsocial.example").count() == 1
