# frozen_string_literal: true

class PaymentService
  def initialize(api = CHECKOUT_API)
    @api = api
  end

  def charge(order, token)
    request = CheckoutSdk::Payments::PaymentRequest.new
    request.source = CheckoutSdk::Payments::TokenSource.new.tap { |s| s.token = token }
    request.amount = order.total_cents
    request.currency = order.currency
    request.reference = order.number
    request.processing_channel_id = ENV.fetch('CKO_CHANNEL_ID')
    @api.payments.request_payment(request) # want: POST /payments
  end

  def details(payment_id)
    @api.payments.get_payment_details(payment_id) # want: GET /payments/{}
  end

  def capture(payment_id, amount)
    capture_request = CheckoutSdk::Payments::CaptureRequest.new
    capture_request.amount = amount
    @api.payments.capture_payment( # want: POST /payments/{}/captures
      payment_id,
      capture_request,
      "capture-#{payment_id}"
    )
  end

  def refund(payment_id, amount)
    refund_request = CheckoutSdk::Payments::RefundRequest.new
    refund_request.amount = amount
    Rails.logger.info("POST https://api.checkout.com/payments/#{payment_id}/refunds")
    @api.payments
        .refund_payment(payment_id, refund_request) # want: POST /payments/{}/refunds
  end

  def void(payment_id)
    # @api.payments.void_payment(payment_id, nil)
    @api.payments.void_payment(payment_id, CheckoutSdk::Payments::VoidRequest.new) # want: POST /payments/{}/voids
  end
end
