from django.urls import path

from medsocial.fellows import views

app_name = "fellows"

urlpatterns = [
    path("", views.ladder, name="ladder"),
    path("directory/", views.directory, name="directory"),
    path("my/", views.mine, name="mine"),
    path("my/portfolio/new/", views.submit, name="submit"),
    path("my/listing/", views.listing, name="listing"),
    path("portfolios/<int:pk>/", views.portfolio_detail, name="portfolio"),
    path("portfolios/<int:pk>/review/", views.review, name="review"),
    path("portfolios/<int:pk>/resubmit/", views.resubmit, name="resubmit"),
    path("portfolios/<int:pk>/file/", views.portfolio_file, name="portfolio-file"),
    path("review/", views.review_queue, name="review-queue"),
    path("evidence/<str:code>/", views.evidence, name="evidence"),
]
