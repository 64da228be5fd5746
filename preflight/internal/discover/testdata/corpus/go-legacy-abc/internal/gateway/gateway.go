// Package gateway talks to Checkout.com's previous platform.
package gateway

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/checkout/checkout-sdk-go/v2/abc"
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/payments"
	abcPayments "github.com/checkout/checkout-sdk-go/v2/payments/abc"
	"github.com/checkout/checkout-sdk-go/v2/payments/abc/sources"
	"github.com/checkout/checkout-sdk-go/v2/reconciliation"
	"github.com/checkout/checkout-sdk-go/v2/tokens"
	webhooks "github.com/checkout/checkout-sdk-go/v2/webhooks/abc"
)

type Gateway struct {
	api *abc.Api
}

func New(api *abc.Api) *Gateway { return &Gateway{api: api} }

// HandlePay is our own POST /payments endpoint.
func (g *Gateway) HandlePay(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Token   string `json:"token"`
		Amount  int64  `json:"amount"`
		OrderID string `json:"order_id"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	src := sources.NewRequestTokenSource()
	src.Token = body.Token
	resp, err := g.api.Payments.RequestPayment(abcPayments.PaymentRequest{ // want: POST /payments
		Source:    src,
		Amount:    body.Amount,
		Currency:  common.USD,
		Reference: body.OrderID,
	}, &body.OrderID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(resp)
}

// Tokenize is only used by the in-store kiosk.
func (g *Gateway) Tokenize(number string, month, year int) (string, error) {
	t, err := g.api.Tokens.RequestCardToken(tokens.CardTokenRequest{Type: tokens.Card, Number: number, ExpiryMonth: month, ExpiryYear: year}) // want: POST /tokens
	if err != nil {
		return "", err
	}
	return t.Token, nil
}

func (g *Gateway) Capture(ctx context.Context, paymentID string, amount int64) error {
	_, err := g.api.Payments.CapturePaymentWithContext(ctx, paymentID, abcPayments.CaptureRequest{Amount: amount}, nil) // want: POST /payments/{}/captures
	return err
}

func (g *Gateway) Refund(paymentID string, amount int64) error {
	_, err := g.api.Payments.RefundPayment(paymentID, &payments.RefundRequest{Amount: amount}, nil) // want: POST /payments/{}/refunds
	return err
}

func (g *Gateway) Void(ctx context.Context, paymentID string) error {
	_, err := g.api.Payments.VoidPaymentWithContext(ctx, paymentID, &payments.VoidRequest{}, nil) // want: POST /payments/{}/voids
	return err
}

func (g *Gateway) Status(paymentID string) (string, error) {
	p, err := g.api.Payments.GetPaymentDetails(paymentID) // want: GET /payments/{}
	if err != nil {
		return "", err
	}
	return string(p.Status), nil
}

func (g *Gateway) Card(instrumentID string) (string, error) {
	i, err := g.api.Instruments.Get(instrumentID) // want: GET /instruments/{}
	if err != nil {
		return "", err
	}
	return i.Last4, nil
}

func (g *Gateway) EnsureWebhook(url string) error {
	existing, err := g.api.Webhooks.RetrieveWebhooks() // want: GET /webhooks
	if err != nil {
		return err
	}
	for _, w := range existing.WebhookResponses {
		if w.Url == url {
			_, err = g.api.Webhooks.PartiallyUpdateWebhook(w.Id, webhooks.WebhookRequest{Active: true}) // want: PATCH /webhooks/{}
			return err
		}
	}
	_, err = g.api.Webhooks.RegisterWebhook(webhooks.WebhookRequest{ // want: POST /webhooks
		Url:        url,
		Active:     true,
		EventTypes: []string{"payment_captured", "payment_refunded"},
	})
	return err
}

// Replay retries delivery of an event to one webhook.
func (g *Gateway) Replay(eventID, webhookID string) error {
	_, err := g.api.Events.RetryWebhook(eventID, webhookID) // want: POST /events/{}/webhooks/{}
	return err
}

func (g *Gateway) RecentEvents() (int, error) {
	page, err := g.api.Events.RetrieveEvents() // want: GET /events
	if err != nil {
		return 0, err
	}
	return page.TotalCount, nil
}

func (g *Gateway) Yesterday() (*reconciliation.PaymentReportsResponse, error) {
	to := time.Now().UTC().Truncate(24 * time.Hour)
	return g.api.Reconciliation.QueryPaymentsReport(reconciliation.PaymentReportsQuery{From: to.Add(-24 * time.Hour), To: to}) // want: GET /reporting/payments
}
