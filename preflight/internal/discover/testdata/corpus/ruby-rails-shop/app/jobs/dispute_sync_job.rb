# frozen_string_literal: true

class DisputeSyncJob < ApplicationJob
  queue_as :default

  def perform
    disputes = CHECKOUT_API.disputes
    query = CheckoutSdk::Disputes::DisputesQueryFilter.new
    query.limit = 50
    query.statuses = 'evidence_required'
    page = disputes.query(query) # want: GET /disputes
    page.data.each do |summary|
      dispute = disputes.get_dispute_details(summary.id) # want: GET /disputes/{}
      next disputes.accept(dispute.id) if dispute.amount < 500 # want: POST /disputes/{}/accept

      upload_and_submit(disputes, dispute)
    end
    fees = CHECKOUT_API.financial.query({ limit: 100 }) # want: GET /financial-actions
    Rails.logger.info("fees: #{fees.data.size}")
  end

  private

  def upload_and_submit(disputes, dispute)
    file = CheckoutSdk::Common::FileRequest.new
    file.file = Rails.root.join('storage', "#{dispute.id}.pdf").to_s
    file.purpose = 'dispute_evidence'
    uploaded = disputes.upload_file(file) # want: POST /files
    disputes.put_evidence(dispute.id, { proof_of_delivery_or_service_file: uploaded.id }) # want: PUT /disputes/{}/evidence
    disputes.submit_evidence(dispute.id) # want: POST /disputes/{}/evidence
  end
end
