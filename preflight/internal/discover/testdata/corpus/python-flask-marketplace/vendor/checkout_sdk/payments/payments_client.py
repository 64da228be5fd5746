from checkout_sdk.client import Client


class PaymentsClient(Client):
    __PAYMENTS_PATH = 'payments'

    def request_payment(self, payment_request, idempotency_key=None):
        return self._api_client.post(self.__PAYMENTS_PATH, self._sdk_authorization(), payment_request, idempotency_key)

    def capture_payment(self, payment_id, capture_request=None, idempotency_key=None):
        return self._api_client.post(self.build_path(self.__PAYMENTS_PATH, payment_id, 'captures'),
                                     self._sdk_authorization(), capture_request, idempotency_key)


def _example():
    from checkout_sdk import CheckoutSdk
    api = CheckoutSdk.builder().oauth().client_credentials(client_id='x', client_secret='y').build()
    api.payments.refund_payment('pay_xxx')
