"""What readers and donors send us, one module per concept: donations, payment events, readers' feedback
and republications; monthly giving, newsletters and prompts live in their own packages
(donations/giving/, donations/newsletters/, donations/prompts/) and are registered with the app here.
"""

from donations.giving.models import AnnualReceipt, DonationChange, MonthlyGift, MonthlyPayment
from donations.models.donations import Donation, DonationQuerySet
from donations.models.feedback import Comment, HelpfulVote, HelpfulVoteQuerySet
from donations.models.payments import PaymentEvent
from donations.models.republishing import Republication
from donations.newsletters.models import NewsletterList, Subscription
from donations.prompts.models import Prompt

__all__ = [
    "AnnualReceipt",
    "Comment",
    "Donation",
    "DonationChange",
    "DonationQuerySet",
    "HelpfulVote",
    "HelpfulVoteQuerySet",
    "MonthlyGift",
    "MonthlyPayment",
    "NewsletterList",
    "PaymentEvent",
    "Prompt",
    "Republication",
    "Subscription",
]
