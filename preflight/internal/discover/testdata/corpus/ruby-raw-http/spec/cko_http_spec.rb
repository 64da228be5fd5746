require_relative '../lib/cko_http'

RSpec.describe CkoHttp, :sandbox do
  it 'lists sandbox payments by reference' do
    res = HTTParty.get("#{CkoHttp::CKO_API}/payments", query: { reference: 'smoke' }, headers: CkoHttp.headers) # want(tests): GET /payments
    expect(res.code).to eq(200)
  end
end
