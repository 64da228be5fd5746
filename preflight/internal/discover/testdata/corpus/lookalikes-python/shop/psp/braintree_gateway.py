import braintree

# Our "cko" (checkout) gateway is Braintree.
cko = braintree.BraintreeGateway(
    braintree.Configuration(
        environment=braintree.Environment.Sandbox,
        merchant_id="merchant",
        public_key="public",
        private_key="private",
    )
)


def charge(nonce: str, amount: str):
    return cko.transaction.sale({"amount": amount, "payment_method_nonce": nonce, "options": {"submit_for_settlement": True}})


def refund_payment(transaction_id: str):
    return cko.transaction.refund(transaction_id)
