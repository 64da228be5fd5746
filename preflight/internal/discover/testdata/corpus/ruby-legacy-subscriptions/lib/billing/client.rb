# frozen_string_literal: true

require 'checkout_sdk'

module Billing
  API = CheckoutSdk.builder
                   .previous
                   .static_keys
                   .with_secret_key(ENV.fetch('CKO_SECRET_KEY'))
                   .with_public_key(ENV.fetch('CKO_PUBLIC_KEY'))
                   .with_environment(CheckoutSdk::Environment.sandbox)
                   .build
end
