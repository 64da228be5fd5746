"""Builds the one Checkout.com client the store uses."""
from django.conf import settings

from checkout_sdk import CheckoutSdk
from checkout_sdk.environment import Environment

cko = (
    CheckoutSdk.builder()
    .secret_key(settings.CKO_SECRET_KEY)
    .public_key(settings.CKO_PUBLIC_KEY)
    .environment(Environment.production() if settings.CKO_LIVE else Environment.sandbox())
    .environment_subdomain(settings.CKO_PREFIX)
    .build()
)
