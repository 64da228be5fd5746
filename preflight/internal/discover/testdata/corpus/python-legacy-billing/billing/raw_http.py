"""Direct calls to Checkout.com for the endpoints the old SDK lacked."""
import json
import logging
import urllib.request

import httpx
import requests

from billing import settings
from billing.settings import CKO_API

log = logging.getLogger(__name__)


def _headers() -> dict:
    return {"Authorization": settings.SECRET_KEY, "Content-Type": "application/json"}


def pay(body: dict) -> dict:
    response = requests.post(f"{CKO_API}/payments", json=body, headers=_headers(), timeout=10)  # want: POST /payments
    if response.status_code >= 400:
        raise RuntimeError(f"POST {CKO_API}/payments failed: {response.status_code}")
    return response.json()


def actions(payment_id: str) -> list:
    return requests.get(CKO_API + "/payments/" + payment_id + "/actions", headers=_headers()).json()  # want: GET /payments/{}/actions


def void(payment_id: str, reference: str) -> None:
    response = requests.post(
        f"{CKO_API}/payments/{payment_id}/voids",  # want: POST /payments/{}/voids
        json={"reference": reference},
        headers=_headers(),
    )
    response.raise_for_status()


def capture_all(payment_ids: list[str]) -> None:
    with requests.Session() as session:
        session.headers.update(_headers())
        for payment_id in payment_ids:
            session.request("POST", f"{CKO_API}/payments/{payment_id}/captures", json={})  # want: POST /payments/{}/captures


def accept_dispute(dispute_id: str) -> None:
    url = "{}/disputes/{}/accept".format(CKO_API, dispute_id)  # want: POST /disputes/{}/accept
    requests.post(url, headers=_headers()).raise_for_status()


async def refund(payment_id: str, amount: int) -> dict:
    async with httpx.AsyncClient(base_url="https://api.sandbox.checkout.com", headers=_headers()) as client:
        log.info("refund %s via https://api.sandbox.checkout.com/payments/%s/refunds", amount, payment_id)
        response = await client.post(f"/payments/{payment_id}/refunds", json={"amount": amount})  # want: POST /payments/{}/refunds
        return response.json()


def forget_customer(customer_id: str) -> int:
    req = urllib.request.Request(
        f"https://{settings.CKO_PREFIX}.api.checkout.com/customers/{customer_id}",  # want: DELETE /customers/{}
        headers=_headers(),
        method="DELETE",
    )
    with urllib.request.urlopen(req) as resp:
        return resp.status


def token(client_id: str, client_secret: str) -> str:
    response = requests.post(
        "https://access.checkout.com/connect/token",  # want: POST /connect/token
        data={"grant_type": "client_credentials", "scope": "gateway"},
        auth=(client_id, client_secret),
    )
    return response.json()["access_token"]


def upload_evidence(path: str) -> str:
    with open(path, "rb") as fh:
        response = requests.post("https://files.checkout.com/files", files={"file": fh}, data={"purpose": "dispute_evidence"}, headers={"Authorization": settings.SECRET_KEY})  # want: POST /files
    return response.json()["id"]


def balances(entity_id: str) -> dict:
    return httpx.get(f"https://balances.sandbox.checkout.com/balances/{entity_id}?query=currency:EUR", headers=_headers()).json()  # want: GET /balances/{}


def transfer(body: dict, key: str) -> dict:
    payload = json.dumps(body).encode()
    request = urllib.request.Request("https://transfers.checkout.com/transfers", data=payload, headers={**_headers(), "Cko-Idempotency-Key": key}, method="POST")  # want: POST /transfers
    with urllib.request.urlopen(request) as resp:
        return json.load(resp)
