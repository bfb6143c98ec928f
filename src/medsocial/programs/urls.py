from django.urls import path

from medsocial.programs import views

app_name = "programs"

urlpatterns = [
    path("", views.home, name="home"),
    path("join/", views.join, name="join"),
    path("memberships/<int:pk>/", views.membership_detail, name="membership"),
    path("memberships/<int:pk>/renew/", views.renew, name="renew"),
    path("memberships/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("memberships/<int:pk>/staff/", views.add_staff, name="add-staff"),
    path("memberships/<int:pk>/staff/<int:user_id>/remove/", views.remove_staff, name="remove-staff"),
    path("points/", views.my_wallet, name="my-wallet"),
    path("points/statement.csv", views.my_wallet_export, name="my-wallet-export"),
    path("organizations/<slug:slug>/points/", views.organization_wallet, name="organization-wallet"),
    path(
        "organizations/<slug:slug>/points/statement.csv",
        views.organization_wallet_export,
        name="organization-wallet-export",
    ),
    path("organizations/<slug:slug>/points/transfer/", views.transfer, name="transfer"),
    path("organizations/<slug:slug>/points/transfer/csv/", views.bulk_transfer, name="bulk-transfer"),
    path("dues/", views.dues, name="dues"),
    path("dues/<int:pk>/paid/", views.mark_paid, name="mark-paid"),
]
