import os

from checkout_sdk import CheckoutSdk
from checkout_sdk.environment import Environment
from checkout_sdk.oauth_scopes import OAuthScopes

api = (
    CheckoutSdk.builder()  # want: POST /connect/token
    .oauth()
    .client_credentials(client_id=os.environ["CKO_CLIENT_ID"], client_secret=os.environ["CKO_CLIENT_SECRET"])
    .scopes([OAuthScopes.ACCOUNTS, OAuthScopes.GATEWAY, OAuthScopes.PAYOUTS_BANK_DETAILS, OAuthScopes.TRANSFERS, OAuthScopes.BALANCES_VIEW])
    .environment(Environment.production() if os.environ.get("CKO_LIVE") else Environment.sandbox())
    .environment_subdomain(os.environ["CKO_PREFIX"])
    .build()
)
