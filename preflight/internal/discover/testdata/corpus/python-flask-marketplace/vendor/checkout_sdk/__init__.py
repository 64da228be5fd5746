from checkout_sdk.checkout_sdk import CheckoutSdk  # noqa: F401
