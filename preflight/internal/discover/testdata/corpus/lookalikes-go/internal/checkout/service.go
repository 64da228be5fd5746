// Package checkout is our cart checkout flow (not Checkout.com).
package checkout

import "example.com/shop/internal/payments"

type Service struct {
	Payments *payments.Client
}

func New(p *payments.Client) *Service { return &Service{Payments: p} }

func (s *Service) Cancel(orderID string, amount int64) error {
	return s.Payments.RefundPayment(orderID, amount)
}

func (s *Service) Ship(orderID string) error {
	if err := s.Payments.CapturePayment(orderID); err != nil {
		return err
	}
	_, err := s.Payments.GetPaymentDetails(orderID)
	return err
}
