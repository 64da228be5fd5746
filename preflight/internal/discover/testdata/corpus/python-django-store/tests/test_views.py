from unittest import mock

from django.test import RequestFactory

from store import views


@mock.patch("store.views.cko")
def test_refund_calls_checkout(mock_cko, db):
    mock_cko.payments.refund_payment.return_value = mock.Mock(action_id="act_1")
    request = RequestFactory().post("/payments/pay_1/refund/", {"amount": "100"})
    with mock.patch.object(views.Payment.objects, "get"):
        views.refund(request, "pay_1")
    mock_cko.payments.refund_payment.assert_called_once()


def test_sandbox_customer_roundtrip(sandbox_api):
    from checkout_sdk.customers.customers import CustomerRequest

    request = CustomerRequest()
    request.email = "smoke@example.com"
    created = sandbox_api.customers.create(request)  # want(tests): POST /customers
    fetched = sandbox_api.customers.get(created.id)  # want(tests): GET /customers/{}
    assert fetched.email == "smoke@example.com"
