require 'rails_helper'

RSpec.describe 'Checkout.com sandbox', :integration do
  let(:api) do
    CheckoutSdk.builder
               .static_keys
               .with_secret_key(ENV.fetch('CKO_SANDBOX_SECRET_KEY'))
               .with_environment(CheckoutSdk::Environment.sandbox)
               .build
  end

  it 'pays and captures' do
    payment = api.payments.request_payment({ source: { type: 'card', number: '4242424242424242', expiry_month: 6, expiry_year: 2030 }, amount: 100, currency: 'EUR', capture: false }) # want(tests): POST /payments
    api.payments.capture_payment(payment.id) # want(tests): POST /payments/{}/captures
    expect(api.payments.get_payment_actions(payment.id).size).to eq(2) # want(tests): GET /payments/{}/actions
  end
end
