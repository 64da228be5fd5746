// Package billing charges subscribers through Checkout.com.
package billing

import (
	"context"
	"fmt"

	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/customers"
	instruments "github.com/checkout/checkout-sdk-go/v2/instruments/nas"
	"github.com/checkout/checkout-sdk-go/v2/nas"
	"github.com/checkout/checkout-sdk-go/v2/payments"
	nasPayments "github.com/checkout/checkout-sdk-go/v2/payments/nas"
	"github.com/checkout/checkout-sdk-go/v2/payments/nas/sources"
)

// Service owns the Checkout.com client for the billing flows.
type Service struct {
	cko *nas.Api
}

// NewService wraps an already-built SDK client.
func NewService(api *nas.Api) *Service {
	return &Service{cko: api}
}

// Enrol creates the customer and stores the card token as an instrument.
func (s *Service) Enrol(email, token string) (customerID, instrumentID string, err error) {
	c, err := s.cko.Customers.Create(customers.CustomerRequest{Email: email}) // want: POST /customers
	if err != nil {
		return "", "", fmt.Errorf("create customer: %w", err)
	}
	inst, err := s.cko.Instruments.Create(instruments.NewTokenInstrumentRequest().WithToken(token)) // want: POST /instruments
	if err != nil {
		return "", "", fmt.Errorf("create instrument: %w", err)
	}
	return c.Id, inst.Id, nil
}

// Charge takes a merchant-initiated recurring payment.
func (s *Service) Charge(ctx context.Context, instrumentID string, amount int64, period string) (*nasPayments.PaymentResponse, error) {
	source := sources.NewRequestIdSource()
	source.Id = instrumentID
	key := "sub-" + instrumentID + "-" + period
	return s.cko.Payments.RequestPaymentWithContext( // want: POST /payments
		ctx,
		nasPayments.PaymentRequest{
			Source:            source,
			Amount:            amount,
			Currency:          common.USD,
			PaymentType:       payments.Recurring,
			MerchantInitiated: true,
			Reference:         key,
		},
		&key,
	)
}

// Refund returns money for a billing period.
func (s *Service) Refund(ctx context.Context, paymentID string, amount int64) error {
	_, err := s.cko.Payments.RefundPaymentWithContext(ctx, paymentID, &payments.RefundRequest{Amount: amount}, nil) // want: POST /payments/{}/refunds
	return err
}

// Details fetches a payment for the admin UI.
func (s *Service) Details(paymentID string) (*nasPayments.GetPaymentResponse, error) {
	return s.cko.Payments.GetPaymentDetails(paymentID) // want: GET /payments/{}
}

// Settle captures an authorised payment in full.
func (s *Service) Settle(paymentID string) error {
	if _, err := s.cko.Payments.CapturePaymentWithoutRequest(paymentID, nil); err != nil { // want: POST /payments/{}/captures
		return fmt.Errorf("capture %s: %w", paymentID, err)
	}
	return nil
}

// Cancel voids a pending authorisation.
func (s *Service) Cancel(paymentID string) error {
	_, err := s.cko.Payments.VoidPayment(paymentID, &payments.VoidRequest{Reference: "cancelled"}, nil) // want: POST /payments/{}/voids
	return err
}

// Subscriber returns the stored customer and card.
func (s *Service) Subscriber(customerID, instrumentID string) (*customers.GetCustomerResponse, *instruments.GetInstrumentResponse, error) {
	c, err := s.cko.Customers.Get(customerID) // want: GET /customers/{}
	if err != nil {
		return nil, nil, err
	}
	i, err := s.cko.Instruments.Get(instrumentID) // want: GET /instruments/{}
	return c, i, err
}

// Forget removes a subscriber's card and record.
func (s *Service) Forget(ctx context.Context, customerID, instrumentID string) error {
	if _, err := s.cko.Instruments.DeleteWithContext(ctx, instrumentID); err != nil { // want: DELETE /instruments/{}
		return err
	}
	_, err := s.cko.Customers.Delete(customerID) // want: DELETE /customers/{}
	return err
}

// Search finds payments by reference for support staff.
func (s *Service) Search(ctx context.Context, query string) (*nasPayments.SearchPaymentsResponse, error) {
	payments := s.cko.Payments
	return payments.SearchPaymentsWithContext(ctx, nasPayments.SearchPaymentsRequest{Query: query, Limit: 20}) // want: POST /payments/search
}
