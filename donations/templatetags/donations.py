"""Template tags of the donations app: the helpful-vote widget and amounts as readers read them."""

from django import template
from django.urls import reverse
from django.utils import translation

from donations.forms import format_amount

register = template.Library()

# What the article page shows in the widget, from ?helpful= after a vote without JavaScript.
HELPFUL_STATES = {"thanks", "no", "invalid"}


@register.inclusion_tag("donations/helpful.html", takes_context=True)
def helpful_vote(context, article):
    """The "Was this content helpful?" widget of `article`: a plain form posted to its helpful/ address.

    The same for every reader (no token, no cookie), so the article page stays cacheable; the state
    after a vote comes from the address the vote redirects to.
    """
    if context.get("preview"):
        # A staff preview of an unpublished article: nothing to vote on yet.
        return {"hidden": True}
    request = context.get("request")
    state = request.GET.get("helpful", "") if request is not None else ""
    with translation.override(article.language):
        action = reverse("donations:helpful-vote", kwargs={"section": article.section.slug, "slug": article.slug})
    return {"action": action, "state": state if state in HELPFUL_STATES else ""}


@register.filter
def money(amount, currency):
    """`{{ donation.amount|money:donation.currency }}`: 1,000 USD; 12.50 EUR."""
    return format_amount(amount, currency)
