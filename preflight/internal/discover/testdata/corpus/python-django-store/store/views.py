import logging

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from checkout_sdk.payments.payments import CaptureRequest, PaymentRequest, RefundRequest, RequestTokenSource, VoidRequest

from store.checkout_client import cko
from store.models import Payment

log = logging.getLogger(__name__)


@require_POST
def pay(request):
    source = RequestTokenSource()
    source.token = request.POST["token"]
    payment_request = PaymentRequest()
    payment_request.source = source
    payment_request.amount = int(request.POST["amount"])
    payment_request.currency = request.POST["currency"]
    payment_request.reference = request.POST["order_id"]
    response = cko.payments.request_payment(payment_request)  # want: POST /payments
    Payment.objects.create(order_id=request.POST["order_id"], checkout_payment_id=response.id, amount=payment_request.amount)
    return JsonResponse({"id": response.id, "status": response.status})


def payment_detail(request, payment_id):
    details = cko.payments.get_payment_details(payment_id)  # want: GET /payments/{}
    actions = cko.payments.get_payment_actions(payment_id)  # want: GET /payments/{}/actions
    return JsonResponse({"status": details.status, "actions": len(actions.items)})


@require_POST
def capture(request, payment_id):
    capture_request = CaptureRequest()
    capture_request.amount = int(request.POST["amount"])
    capture_request.reference = f"capture-{payment_id}"
    response = cko.payments.capture_payment(  # want: POST /payments/{}/captures
        payment_id,
        capture_request,
        idempotency_key=f"cap-{payment_id}",
    )
    return JsonResponse({"action_id": response.action_id})


@require_POST
def refund(request, payment_id):
    """Refunds through Checkout.com.

    Calls ``cko.payments.refund_payment(payment_id, RefundRequest())`` and then
    marks the local row with ``Payment.refund()``.
    """
    refund_request = RefundRequest()
    refund_request.amount = int(request.POST["amount"])
    log.info("POST https://api.checkout.com/payments/%s/refunds", payment_id)
    response = (
        cko.payments
        .refund_payment(payment_id, refund_request)  # want: POST /payments/{}/refunds
    )
    payment = Payment.objects.get(checkout_payment_id=payment_id)
    payment.refund(refund_request.amount)
    return JsonResponse({"action_id": response.action_id})


@require_POST
def void(request, payment_id):
    # cko.payments.void_payment(payment_id)  -- replaced by the request object below
    void_request = VoidRequest()
    void_request.reference = request.POST.get("reason", "void")
    cko.payments.void_payment(payment_id, void_request)  # want: POST /payments/{}/voids
    return JsonResponse({}, status=202)
