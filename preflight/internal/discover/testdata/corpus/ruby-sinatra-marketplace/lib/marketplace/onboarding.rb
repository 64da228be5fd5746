# frozen_string_literal: true

require_relative 'cko'

module Marketplace
  class Onboarding
    include Cko::Helpers

    def onboard(seller)
      entity = cko.accounts.create_entity( # want: POST /accounts/entities
        {
          reference: seller.id,
          contact_details: { phone: { number: seller.phone } },
          company: { legal_name: seller.legal_name, trading_name: seller.name }
        }
      )
      entity.id
    end

    def attach_document(entity_id, path)
      file = CheckoutSdk::Accounts::FileRequest.new
      file.file = path
      file.content_type = 'image/jpeg'
      file.purpose = 'identity_verification'
      uploaded = cko.accounts.upload_file(file) # want: POST /files
      cko.accounts.upload_entity_file(entity_id, file) # want: POST /entities/{}/files
      uploaded.id
    end

    def profile(entity_id)
      entity = Marketplace::Cko.api.accounts.get_entity(entity_id) # want: GET /accounts/entities/{}
      reqs = Marketplace::Cko.api.accounts.get_entity_requirements(entity_id) # want: GET /accounts/entities/{}/requirements
      { status: entity.status, requirements: reqs.data.size }
    end

    def update(entity_id, changes)
      cko.accounts.update_entity(entity_id, changes) # want: PUT /accounts/entities/{}
    end

    def weekly_payouts(entity_id)
      accounts = cko.accounts
      accounts.update_payout_schedule(entity_id, 'EUR', { enabled: true, threshold: 1000, recurrence: { frequency: 'Weekly', by_day: ['MO'] } }) # want: PUT /accounts/entities/{}/payout-schedules
      accounts.retrieve_payout_schedule(entity_id) # want: GET /accounts/entities/{}/payout-schedules
    end

    def bank_account(entity_id, instrument)
      cko.accounts.add_payment_instrument(entity_id, instrument) # want: POST /accounts/entities/{}/payment-instruments
    end
  end
end
