"""Previews of unpublished articles: for staff, by shared link, and for partner outlets under embargo."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from articles import services
from articles.models import (
    Article,
    PartnerAccess,
    PartnerLink,
    PreviewLink,
)
from articles.views.articles import ArticleDetailView


def may_preview(user):
    """Staff who may read articles in the admin may see any of them, unpublished, on the site."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article, whatever its status, on the reader's template, for staff: marked as a preview,
    kept out of search engines and caches, and a 404 for anyone else."""

    preview = "staff"

    def get(self, request, *args, **kwargs):
        if not may_preview(request.user):
            raise Http404
        return self.render_preview()

    def get_queryset(self):
        return self.page_queryset(Article.objects.all())

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def render_preview(self):
        self.object = self.get_object()
        if self.object.publish_at is None:
            # A draft without a date is shown as if it went out now, as the page cannot go undated.
            self.object.publish_at = timezone.now()
        # In the article's language, whatever the address: the page as its readers will see it.
        with translation.override(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object, preview=self.preview))
            response.render()
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class SharedPreviewView(ArticlePreviewView):
    """The same preview for someone without an account, at the address of an active PreviewLink."""

    preview = "shared"

    def get(self, request, *args, **kwargs):
        link = PreviewLink.from_token(kwargs["token"])
        if link is None:
            raise Http404
        self.kwargs["pk"] = link.article_id
        response = self.render_preview()
        # The address is the key: never hand it to the sites the page links to.
        response["Referrer-Policy"] = "no-referrer"
        return response


class PartnerPreviewView(ArticlePreviewView):
    """An embargoed article for one partner outlet, at the address of its PartnerLink: every visit
    logged (but the desk's own checks), never cached or indexed, and no address leaked to the sites it
    links to. Once the embargo has lifted the address sends the partner to the public page; a revoked
    link, or an article no longer embargoed, is a 404 (logged: a revoked link still in use may be a
    leak)."""

    preview = "partner"

    def get(self, request, *args, **kwargs):
        link = PartnerLink.objects.select_related("article__section").filter(token=kwargs["token"]).first()
        if link is None:
            raise Http404
        outcomes = PartnerAccess.Outcome
        # The desk checking a link it is about to send is not the partner reading it.
        log = not may_preview(request.user)
        if link.revoked or link.article.status != Article.Status.EMBARGOED:
            if log:
                services.record_partner_access(link=link, outcome=outcomes.REFUSED)
            raise Http404
        lifted = link.article.is_published
        if log:
            services.record_partner_access(link=link, outcome=outcomes.AFTER_LIFT if lifted else outcomes.READ)
        if lifted:
            response = redirect(link.article)
        else:
            self.kwargs["pk"] = link.article_id
            self.partner_link = link
            response = self.render_preview()
        # The address is the key: never hand it to the sites the page links to.
        response["Referrer-Policy"] = "no-referrer"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner_link=self.partner_link, **kwargs)
