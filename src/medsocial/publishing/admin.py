from django.contrib import admin

from medsocial.publishing import models


@admin.register(models.Category)
class CategoryAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Tag)
class TagAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "last_reviewed_at"]
    list_filter = ["status", "categories"]
    search_fields = ["title", "summary"]
    readonly_fields = ["body_html", "status", "published_at"]
    autocomplete_fields = ["tags"]
    raw_id_fields = ["authors", "reviewer"]


@admin.register(models.Show)
class ShowAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["title"]}


@admin.register(models.Episode)
class EpisodeAdmin(admin.ModelAdmin):
    list_display = ["title", "show", "season", "number", "published_at", "duration_seconds"]
    list_filter = ["show"]
    readonly_fields = ["audio_mime", "audio_bytes", "duration_seconds", "guid"]


@admin.register(models.Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "article", "episode"]
    list_filter = ["status"]
    search_fields = ["body", "guest_email", "guest_name"]
    raw_id_fields = ["article", "episode", "parent", "user", "moderated_by"]


@admin.register(models.CommenterBan)
class CommenterBanAdmin(admin.ModelAdmin):
    search_fields = ["email"]


@admin.register(models.MailingList)
class MailingListAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "mailing_list", "status", "created_at"]
    list_filter = ["mailing_list", "status"]
    search_fields = ["email"]


@admin.register(models.Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "mailing_list", "status", "sent_count", "failed_count"]
    readonly_fields = ["status", "recipients_count", "sent_count", "failed_count", "sent_at", "progressed_at"]
