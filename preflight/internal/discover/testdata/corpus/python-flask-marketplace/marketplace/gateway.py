from checkout_sdk.payments.payments import PaymentsQueryFilter, PaymentsSearchRequest, RefundRequest, ReverseRequest
from checkout_sdk.payments.payments_client import PaymentsClient

from marketplace.cko import api


class PaymentGateway:
    """The marketplace's payment operations, on top of Checkout.com's PaymentsClient."""

    def __init__(self, payments: PaymentsClient) -> None:
        self._payments = payments

    def refund_payment(self, payment_id: str, amount: int) -> str:
        request = RefundRequest()
        request.amount = amount
        response = self._payments.refund_payment(payment_id, request)  # want: POST /payments/{}/refunds
        return response.action_id

    def reverse(self, payment_id: str) -> None:
        self._payments.reverse_payment(payment_id, ReverseRequest())  # want: POST /payments/{}/reversals

    def top_up(self, payment_id: str, amount: int) -> None:
        self._payments.increment_payment_authorization(payment_id, {"amount": amount})  # want: POST /payments/{}/authorizations

    def by_reference(self, reference: str):
        query = PaymentsQueryFilter()
        query.reference = reference
        return self._payments.get_payments_list(query)  # want: GET /payments

    def search(self, text: str):
        search = PaymentsSearchRequest()
        search.query = text
        return self._payments.search_payments(search)  # want: POST /payments/search


gateway = PaymentGateway(api.payments)
