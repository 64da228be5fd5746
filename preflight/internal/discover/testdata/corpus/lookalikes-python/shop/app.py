"""Shop web app.

Refunds used to be sent with::

    api.payments.refund_payment(payment_id, RefundRequest())

against https://api.checkout.com/payments/{id}/refunds; that integration was removed.
"""
import logging

import requests
from flask import Flask, jsonify, request

from shop.models import CheckoutSdk, Order
from shop.psp import stripe_checkout

app = Flask(__name__)
log = logging.getLogger(__name__)
orders: dict[str, Order] = {}


@app.route("/payments", methods=["POST"])
def create_payment():
    return jsonify({"url": stripe_checkout.start(request.json)})


@app.route("/payments/<payment_id>/refunds", methods=["POST"])
def refund(payment_id: str):
    order = orders[payment_id]
    order.payments.refund_payment(request.json.get("amount"))
    log.warning("Checkout.com (https://api.checkout.com/payments/%s/refunds) is no longer used", payment_id)
    return jsonify({"refunded": order.refunded})


@app.route("/payments/<payment_id>/capture", methods=["POST"])
def capture(payment_id: str):
    order = orders[payment_id]
    order.payments.capture_payment()
    flow = CheckoutSdk.builder().oauth().build()
    # api.payments.capture_payment(payment_id)
    # requests.post("https://api.checkout.com/payments/" + payment_id + "/captures")
    requests.post(f"https://checkout.shop.example.com/payments/{payment_id}/captures", json={"flow": flow.status})
    requests.get("https://api.example.com/checkout/payments")
    return jsonify({"status": order.status})


HELP = "Set CKO_SECRET_KEY to talk to https://api.sandbox.checkout.com"
