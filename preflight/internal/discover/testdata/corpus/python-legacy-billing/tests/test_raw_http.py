import responses

from billing import raw_http
from billing.settings import CKO_API


@responses.activate
def test_pay_posts_json():
    responses.add(responses.POST, "https://api.sandbox.checkout.com/payments", json={"id": "pay_1"}, status=201)
    assert raw_http.pay({"amount": 100})["id"] == "pay_1"


@responses.activate
def test_direct_lookup():
    import requests

    payment_id = "pay_1"
    responses.add(responses.GET, f"{CKO_API}/payments/{payment_id}", json={"id": payment_id})
    body = requests.get(f"{CKO_API}/payments/{payment_id}").json()  # want(tests): GET /payments/{}
    assert body["id"] == "pay_1"
