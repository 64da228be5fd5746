require_relative '../lib/billing/recurring'

RSpec.describe Billing::Recurring do
  it 'lists sandbox webhooks', :sandbox do
    expect(Billing::API.webhooks.retrieve_webhooks).to be_a(Array) # want(tests): GET /webhooks
  end

  it 'tokenizes a test card', :sandbox do
    token = Billing::API.tokens.request_token({ type: 'card', number: '4242424242424242', expiry_month: 6, expiry_year: 2030 }) # want(tests): POST /tokens
    expect(token.token).to start_with('tok_')
  end
end
