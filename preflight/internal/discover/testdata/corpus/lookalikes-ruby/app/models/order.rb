class Order < ApplicationRecord
  has_many :payments

  def refund_all!
    payments.each(&:refund_payment)
    payments.last&.refund_payment(total)
  end
end
