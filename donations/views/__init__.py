"""Reader pages (donate, thank-you, comments), the helpful vote, and the endpoints that other machines
call: the payment provider's webhook and the republishing pixel. Monthly giving, newsletters and prompts
have their views in their own packages."""

from donations.views.donations import donate, donation_thanks, see_other, stripe_webhook
from donations.views.feedback import comment_sent, helpful_vote, voter_key, write_comment
from donations.views.republishing import PIXEL, republished_pixel

__all__ = [
    "see_other",
    "donate",
    "donation_thanks",
    "stripe_webhook",
    "write_comment",
    "comment_sent",
    "voter_key",
    "helpful_vote",
    "PIXEL",
    "republished_pixel",
]
