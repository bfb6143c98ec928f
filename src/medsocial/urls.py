from django.contrib import admin
from django.urls import include, path

from medsocial.api.main import api
from medsocial.core import media
from medsocial.core import views as core_views

admin.site.site_header = "MedSocial administration"
admin.site.site_title = "MedSocial admin"

handler500 = "medsocial.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("share/cards/<slug:kind>/<slug:key>.png", core_views.share_card, name="share-card"),
    path("share/logo.png", core_views.share_logo, name="share-logo"),
    path("staff/", core_views.staff_dashboard, name="staff"),
    path("staff/<slug:key>/", core_views.staff_role, name="staff-role"),
    path("bench/hello", core_views.bench_hello, name="bench-hello"),
    path("accounts/", include("medsocial.accounts.urls")),
    path("awards/", include("medsocial.awards.urls")),
    path("learn/", include("medsocial.learning.urls")),
    path("events/", include("medsocial.events.urls")),
    path("consulting/", include("medsocial.consulting.urls")),
    path("census/", include("medsocial.census.urls")),
    path("safety/", include("medsocial.safety.urls")),
    path("programs/", include("medsocial.programs.urls")),
    path("residency/", include("medsocial.residency.urls")),
    path("fellows/", include("medsocial.fellows.urls")),
    # Uploaded files, for every configuration (MEDIA_URL is /media/): access checked per file.
    path("media/<path:name>", media.media, name="media"),
    path("", include("medsocial.publishing.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
