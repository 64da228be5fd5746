class PaymentsController < ApplicationController
  def create
    payment = PaymentService.new.charge(current_order, params.require(:token))
    render json: { id: payment.id }, status: :created
  end

  def show
    render json: Payment.find(params[:id])
  end

  def capture
    PaymentService.new.capture(params[:id], params.require(:amount).to_i)
    Payment.find_by!(checkout_id: params[:id]).capture!
    head :accepted
  end

  def refund
    payment = Payment.find_by!(checkout_id: params[:id])
    PaymentService.new.refund(params[:id], params.require(:amount).to_i)
    payment.refund!(params.require(:amount).to_i)
    head :accepted
  end

  def void
    PaymentService.new.void(params[:id])
    head :accepted
  end
end
