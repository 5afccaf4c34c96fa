"""The demo's donors (seed_demo's donations/demo.py): every monthly status, renewals, a failure, pledge
histories, lifetime totals; and running it again leaves the same rows."""

from decimal import Decimal

import pytest
from django.utils import timezone

from donations.demo import seed_donors
from donations.giving import services as giving_services
from donations.giving.models import DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (Donation, MonthlyGift, MonthlyPayment, DonationChange)]


def test_the_demo_donors_show_every_status_and_their_history(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    seed_donors(now=timezone.now(), staff=editor)
    first = counts()
    seed_donors(now=timezone.now(), staff=editor)
    assert counts() == first

    assert set(MonthlyGift.objects.values_list("status", flat=True)) == {"active", "past_due", "cancelled"}
    assert MonthlyGift.objects.exclude(cancels_at=None).count() == 1
    assert MonthlyPayment.objects.filter(status="failed").count() == 1
    assert set(Donation.objects.filter(provider="pledge").values_list("status", flat=True)) == {
        "paid",
        "refunded",
        "cancelled",
        "pledged",
    }
    assert set(Donation.objects.values_list("language", flat=True)) == {"en", "es"}
    assert DonationChange.objects.filter(action="amount_changed").exists()
    assert DonationChange.objects.filter(action="card_updated").exists()
    assert DonationChange.objects.filter(user=editor, action="marked_paid").exists()
    _entries, totals = giving_services.donor_history("ana.beltran@example.org")
    assert totals == {"USD": Decimal("90")}

    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw"))
    listing = client.get("/admin/donations/donation/", {"monthly_gift__status": "past_due"}).content.decode()
    assert "Joaquín Reyes Madrigal" in listing
    assert "Ana Beltrán" not in listing
