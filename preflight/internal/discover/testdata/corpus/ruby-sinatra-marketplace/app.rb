# frozen_string_literal: true

require 'sinatra'
require 'json'
require_relative 'lib/marketplace/payouts'
require_relative 'lib/marketplace/storefront'

# The marketplace's own HTTP API.
post '/payments/:id/refund' do
  body = JSON.parse(request.body.read)
  result = Marketplace::Payouts.refund(params[:id], body.fetch('amount'))
  # Marketplace::Cko.api.payments.void_payment(params[:id])
  json action_id: result.action_id
end

get '/payments/:id' do
  content_type :json
  { id: params[:id] }.to_json
end
