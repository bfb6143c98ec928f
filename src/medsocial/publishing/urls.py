from django.contrib.sitemaps.views import sitemap
from django.urls import path

from medsocial.core.page_cache import cache_page_for_visitors

from . import feeds
from .sitemaps import SITEMAPS
from .views import articles, comments, newsletter, podcasts, site

app_name = "publishing"

urlpatterns = [
    path("articles/", articles.article_list, name="articles"),
    path("articles/manage/", articles.article_manage, name="article-manage"),
    path("articles/new/", articles.article_edit, name="article-new"),
    path("articles/<int:pk>/edit/", articles.article_edit, name="article-edit"),
    path("articles/<int:pk>/publish/", articles.article_publish, name="article-publish"),
    path("articles/id/<int:pk>/", articles.article_by_id, name="article-by-id"),
    path("articles/category/<slug:slug>/", articles.category_articles, name="category"),
    path("articles/author/<int:pk>/", articles.author_articles, name="author"),
    path("articles/<slug:slug>/", articles.article_detail, name="article"),
    path("podcasts/", podcasts.show_list, name="podcasts"),
    path("podcasts/shows/<int:pk>/edit/", podcasts.show_edit, name="show-edit"),
    path("podcasts/shows/<int:pk>/episodes/", podcasts.show_episodes, name="show-episodes"),
    path("podcasts/episodes/<int:pk>/edit/", podcasts.episode_edit, name="episode-edit"),
    path("podcasts/<slug:slug>/", podcasts.show_detail, name="show"),
    path("podcasts/<slug:show>/episodes/new/", podcasts.episode_new, name="episode-new"),
    path("podcasts/<slug:show>/<slug:slug>/", podcasts.episode_detail, name="episode"),
    path("podcasts/<slug:show>/<slug:slug>/audio.<str:ext>", podcasts.episode_audio, name="episode-audio"),
    path(
        "podcasts/<slug:show>/<slug:slug>/transcript.txt",
        podcasts.episode_transcript,
        name="episode-transcript",
    ),
    path(
        "podcasts/<slug:show>/<slug:slug>/chapters.json", podcasts.episode_chapters, name="episode-chapters"
    ),
    path("comments/article/<int:pk>/", comments.post_comment, {"kind": "article"}, name="comment-article"),
    path("comments/episode/<int:pk>/", comments.post_comment, {"kind": "episode"}, name="comment-episode"),
    path("comments/<int:pk>/delete/", comments.delete_comment, name="comment-delete"),
    path("comments/moderation/", comments.moderation_queue, name="moderation"),
    path("comments/<int:pk>/moderate/", comments.moderate, name="moderate"),
    path("newsletter/", newsletter.newsletter, name="newsletter"),
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="newsletter-confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter.unsubscribe, name="newsletter-unsubscribe"),
    path(
        "newsletter/unsubscribe/<str:token>/one-click/",
        newsletter.one_click_unsubscribe,
        name="newsletter-one-click",
    ),
    path("newsletter/issues/", newsletter.issue_list, name="issues"),
    path("newsletter/issues/new/", newsletter.issue_edit, name="issue-new"),
    path("newsletter/issues/<int:pk>/", newsletter.issue_detail, name="issue"),
    path("newsletter/issues/<int:pk>/edit/", newsletter.issue_edit, name="issue-edit"),
    path("newsletter/issues/<int:pk>/test/", newsletter.issue_send_test, name="issue-test"),
    path("newsletter/issues/<int:pk>/send/", newsletter.issue_send, name="issue-send"),
    path("newsletter/issues/<int:pk>/resume/", newsletter.issue_resume, name="issue-resume"),
    path("newsletter/subscribers.csv", newsletter.subscribers_export, name="subscribers-export"),
    path("newsletter/subscribers/import/", newsletter.subscribers_import, name="subscribers-import"),
    path(
        "feeds/articles.rss",
        cache_page_for_visitors("publishing")(feeds.ArticleFeed()),
        name="feed-articles-rss",
    ),
    path(
        "feeds/articles.atom",
        cache_page_for_visitors("publishing")(feeds.ArticleAtomFeed()),
        name="feed-articles-atom",
    ),
    path(
        "feeds/category/<slug:slug>.rss",
        cache_page_for_visitors("publishing")(feeds.CategoryRssFeed()),
        name="feed-category-rss",
    ),
    path(
        "feeds/category/<slug:slug>.atom",
        cache_page_for_visitors("publishing")(feeds.CategoryAtomFeed()),
        name="feed-category-atom",
    ),
    path(
        "feeds/author/<int:pk>.rss",
        cache_page_for_visitors("publishing")(feeds.AuthorRssFeed()),
        name="feed-author-rss",
    ),
    path(
        "feeds/author/<int:pk>.atom",
        cache_page_for_visitors("publishing")(feeds.AuthorAtomFeed()),
        name="feed-author-atom",
    ),
    path(
        "feeds/comments.rss", cache_page_for_visitors("publishing")(feeds.CommentFeed()), name="feed-comments"
    ),
    path(
        "feeds/comments/article/<slug:slug>.rss",
        cache_page_for_visitors("publishing")(feeds.CommentFeed()),
        name="feed-article-comments",
    ),
    path(
        "feeds/comments/podcasts/<slug:show>/<slug:slug>.rss",
        cache_page_for_visitors("publishing")(feeds.CommentFeed()),
        name="feed-episode-comments",
    ),
    path(
        "feeds/podcasts/<slug:slug>.rss",
        cache_page_for_visitors("publishing")(feeds.PodcastFeed()),
        name="podcast-feed",
    ),
    path("search/", site.search, name="search"),
    path("about/trust/", site.trust, name="trust"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", site.robots_txt, name="robots"),
]
