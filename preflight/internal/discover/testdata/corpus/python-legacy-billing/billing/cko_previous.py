from checkout_sdk import CheckoutSdk
from checkout_sdk.environment import Environment

from billing import settings

previous_api = (
    CheckoutSdk.builder()
    .previous()
    .secret_key(settings.SECRET_KEY)
    .public_key("pk_test_" + "0" * 28)
    .environment(Environment.production() if settings.LIVE else Environment.sandbox())
    .build()
)
