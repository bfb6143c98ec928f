from django.urls import path

from . import views

app_name = "census"

urlpatterns = [
    path("", views.dashboard, name="home"),
    path("hospitals/", views.hospital_list, name="list"),
    path("hospitals/<str:facility_id>/", views.hospital_detail, name="hospital"),
    path("hospitals/<str:facility_id>/submit/", views.submit, name="submit"),
    path("hospitals/<str:facility_id>/accounts/add/", views.account_add, name="account-add"),
    path("accounts/<int:pk>/edit/", views.account_edit, name="account-edit"),
    path("accounts/<int:pk>/observe/", views.account_observe, name="account-observe"),
    path("moderation/", views.moderation_queue, name="queue"),
    path("moderation/<int:pk>/approve/", views.approve, name="approve"),
    path("moderation/<int:pk>/reject/", views.reject, name="reject"),
    path("moderation/<int:pk>/merge/", views.merge, name="merge"),
    path("data/", views.exports_page, name="exports"),
    path("data/hospitals.<str:fmt>", views.export_hospitals, name="export-hospitals"),
    path("data/figures.<str:fmt>", views.export_figures, name="export-figures"),
]
