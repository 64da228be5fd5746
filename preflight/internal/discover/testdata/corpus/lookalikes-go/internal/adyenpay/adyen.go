// Package adyenpay charges cards through Adyen.
package adyenpay

import (
	"context"

	"github.com/adyen/adyen-go-api-library/v9/src/adyen"
	"github.com/adyen/adyen-go-api-library/v9/src/checkout"
	"github.com/adyen/adyen-go-api-library/v9/src/common"
)

type Adyen struct {
	client *adyen.APIClient
}

func New(apiKey string) *Adyen {
	return &Adyen{client: adyen.NewClient(&common.Config{ApiKey: apiKey, Environment: common.TestEnv})}
}

func (a *Adyen) Pay(ctx context.Context, req checkout.PaymentRequest) (checkout.PaymentResponse, error) {
	service := a.client.Checkout()
	input := service.PaymentsApi.PaymentsInput().PaymentRequest(req)
	resp, _, err := service.PaymentsApi.Payments(ctx, input)
	return resp, err
}

func (a *Adyen) Refund(ctx context.Context, pspReference string, value int64) error {
	service := a.client.Checkout()
	req := checkout.PaymentRefundRequest{Amount: checkout.Amount{Currency: "EUR", Value: value}, MerchantAccount: "AcmeShopECOM"}
	_, _, err := service.ModificationsApi.RefundCapturedPayment(ctx, service.ModificationsApi.RefundCapturedPaymentInput(pspReference).PaymentRefundRequest(req))
	return err
}
