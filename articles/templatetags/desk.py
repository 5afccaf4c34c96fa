"""Template tags for the admin: the desk on the index page (articles/desk.py), and people's names."""

from django import template
from django.conf import settings
from django.urls import reverse

from articles import desk

register = template.Library()


@register.inclusion_tag("admin/desk/dashboard.html", takes_context=True)
def desk_dashboard(context):
    """Every block of the desk for the signed-in user, each rendered by its own template, and the way to
    the editorial calendar."""
    request = context["request"]
    calendar_url = reverse("admin:articles_article_calendar") if request.user.has_perm("articles.view_article") else ""
    return {
        "blocks": desk.blocks(request),
        "request": request,
        "TIME_ZONE": settings.TIME_ZONE,
        "calendar_url": calendar_url,
    }


@register.filter
def person(user):
    """A staff member as colleagues call them: full name, else username; "–" for nobody."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()
