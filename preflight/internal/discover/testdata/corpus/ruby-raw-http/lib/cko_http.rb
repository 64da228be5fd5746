# frozen_string_literal: true

require 'net/http'
require 'json'
require 'faraday'
require 'httparty'
require 'logger'

module CkoHttp
  CKO_API = ENV['CKO_LIVE'] ? 'https://api.checkout.com' : 'https://api.sandbox.checkout.com'
  ALLOWED_HOSTS = %w[api.checkout.com api.sandbox.checkout.com access.checkout.com].freeze
  LOG = Logger.new($stdout)

  module_function

  def headers
    { 'Authorization' => "Bearer #{ENV.fetch('CKO_SECRET_KEY')}", 'Content-Type' => 'application/json' }
  end

  def refund(payment_id, amount)
    uri = URI("#{CKO_API}/payments/#{payment_id}/refunds") # want: POST /payments/{}/refunds
    req = Net::HTTP::Post.new(uri, headers)
    req.body = { amount: amount }.to_json
    LOG.info("refund sent to https://api.checkout.com/payments/#{payment_id}/refunds")
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end

  def actions(payment_id)
    uri = URI(CKO_API + '/payments/' + payment_id + '/actions') # want: GET /payments/{}/actions
    JSON.parse(Net::HTTP.get(uri, headers))
  end

  def void(payment_id)
    uri = URI(format('%s/payments/%s/voids', CKO_API, payment_id)) # want: POST /payments/{}/voids
    res = Net::HTTP.post(uri, '{}', headers)
    raise "POST #{CKO_API}/payments/#{payment_id}/voids failed: #{res.code}" unless res.is_a?(Net::HTTPSuccess)

    res
  end

  def conn
    @conn ||= Faraday.new(url: CKO_API, headers: headers) do |f|
      f.request :json
      f.response :json
    end
  end

  def pay(body)
    conn.post('/payments', body).body # want: POST /payments
  end

  def details(payment_id)
    conn.get("/payments/#{payment_id}").body # want: GET /payments/{}
  end

  def rename_customer(customer_id, name)
    conn.patch("/customers/#{customer_id}", { name: name }) # want: PATCH /customers/{}
  end

  def merchant_disputes(prefix)
    HTTParty.get("https://#{prefix}.api.checkout.com/disputes?limit=50", headers: headers) # want: GET /disputes
  end

  def token(client_id, client_secret)
    HTTParty.post('https://access.checkout.com/connect/token', # want: POST /connect/token
                  body: { grant_type: 'client_credentials', client_id: client_id, client_secret: client_secret, scope: 'gateway' })
  end

  def upload_evidence(path)
    HTTParty.post('https://files.checkout.com/files', body: { file: File.open(path), purpose: 'dispute_evidence' }, headers: { 'Authorization' => headers['Authorization'] }) # want: POST /files
  end

  def balances(entity_id)
    HTTParty.get("https://balances.checkout.com/balances/#{entity_id}", query: { query: 'currency:EUR' }, headers: headers) # want: GET /balances/{}
  end

  def transfer(body, key)
    Net::HTTP.post(URI('https://transfers.sandbox.checkout.com/transfers'), body.to_json, headers.merge('Cko-Idempotency-Key' => key)) # want: POST /transfers
  end

  def stripe_refund(charge)
    HTTParty.post('https://api.stripe.com/v1/refunds', body: { charge: charge })
  end
end
