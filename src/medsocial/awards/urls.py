from django.urls import path

from medsocial.awards import views

app_name = "awards"

urlpatterns = [
    path("issuer.json", views.issuer, name="issuer"),
    path("revocations.json", views.revocations, name="revocations"),
    path("badges/<slug:slug>.json", views.badge_class, name="badge-class"),
    path("badges/<slug:slug>.svg", views.badge_image, name="badge-image"),
    path("assertions/<str:code>.json", views.assertion, name="assertion"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/revoke/", views.revoke, name="revoke"),
    path("verify/<str:code>/certificate/", views.certificate, name="certificate"),
]
