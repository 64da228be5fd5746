"""Nightly job: python manage.py sync_checkout."""
from store.checkout_client import cko
from store.services.disputes import fees_for, open_disputes


def run() -> None:
    for dispute in open_disputes(cko.disputes):
        print(dispute.id, fees_for(cko.financial, dispute.payment_id))
