from django.urls import path

from donations.newsletters import views

app_name = "newsletters"

# Under each language's prefix (/newsletter/, /es/newsletter/): the links in mails carry the reader's language.
urlpatterns = [
    path("newsletter/", views.signup, name="signup"),
    path("newsletter/sent/", views.sent, name="sent"),
    path("newsletter/token/", views.form_token, name="form-token"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
