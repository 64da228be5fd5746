from flask import Blueprint, jsonify, request

from marketplace.gateway import gateway

bp = Blueprint("payments", __name__, url_prefix="/payments")


@bp.route("/<payment_id>/refund", methods=["POST"])
def refund(payment_id: str):
    action_id = gateway.refund_payment(payment_id, int(request.form["amount"]))
    return jsonify({"action_id": action_id})


@bp.route("/search", methods=["POST"])
def search():
    return jsonify(gateway.search(request.form["q"]).data)
