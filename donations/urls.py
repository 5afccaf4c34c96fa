from django.urls import path

from donations import views
from donations.giving import views as giving_views

app_name = "donations"

# Reader pages, under each language's prefix (/donate/, /es/donate/).
urlpatterns = [
    path("donate/", views.donate, name="donate"),
    path("donate/thanks/<uuid:reference>/", views.donation_thanks, name="donation-thanks"),
    path("donate/manage/", giving_views.manage_gift, name="manage-gift"),
    path("donate/manage/sent/", giving_views.manage_gift_sent, name="manage-gift-sent"),
    path("donate/manage/<str:token>/", giving_views.manage_gift_link, name="manage-gift-link"),
    path("comments/", views.write_comment, name="comment"),
    path("comments/sent/", views.comment_sent, name="comment-sent"),
    # The article's own address plus helpful/, as the article page's vote form posts it.
    path("news/<slug:section>/<slug:slug>/helpful/", views.helpful_vote, name="helpful-vote"),
]

# For other machines, one address whatever the language: included outside the language prefixes.
endpoints = (
    [
        path("webhooks/stripe/", views.stripe_webhook, name="stripe-webhook"),
        path("republished/<int:pk>.gif", views.republished_pixel, name="republished-pixel"),
    ],
    "donations-endpoints",
)
