"""Template tags for the reader site."""

import re

from django import template
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.models import Section

register = template.Library()

PARAGRAPH_END = re.compile(r"</p>", re.IGNORECASE)


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    """The sections menu: one query, whatever the page."""
    return {"sections": Section.objects.all(), "request": context.get("request")}


@register.simple_tag
def body_with_see_also(article, see_also):
    """The article body with each SEE ALSO callout placed after its paragraph.

    `article.body` is sanitized on save; the callouts are rendered from our own template. A callout
    whose paragraph number is past the end of the body goes at the end.
    """
    callouts = {}
    for link in see_also:
        callouts.setdefault(link.after_paragraph, []).append(
            render_to_string("includes/see_also.html", {"linked": link.to_article})
        )
    if not callouts:
        return mark_safe(article.body)  # noqa: S308 - sanitized on save
    parts = PARAGRAPH_END.split(article.body)
    html = []
    for number, part in enumerate(parts, start=1):
        html.append(part)
        if number < len(parts):
            html.append("</p>")
            html.extend(callouts.pop(number, []))
    for remaining in callouts.values():
        html.extend(remaining)
    return mark_safe("".join(html))  # noqa: S308 - sanitized body plus our own template output


@register.simple_tag(takes_context=True)
def other_language_url(context, language):
    """This page in `language`: the paired translation of an article when there is one, else the same path."""
    translated = context.get("translation")
    if translated is not None and translated.language == language:
        return translated.get_absolute_url()
    request = context["request"]
    if context.get("article") is not None:
        # An article without a translation: the other language's home page.
        return translate_url("/", language) if language != "en" else "/"
    return translate_url(request.path, language)


@register.filter
def is_current_language(code):
    return code == get_language()
