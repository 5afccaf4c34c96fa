"""Template tags for newsletter signup boxes and prompts. Both are the same for every reader (no token, no
cookie, nothing read from the session), so the pages that hold them stay in the page cache."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.templatetags.newsroom import _top_level_paragraph_ends
from donations.newsletters.forms import CONSENT_TEXT
from donations.prompts.selection import prompts_for

register = template.Library()


@register.inclusion_tag("donations/newsletters/includes/signup_box.html", takes_context=True)
def newsletter_box(context, placement):
    """The short signup form: an email field that subscribes to the lists marked "in the short forms".
    `placement` (home, article, footer) is recorded with the consent and keeps the ids on a page unique."""
    request = context.get("request")
    return {
        "placement": placement,
        "page": request.path if request is not None else "",
        "consent_text": CONSENT_TEXT,
        "hidden": bool(context.get("preview")),
    }


def _render(prompt, *, preview=False, article=None):
    language = get_language()
    heading, text, button = prompt.texts(language)
    query = f"?lang={language}" + (f"&article={article.pk}" if article is not None else "")
    return render_to_string(
        "donations/prompts/prompt.html",
        {
            "prompt": prompt,
            "heading": heading,
            "text": text,
            "button": button,
            "go_url": reverse("prompts:go", kwargs={"pk": prompt.pk}) + query,
            # Staff previews are not readers' views.
            "seen_url": "" if preview else reverse("prompts:seen", kwargs={"pk": prompt.pk}),
        },
    )


@register.simple_tag(takes_context=True)
def prompt_banner(context):
    """The site-wide banner prompt, on the reader pages that the page cache serves (not on forms)."""
    request = context.get("request")
    if request is None or getattr(request, "public_page", None) is None:
        return ""
    prompt = prompts_for(request).get("banner")
    return mark_safe(_render(prompt)) if prompt else ""  # noqa: S308 - our template's output


@register.simple_tag(takes_context=True)
def end_of_article_prompt(context, article):
    prompt = prompts_for(context.get("request")).get("end-of-article")
    if prompt is None:
        return ""
    return mark_safe(_render(prompt, preview=bool(context.get("preview")), article=article))  # noqa: S308


@register.simple_tag(takes_context=True)
def with_in_article_prompt(context, body, article):
    """`body` (the article's HTML) with the in-article prompt after its paragraph N, counted as the SEE
    ALSO callouts are (top-level paragraphs); at the end of the body when it has fewer paragraphs."""
    prompt = prompts_for(context.get("request")).get("in-article")
    if prompt is None:
        return body
    html = _render(prompt, preview=bool(context.get("preview")), article=article)
    for number, end in enumerate(_top_level_paragraph_ends(body), start=1):
        if number == prompt.after_paragraph:
            return mark_safe(body[:end] + html + body[end:])  # noqa: S308 - sanitized body and our template
    return format_html("{}{}", body, mark_safe(html))  # noqa: S308
