import os

import pytest

from marketplace.cko import api

pytestmark = pytest.mark.skipif("CKO_CLIENT_ID" not in os.environ, reason="needs sandbox credentials")


def test_balances_are_visible():
    balances = api.balances.retrieve_entity_balances(os.environ["CKO_TEST_ENTITY"], None)  # want(tests): GET /balances/{}
    assert balances.data


def test_entity_requirements_listed():
    requirements = api.accounts.get_entity_requirements(os.environ["CKO_TEST_ENTITY"])  # want(tests): GET /accounts/entities/{}/requirements
    assert requirements is not None
