# frozen_string_literal: true

require_relative 'client'

module Billing
  class Recurring
    def initialize(api = Billing::API)
      @api = api
    end

    def renew(subscription)
      payment = @api.payments.request_payment( # want: POST /payments
        {
          source: { type: 'id', id: subscription.source_id },
          amount: subscription.amount,
          currency: subscription.currency,
          payment_type: 'Recurring',
          previous_payment_id: subscription.last_payment_id
        }
      )
      subscription.update(last_payment_id: payment.id)
    end

    def refund_last(subscription)
      @api.payments.refund_payment(subscription.last_payment_id, { amount: subscription.amount }) # want: POST /payments/{}/refunds
    end

    def reverse(payment_id)
      @api.payments.reverse_payment(payment_id) # want: POST /payments/{}/reversals
    end

    def tokenize(card)
      @api.tokens.request_token({ type: 'card', number: card.number, expiry_month: card.month, expiry_year: card.year }) # want: POST /tokens
    end

    def sepa(mandate)
      @api.sources.create_sepa_source(mandate) # want: POST /sources
    end
  end
end
