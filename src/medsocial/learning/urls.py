from django.urls import path

from medsocial.learning.views import certificates, learner, org, quizzes, teach

app_name = "learning"

urlpatterns = [
    path("", learner.catalog, name="catalog"),
    path("my/", learner.dashboard, name="dashboard"),
    path("my/transcript/", learner.transcript, name="transcript"),
    path("my/transcript.csv", learner.transcript_csv, name="transcript-csv"),
    path("my/transcript.pdf", learner.transcript_download, name="transcript-pdf"),
    path("my/certificates/<str:code>/", certificates.certificate_detail, name="certificate"),
    path(
        "my/certificates/<str:code>/certificate.pdf",
        certificates.certificate_download,
        name="certificate-pdf",
    ),
    path("verify/", certificates.verify, name="verify-form"),
    path("verify/<str:code>/", certificates.verify, name="verify"),
    path("verify/<str:code>/revoke/", certificates.revoke, name="revoke"),
    path("badges/issuer.json", certificates.badge_issuer, name="badge-issuer"),
    path("badges/revocations.json", certificates.badge_revocations, name="badge-revocations"),
    path("badges/courses/<slug:slug>.json", certificates.badge_class, name="badge-class"),
    path("badges/courses/<slug:slug>.svg", certificates.badge_image, name="badge-image"),
    path("badges/assertions/<str:code>.json", certificates.badge_assertion, name="badge-assertion"),
    path("teach/", teach.teach_home, name="teach"),
    path("teach/new/", teach.course_create, name="teach-new"),
    path("teach/<slug:slug>/", teach.course_edit, name="teach-course"),
    path("teach/<slug:slug>/publish/", teach.course_publish, name="teach-publish"),
    path("teach/<slug:slug>/report/", teach.course_report, name="teach-report"),
    path("teach/<slug:slug>/modules/", teach.module_add, name="teach-module-add"),
    path(
        "teach/<slug:slug>/modules/<int:module_id>/delete/", teach.module_delete, name="teach-module-delete"
    ),
    path("teach/<slug:slug>/move/<str:kind>/<int:item_id>/", teach.reorder, name="teach-move"),
    path("teach/<slug:slug>/outline/order/", teach.outline_order, name="teach-outline-order"),
    path("teach/<slug:slug>/lessons/new/", teach.lesson_edit, name="teach-lesson-new"),
    path("teach/<slug:slug>/lessons/<int:lesson_id>/", teach.lesson_edit, name="teach-lesson"),
    path(
        "teach/<slug:slug>/lessons/<int:lesson_id>/delete/", teach.lesson_delete, name="teach-lesson-delete"
    ),
    path(
        "teach/<slug:slug>/lessons/<int:lesson_id>/resources/", teach.resource_add, name="teach-resource-add"
    ),
    path("teach/<slug:slug>/quizzes/new/", teach.quiz_edit, name="teach-quiz-new"),
    path("teach/<slug:slug>/quizzes/<int:quiz_id>/", teach.quiz_edit, name="teach-quiz"),
    path(
        "teach/<slug:slug>/quizzes/<int:quiz_id>/questions/new/",
        teach.question_edit,
        name="teach-question-new",
    ),
    path(
        "teach/<slug:slug>/quizzes/<int:quiz_id>/questions/<int:question_id>/",
        teach.question_edit,
        name="teach-question",
    ),
    path(
        "teach/<slug:slug>/quizzes/<int:quiz_id>/questions/<int:question_id>/delete/",
        teach.question_delete,
        name="teach-question-delete",
    ),
    path("organizations/<slug:org_slug>/", org.organization_learning, name="organization"),
    path(
        "organizations/<slug:org_slug>/progress.csv", org.organization_learning_csv, name="organization-csv"
    ),
    path("<slug:slug>/", learner.course_detail, name="course"),
    path("<slug:slug>/enroll/", learner.enroll, name="enroll"),
    path("<slug:slug>/unenroll/", learner.unenroll, name="unenroll"),
    path("<slug:slug>/recertify/", learner.recertify, name="recertify"),
    path("<slug:slug>/lessons/<slug:lesson_slug>/", learner.lesson_detail, name="lesson"),
    path("<slug:slug>/lessons/<slug:lesson_slug>/complete/", learner.complete_lesson, name="lesson-complete"),
    path("<slug:slug>/quizzes/<slug:quiz_slug>/", quizzes.quiz_take, name="quiz"),
    path(
        "<slug:slug>/quizzes/<slug:quiz_slug>/attempts/<int:number>/",
        quizzes.quiz_attempt,
        name="quiz-attempt",
    ),
]
