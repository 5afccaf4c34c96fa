"""Readers' feedback: the "was this helpful" vote and comments to the newsroom."""

from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.models import Article
from donations import protection, services
from donations.forms import CommentForm, HelpfulVoteForm
from donations.protection import rate_limited
from donations.views.donations import see_other


def _article_from_query(request):
    """The published article named by ?article=<pk>, or 404."""
    pk = request.GET.get("article", "")
    if not (pk.isascii() and pk.isdigit()):
        raise Http404("No article.")
    return get_object_or_404(Article.objects.published().select_related("section"), pk=int(pk))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("comment")
def write_comment(request):
    """The "What are your thoughts?" form: a private message to the newsroom about one article."""
    article = _article_from_query(request)
    if request.method == "GET" and article.language != get_language():
        # The article page links here without a language prefix: write in the article's language.
        return redirect(translate_url(request.get_full_path(), article.language))
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            services.submit_comment(article=article, **form.comment_fields())
            return see_other(f"{reverse('donations:comment-sent')}?{urlencode({'article': article.pk})}")
        form.renew_token_if_unusable()
    else:
        form = CommentForm()
    return render(request, "donations/comment_form.html", {"form": form, "article": article})


@require_GET
def comment_sent(request):
    return render(request, "donations/comment_sent.html", {"article": _article_from_query(request)})


def voter_key(request):
    """One reader, told apart without a cookie and without storing who they are: a keyed hash of their
    network address (IPv6 to its /64) and browser."""
    fingerprint = f"{protection.client_network(request)}|{request.headers.get('User-Agent', '')[:300]}"
    return salted_hmac("donations.helpful-vote", fingerprint, algorithm="sha256").hexdigest()


# No CSRF cookie: the article page that holds this form is the same for every reader and must set no
# cookie, so that it can be cached. A vote is accepted only from our own pages instead, as the Origin
# (or Referer) header that browsers send with every post proves; other sites cannot forge it.
@csrf_exempt
@never_cache
@require_POST
@protection.fails_closed
def helpful_vote(request, section, slug):
    """A reader's Yes/No on an article: back to the article with a thank-you, or JSON for helpful.js."""
    article = get_object_or_404(Article.objects.published().select_related("section"), section__slug=section, slug=slug)
    as_json = protection.wants_json(request)
    if not protection.is_same_origin(request):
        if as_json:
            return JsonResponse({"error": "cross_origin"}, status=403)
        return render(request, "donations/helpful_refused.html", {"article": article}, status=403)
    retry_after = protection.hit(request, "helpful")
    if retry_after:
        return protection.too_many_requests(request, retry_after)
    form = HelpfulVoteForm(request.POST)
    if not form.is_valid():
        if as_json:
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        return see_other(f"{article.get_absolute_url()}?helpful=invalid#helpful")
    is_helpful = form.cleaned_data["vote"] == "yes"
    feedback = form.cleaned_data["feedback"]
    services.record_helpful_vote(
        article=article, voter_key=voter_key(request), is_helpful=is_helpful, feedback=feedback
    )
    # After a No without feedback, ask what could be better; otherwise, thanks.
    state = "no" if not is_helpful and not feedback else "thanks"
    if as_json:
        return JsonResponse({"state": state})
    return see_other(f"{article.get_absolute_url()}?helpful={state}#helpful")
