"""Template tags for the newsroom's identity on reader pages: the footer, the colours and the home page's
JSON-LD. Their data comes from articles/identity.py, read once per content version."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from articles import structured_data
from articles.identity import footer_pages, policy_links, site_identity, site_pages
from articles.models import Page
from articles.models.site import DEFAULT_ACCENT
from articles.templatetags.newsroom import site_sections

register = template.Library()


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """The footer: sections, the newsroom's pages, support and social links, the note, address and licence.
    No query once the sections, identity and pages are in the fragment cache."""
    request = context.get("request")
    identity = site_identity(request)
    return {
        "request": request,
        "identity": identity,
        "sections": site_sections(request),
        "pages": footer_pages(request),
        "republishing": next((page for page in site_pages(request) if page.kind == Page.Kind.REPUBLISHING), None),
        "licence_url": identity.licence_url(get_language()),
        "year": timezone.localdate().year,
    }


@register.simple_tag(takes_context=True)
def identity_stylesheet_needed(context):
    """True when an editor has set colours other than the site's own, so the page links /identity.css."""
    identity = site_identity(context.get("request"))
    return identity.accent_color != DEFAULT_ACCENT or bool(identity.accent_hover_color)


@register.simple_tag(takes_context=True)
def organization_data(context):
    """The newsroom as a schema.org NewsMediaOrganization, with its policy pages, for the home page."""
    request = context.get("request")
    return structured_data.news_media_organization(site_identity(request), policy_links(request))
