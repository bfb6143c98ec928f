from django.urls import path

from medsocial.residency import views

app_name = "residency"

urlpatterns = [
    path("", views.index, name="index"),
    path("programs/<slug:slug>/", views.program, name="program"),
    path("cohorts/<slug:slug>/", views.cohort, name="cohort"),
    path("cohorts/<slug:slug>/apply/", views.apply, name="apply"),
    path("mine/", views.mine, name="mine"),
    path("residents/<int:pk>/", views.resident, name="resident"),
    path("residents/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("residents/<int:pk>/assignments/<int:item_id>/", views.submit_assignment, name="submit-assignment"),
    path("residents/<int:pk>/capstone/", views.submit_capstone, name="submit-capstone"),
    path(
        "residents/<int:pk>/capstone/<int:version_id>/review/", views.review_capstone, name="review-capstone"
    ),
    path("residents/<int:pk>/complete/", views.complete, name="complete"),
    path("mentoring/", views.mentoring, name="mentoring"),
    path("manage/", views.manage, name="manage"),
    path("manage/<slug:slug>/", views.manage_cohort, name="manage-cohort"),
    path("manage/<slug:slug>/mentors/", views.add_mentor, name="add-mentor"),
    path("manage/applications/<int:pk>/decision/", views.decide, name="decide"),
    path("manage/applications/<int:pk>/mentor/", views.assign_mentor, name="assign-mentor"),
]
