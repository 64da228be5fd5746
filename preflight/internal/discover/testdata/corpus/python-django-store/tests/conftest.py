import os

import pytest

from checkout_sdk import CheckoutSdk
from checkout_sdk.environment import Environment
from checkout_sdk.oauth_scopes import OAuthScopes


@pytest.fixture(scope="session")
def sandbox_api():
    return (
        CheckoutSdk.builder()  # want(tests): POST /connect/token
        .oauth()
        .client_credentials(client_id=os.environ["CKO_SANDBOX_CLIENT_ID"], client_secret=os.environ["CKO_SANDBOX_CLIENT_SECRET"])
        .scopes([OAuthScopes.GATEWAY, OAuthScopes.VAULT])
        .environment(Environment.sandbox())
        .build()
    )
