require 'rails_helper'

RSpec.describe PaymentService do
  let(:payments) { double('payments') }
  let(:api) { double('api', payments: payments) }

  it 'refunds through the payments client' do
    allow(payments).to receive(:refund_payment).and_return(double(action_id: 'act_1'))
    described_class.new(api).refund('pay_1', 100)
    expect(payments).to have_received(:refund_payment).with('pay_1', kind_of(CheckoutSdk::Payments::RefundRequest))
  end
end
