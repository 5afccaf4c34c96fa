from django.urls import path

from donations.prompts import views

app_name = "prompts"

# One address whatever the language (the page's language travels as ?lang=): included outside the prefixes.
urlpatterns = [
    path("prompts/<int:pk>/seen.gif", views.seen, name="seen"),
    path("prompts/<int:pk>/go/", views.go, name="go"),
]
