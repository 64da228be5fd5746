require 'stripe'

class StripeCheckout
  def start(order)
    session = Stripe::Checkout::Session.create(
      mode: 'payment',
      line_items: order.lines.map { |l| { price: l.price_id, quantity: l.qty } },
      success_url: 'https://shop.example.com/ok',
      cancel_url: 'https://shop.example.com/cancel'
    )
    session.url
  end

  def refund(session_id)
    checkout = Stripe::Checkout::Session.retrieve(session_id)
    Stripe::Refund.create(payment_intent: checkout.payment_intent)
  end
end
