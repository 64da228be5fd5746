# frozen_string_literal: true

require 'checkout_sdk'

module Marketplace
  module Cko
    SCOPES = [
      CheckoutSdk::OAuthScopes::ACCOUNTS,
      CheckoutSdk::OAuthScopes::GATEWAY,
      CheckoutSdk::OAuthScopes::TRANSFERS,
      CheckoutSdk::OAuthScopes::BALANCES_VIEW
    ].freeze

    def self.api
      @api ||= CheckoutSdk.builder # want: POST /connect/token
                          .oauth
                          .with_client_credentials(ENV.fetch('CKO_CLIENT_ID'), ENV.fetch('CKO_CLIENT_SECRET'))
                          .with_scopes(SCOPES)
                          .with_environment(CheckoutSdk::Environment.sandbox)
                          .with_environment_subdomain(ENV.fetch('CKO_PREFIX'))
                          .build
    end

    # Mixed into classes that talk to Checkout.com.
    module Helpers
      def cko
        Marketplace::Cko.api
      end
    end
  end
end
