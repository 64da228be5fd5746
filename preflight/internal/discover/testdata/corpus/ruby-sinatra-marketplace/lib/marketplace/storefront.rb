# frozen_string_literal: true

require_relative 'cko'

module Marketplace
  class Storefront
    def initialize(api = Marketplace::Cko.api)
      @links = api.links
      @hosted = api.hosted
      @flow = api.flow
      @api = api
    end

    def pay_by_link(amount, reference)
      link = @links.create_payment_link({ amount: amount, currency: 'EUR', reference: reference }) # want: POST /payment-links
      @links.get_payment_link(link.id).status # want: GET /payment-links/{}
    end

    def hosted_page(amount)
      page = @hosted.create_hosted_payments_page_session({ amount: amount, currency: 'EUR', success_url: 'https://m.example.com/ok' }) # want: POST /hosted-payments
      @hosted.get_hosted_payments_page_details(page.id) # want: GET /hosted-payments/{}
    end

    def flow_session(amount)
      @flow.request_payment_session({ amount: amount, currency: 'EUR', reference: SecureRandom.uuid }) # want: POST /payment-sessions
    end

    def forwarded(forward_id)
      @api.forward.get(forward_id) # want: GET /forward/{}
    end

    def shopper(customer_id)
      @api.customers.get(customer_id) # want: GET /customers/{}
    end

    def workflows
      @api.workflows.retrieve_workflows # want: GET /workflows
    end

    def card(cardholder)
      holder = @api.issuing.create_cardholder(cardholder) # want: POST /issuing/cardholders
      @api.issuing
          .create_card({ type: 'virtual', cardholder_id: holder.id }) # want: POST /issuing/cards
    end
  end
end
