class Payment < ApplicationRecord
  belongs_to :order

  # Local bookkeeping only; the API call is PaymentService#refund.
  def refund!(amount)
    update!(refunded_amount: refunded_amount + amount, state: 'refunded')
  end

  def capture!
    update!(state: 'captured')
  end
end
