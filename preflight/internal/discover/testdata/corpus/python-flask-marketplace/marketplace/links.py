from checkout_sdk.forward.forward import CreateSecretRequest
from checkout_sdk.payments.hosted.hosted_payments import HostedPaymentsSessionRequest
from checkout_sdk.payments.links.payments_links import PaymentLinkRequest

from marketplace.cko import api

links = api.payments_links
hosted = api.hosted_payments


def pay_by_link(amount: int, currency: str, reference: str) -> str:
    request = PaymentLinkRequest()
    request.amount = amount
    request.currency = currency
    request.reference = reference
    link = links.create_payment_link(request)  # want: POST /payment-links
    return link.links["redirect"]["href"]


def link_status(link_id: str) -> str:
    return links.get_payment_link(link_id).status  # want: GET /payment-links/{}


def hosted_page(amount: int, currency: str) -> str:
    request = HostedPaymentsSessionRequest()
    request.amount = amount
    request.currency = currency
    page = hosted.create_hosted_payments_page_session(request)  # want: POST /hosted-payments
    return hosted.get_hosted_payments_page_details(page.id).status  # want: GET /hosted-payments/{}


def vault_secret(name: str, value: str) -> None:
    secret = CreateSecretRequest()
    secret.name = name
    secret.value = value
    api.forward.create_secret(secret)  # want: POST /forward/secrets


def forwarded(forward_id: str):
    return api.forward.get(forward_id)  # want: GET /forward/{}
