# frozen_string_literal: true

require_relative 'client'

module Billing
  module Notifications
    module_function

    def ensure_webhook(url)
      hooks = Billing::API.webhooks
      existing = hooks.retrieve_webhooks # want: GET /webhooks
      mine = existing.find { |h| h.url == url }
      if mine.nil?
        hooks.register_webhook({ url: url, event_types: %w[payment_captured payment_declined] }) # want: POST /webhooks
      elsif !mine.active
        hooks.patch_webhook(mine.id, { active: true }) # want: PATCH /webhooks/{}
      else
        hooks.update_webhook(mine.id, { url: url, active: true, content_type: 'json' }) # want: PUT /webhooks/{}
      end
    end

    def drop_webhook(id)
      Billing::API.webhooks.remove_webhook(id) # want: DELETE /webhooks/{}
    end

    def replay(since)
      events = Billing::API.events
      page = events.retrieve_events({ from: since }) # want: GET /events
      page.data.each do |summary|
        event = events.retrieve_event(summary.id) # want: GET /events/{}
        event.notifications.reject(&:success).each do |n|
          events.retry_webhook(event.id, n.webhook_id) # want: POST /events/{}/webhooks/{}
        end
      end
    end

    def replay_all(event_id)
      Billing::API.events.retry_all_webhooks(event_id) # want: POST /events/{}/webhooks/retry
    end

    def month_end(from, to)
      Billing::API.reconciliation.query_payments_report({ from: from, to: to, limit: 500 }) # want: GET /reporting/payments
    end
  end
end
