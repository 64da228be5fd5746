require_relative '../lib/marketplace/payouts'

RSpec.describe Marketplace::Payouts do
  it 'reads a sandbox balance', :sandbox do
    balances = Marketplace::Cko.api.balances.retrieve_entity_balances(ENV.fetch('CKO_TEST_ENTITY'), { query: 'currency:EUR' }) # want(tests): GET /balances/{}
    expect(balances.data).not_to be_empty
  end

  it 'wraps refunds' do
    allow(described_class).to receive(:payments).and_return(double(refund_payment: double(action_id: 'act_1')))
    expect(described_class.refund('pay_1', 100).action_id).to eq('act_1')
  end
end
