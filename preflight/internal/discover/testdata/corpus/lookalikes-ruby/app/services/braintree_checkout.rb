require 'braintree'

class BraintreeCheckout
  def checkout
    @checkout ||= Braintree::Gateway.new(
      environment: :sandbox,
      merchant_id: ENV['BT_MERCHANT_ID'],
      public_key: ENV['BT_PUBLIC_KEY'],
      private_key: ENV['BT_PRIVATE_KEY']
    )
  end

  def charge(nonce, amount)
    checkout.transaction.sale(amount: amount, payment_method_nonce: nonce, options: { submit_for_settlement: true })
  end

  def refund_payment(transaction_id)
    checkout.transaction.refund(transaction_id)
  end
end
