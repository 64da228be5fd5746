class PaymentManager:
    def __init__(self, order):
        self.order = order

    def refund_payment(self, amount=None):
        self.order.refunded = amount or self.order.total

    def capture_payment(self):
        self.order.status = "captured"


class Order:
    def __init__(self, total):
        self.total = total
        self.refunded = 0
        self.status = "authorized"
        self.payments = PaymentManager(self)


class CheckoutSdk:
    """Our own checkout-flow builder (cart -> order); unrelated to Checkout.com."""

    @staticmethod
    def builder():
        return CheckoutSdk()

    def oauth(self):
        return self

    def build(self):
        return Order(0)
