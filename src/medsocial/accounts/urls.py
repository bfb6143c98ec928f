from django.contrib.auth import views as auth_views
from django.urls import path

from medsocial.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-up/", views.sign_up, name="sign-up"),
    path("sign-up/done/", views.sign_up_done, name="sign-up-done"),
    path("confirm/<str:token>/", views.confirm_email, name="confirm-email"),
    path("confirm-again/", views.resend_confirmation, name="resend-confirmation"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password-reset-done",
    ),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password-reset-complete",
    ),
    path("password/change/", views.PasswordChangeView.as_view(), name="password-change"),
    path("profile/", views.profile, name="profile"),
    path("tokens/", views.create_token, name="token-create"),
    path("tokens/<int:pk>/revoke/", views.revoke_token, name="token-revoke"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/new/", views.organization_create, name="organization-create"),
    path(
        "organizations/verification/",
        views.organization_verification_list,
        name="organization-verification-list",
    ),
    path(
        "organizations/<slug:slug>/verification/",
        views.organization_verification,
        name="organization-verification",
    ),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
    path("organizations/<slug:slug>/invite/", views.organization_invite, name="organization-invite"),
    path("organizations/<slug:slug>/members/<int:pk>/role/", views.member_role, name="member-role"),
    path("organizations/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path(
        "organizations/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
