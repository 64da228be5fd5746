import stripe

stripe.api_key = "sk_test_placeholder"


def start(cart) -> str:
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=[{"price": line.price_id, "quantity": line.qty} for line in cart.lines],
        success_url="https://shop.example.com/ok",
        cancel_url="https://shop.example.com/cancel",
    )
    return session.url


def refund(session_id: str):
    checkout = stripe.checkout.Session.retrieve(session_id)
    return stripe.Refund.create(payment_intent=checkout.payment_intent)
