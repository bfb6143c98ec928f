from django.urls import path

from medsocial.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.check, name="check"),
    path("results/", views.check_results, name="check-results"),
    path("image/", views.image_check, name="image"),
    path("organizations/", views.organizations, name="organizations"),
    path("organizations/<slug:slug>/", views.organization_settings, name="organization"),
    path("organizations/<slug:slug>/rules/<int:pk>/delete/", views.delete_rule, name="delete-rule"),
    path("organizations/<slug:slug>/allowed/<int:pk>/delete/", views.delete_allowed, name="delete-allowed"),
]
