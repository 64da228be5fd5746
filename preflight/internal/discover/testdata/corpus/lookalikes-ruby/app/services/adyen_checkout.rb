require 'adyen-ruby-api-library'

class AdyenCheckout
  def initialize
    @adyen = Adyen::Client.new(api_key: ENV['ADYEN_API_KEY'], env: :test)
  end

  def pay(amount, method, reference)
    @adyen.checkout.payments_api.payments(
      amount: { value: amount, currency: 'EUR' },
      paymentMethod: method,
      reference: reference,
      merchantAccount: 'ShopECOM',
      returnUrl: 'https://shop.example.com/return'
    )
  end

  def refund(psp_reference, amount)
    @adyen.checkout.modifications_api.refund_captured_payment({ amount: { value: amount, currency: 'EUR' }, merchantAccount: 'ShopECOM' }, psp_reference)
  end
end
