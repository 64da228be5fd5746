from checkout_sdk.events.events import RetrieveEventsRequest
from checkout_sdk.payments.payments_previous import PaymentRequest, RequestIdSource
from checkout_sdk.reconciliation.reconciliation import ReconciliationQueryPaymentsFilter
from checkout_sdk.tokens.tokens import CardTokenRequest
from checkout_sdk.webhooks.webhooks import WebhookRequest

from billing.cko_previous import previous_api as api


def charge_stored_card(source_id: str, amount: int, currency: str):
    source = RequestIdSource()
    source.id = source_id
    request = PaymentRequest()
    request.source = source
    request.amount = amount
    request.currency = currency
    payment = api.payments.request_payment(request)  # want: POST /payments
    return api.payments.get_payment_actions(payment.id)  # want: GET /payments/{}/actions


def refund(payment_id: str):
    return api.payments.refund_payment(payment_id)  # want: POST /payments/{}/refunds


def tokenize(number: str, month: int, year: int) -> str:
    request = CardTokenRequest()
    request.number = number
    request.expiry_month = month
    request.expiry_year = year
    return api.tokens.request_card_token(request).token  # want: POST /tokens


def ensure_webhook(url: str) -> None:
    hooks = api.webhooks.retrieve_webhooks()  # want: GET /webhooks
    for hook in hooks.items:
        if hook.url != url:
            api.webhooks.remove_webhook(hook.id)  # want: DELETE /webhooks/{}
    request = WebhookRequest()
    request.url = url
    request.event_types = ["payment_captured", "payment_refunded"]
    api.webhooks.register_webhook(request)  # want: POST /webhooks


def replay_failed(since) -> int:
    query = RetrieveEventsRequest()
    query.from_ = since
    events = api.events.retrieve_events(query)  # want: GET /events
    for event in events.data:
        detail = api.events.retrieve_event(event.id)  # want: GET /events/{}
        for notification in detail.notifications:
            if not notification.success:
                api.events.retry_webhook(event.id, notification.webhook_id)  # want: POST /events/{}/webhooks/{}/retry
    return len(events.data)


def monthly_report(start, end):
    query = ReconciliationQueryPaymentsFilter()
    query.from_ = start
    query.to = end
    return api.reconciliation.query_payments_report(query)  # want: GET /reporting/payments


def sepa_mandate(source_request):
    return api.sources.create_sepa_source(source_request)  # want: POST /sources


def disputes_backlog():
    return api.disputes.query(None)  # want: GET /disputes
