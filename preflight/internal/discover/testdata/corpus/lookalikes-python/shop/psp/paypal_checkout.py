from paypalcheckoutsdk.core import PayPalHttpClient, SandboxEnvironment
from paypalcheckoutsdk.orders import OrdersCreateRequest
from paypalcheckoutsdk.payments import CapturesRefundRequest
import requests

checkout = PayPalHttpClient(SandboxEnvironment(client_id="id", client_secret="secret"))


def create_order(total: str) -> str:
    request = OrdersCreateRequest()
    request.request_body({"intent": "CAPTURE", "purchase_units": [{"amount": {"currency_code": "EUR", "value": total}}]})
    return checkout.execute(request).result.id


def refund_payment(capture_id: str):
    return checkout.execute(CapturesRefundRequest(capture_id))


def refund_raw(capture_id: str, token: str):
    return requests.post(f"https://api-m.sandbox.paypal.com/v2/payments/captures/{capture_id}/refund", headers={"Authorization": f"Bearer {token}"})
