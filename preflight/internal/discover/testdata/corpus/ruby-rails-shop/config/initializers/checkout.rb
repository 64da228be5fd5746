# frozen_string_literal: true

require 'checkout_sdk'

CHECKOUT_API = CheckoutSdk.builder
                          .static_keys
                          .with_secret_key(ENV.fetch('CKO_SECRET_KEY'))
                          .with_public_key(ENV.fetch('CKO_PUBLIC_KEY'))
                          .with_environment(Rails.env.production? ? CheckoutSdk::Environment.production : CheckoutSdk::Environment.sandbox)
                          .with_environment_subdomain(ENV.fetch('CKO_PREFIX'))
                          .build
