// Package paypalpay wraps PayPal orders.
package paypalpay

import (
	"context"

	"github.com/plutov/paypal/v4"
)

func Capture(ctx context.Context, clientID, secret, orderID string) error {
	checkout, err := paypal.NewClient(clientID, secret, paypal.APIBaseSandBox)
	if err != nil {
		return err
	}
	if _, err := checkout.GetAccessToken(ctx); err != nil {
		return err
	}
	_, err = checkout.CaptureOrder(ctx, orderID, paypal.CaptureOrderRequest{})
	return err
}
