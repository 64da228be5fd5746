# frozen_string_literal: true

require_relative 'cko'

module Marketplace
  module Payouts
    module_function

    def payments
      Marketplace::Cko.api.payments
    end

    def payout(instrument_id, amount)
      payments.request_payout( # want: POST /payments
        {
          destination: { type: 'id', id: instrument_id },
          amount: amount,
          currency: 'EUR',
          processing_channel_id: ENV.fetch('CKO_CHANNEL_ID')
        }
      )
    end

    def refund(payment_id, amount)
      payments.refund_payment(payment_id, { amount: amount }) # want: POST /payments/{}/refunds
    end

    def history(reference)
      payments.get_payments_list({ reference: reference }) # want: GET /payments
    end

    def search(text)
      payments.search_payments({ query: text, limit: 10 }) # want: POST /payments/search
    end

    def stop_retries(payment_id)
      payments.cancel_payment(payment_id) # want: POST /payments/{}/cancellations
    end

    def balance(entity_id)
      Marketplace::Cko.api.balances.retrieve_entity_balances(entity_id, { query: 'currency:EUR' }) # want: GET /balances/{}
    end

    def sweep(from_entity, to_entity, amount)
      transfers = Marketplace::Cko.api.transfers
      created = transfers.initiate_transfer_of_funds({ transfer_type: 'commission', source: { id: from_entity, amount: amount }, destination: { id: to_entity } }, "sweep-#{from_entity}") # want: POST /transfers
      transfers.retrieve_transfer(created.id) # want: GET /transfers/{}
    end
  end
end
