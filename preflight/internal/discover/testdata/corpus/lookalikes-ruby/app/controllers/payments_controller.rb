require 'httparty'

class PaymentsController < ApplicationController
  def create
    redirect_to StripeCheckout.new.start(current_order), allow_other_host: true
  end

  def refund
    payment = Payment.find(params[:id])
    payment.refund_payment(params[:amount])
    # CHECKOUT_API.payments.refund_payment(payment.checkout_id)
    # HTTParty.post("https://api.checkout.com/payments/#{payment.checkout_id}/refunds")
    Rails.logger.info("no longer refunding through https://api.checkout.com/payments/#{payment.id}/refunds")
    head :no_content
  end

  def capture
    payment = Payment.find(params[:id])
    payment.capture_payment
    HTTParty.post("https://checkout.shop.example.com/payments/#{payment.id}/captures")
    HTTParty.get('https://api.example.com/checkout/payments')
    head :accepted
  end
end
