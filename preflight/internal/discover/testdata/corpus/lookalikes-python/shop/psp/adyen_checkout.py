import Adyen

adyen = Adyen.Adyen()
adyen.payment.client.xapikey = "placeholder"
adyen.payment.client.platform = "test"


def pay(amount: int, method: dict, reference: str):
    return adyen.checkout.payments_api.payments(
        {
            "amount": {"value": amount, "currency": "EUR"},
            "paymentMethod": method,
            "reference": reference,
            "merchantAccount": "ShopECOM",
            "returnUrl": "https://shop.example.com/return",
        }
    )


def refund(psp_reference: str, amount: int):
    return adyen.checkout.modifications_api.refund_captured_payment(
        {"amount": {"value": amount, "currency": "EUR"}, "merchantAccount": "ShopECOM"}, psp_reference
    )
