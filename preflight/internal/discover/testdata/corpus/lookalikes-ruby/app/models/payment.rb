class Payment < ApplicationRecord
  belongs_to :order

  def refund_payment(amount = nil)
    update!(refunded: amount || total)
  end

  def capture_payment
    update!(state: 'captured')
  end
end
