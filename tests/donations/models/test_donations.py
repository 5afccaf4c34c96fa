from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from donations.models import Comment, Donation, HelpfulVote
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def make_donation(**fields):
    fields.setdefault("amount", Decimal("25.00"))
    fields.setdefault("donor_name", "Marta Gómez")
    fields.setdefault("email", "marta@example.org")
    return Donation.objects.create(**fields)


def test_a_donation_gets_a_unique_reference_and_starts_as_a_pledge():
    one, two = make_donation(), make_donation()
    assert one.reference != two.reference
    assert one.status == Donation.Status.PLEDGED
    assert one.provider == Donation.Provider.PLEDGE


def test_the_database_refuses_a_zero_or_negative_amount():
    for amount in (Decimal("0"), Decimal("-5")):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_donation(amount=amount)


def test_forms_refuse_amounts_under_the_minimum():
    donation = Donation(amount=Decimal("0.50"), donor_name="A", email="a@example.org")
    with pytest.raises(ValidationError) as error:
        donation.full_clean()
    assert "amount" in error.value.message_dict


def test_a_provider_payment_is_recorded_once():
    make_donation(provider=Donation.Provider.STRIPE, provider_reference="cs_test_123")
    make_donation(provider=Donation.Provider.STRIPE, provider_reference="")
    make_donation(provider=Donation.Provider.STRIPE, provider_reference="")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_donation(provider=Donation.Provider.STRIPE, provider_reference="cs_test_123")


def test_one_helpful_vote_per_reader_per_article():
    article = make_article()
    HelpfulVote.objects.create(article=article, is_helpful=True, voter_key="reader-1")
    HelpfulVote.objects.create(article=make_article(), is_helpful=False, voter_key="reader-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpfulVote.objects.create(article=article, is_helpful=False, voter_key="reader-1")


def test_comments_start_new_and_keep_the_readers_text_as_typed():
    article = make_article()
    comment = Comment.objects.create(
        article=article, name="Pedro", email="pedro@example.org", message="<b>Great</b> work & thanks"
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.NEW
    assert comment.message == "<b>Great</b> work & thanks"
    assert comment.get_absolute_url() == article.get_absolute_url()
