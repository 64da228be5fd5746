# frozen_string_literal: true

module CheckoutSdk
  module Payments
    class PaymentsClient < BasePaymentsClient
      def initialize(api_client, configuration)
        super(api_client, configuration, CheckoutSdk::AuthorizationType::SECRET_KEY_OR_OAUTH)
      end

      def request_payment(payment_request, idempotency_key = nil)
        api_client.invoke_post(PAYMENTS_PATH, sdk_authorization, payment_request, idempotency_key)
      end

      def capture_payment(payment_id, capture_request = nil, idempotency_key = nil)
        api_client.invoke_post(build_path(PAYMENTS_PATH, payment_id, 'captures'), sdk_authorization, capture_request, idempotency_key)
      end
    end
  end
end
