require 'paypal-checkout-sdk'
require 'httparty'

class PaypalCheckout
  include PayPalCheckoutSdk::Orders
  include PayPalCheckoutSdk::Payments

  def client
    env = PayPal::SandboxEnvironment.new(ENV['PAYPAL_CLIENT_ID'], ENV['PAYPAL_CLIENT_SECRET'])
    PayPal::PayPalHttpClient.new(env)
  end

  def refund_capture(capture_id)
    client.execute(CapturesRefundRequest.new(capture_id))
  end

  def refund_raw(capture_id, token)
    HTTParty.post("https://api-m.sandbox.paypal.com/v2/payments/captures/#{capture_id}/refund", headers: { 'Authorization' => "Bearer #{token}" })
  end
end
