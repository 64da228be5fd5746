package abc

import (
	"context"

	"github.com/checkout/checkout-sdk-go/v2/client"
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/configuration"
	"github.com/checkout/checkout-sdk-go/v2/payments"
)

type Client struct {
	configuration *configuration.Configuration
	apiClient     client.HttpClient
}

func NewClient(configuration *configuration.Configuration, apiClient client.HttpClient) *Client {
	return &Client{
		configuration: configuration,
		apiClient:     apiClient,
	}
}

func (c *Client) RequestPayment(request PaymentRequest, idempotencyKey *string) (*PaymentResponse, error) {
	return c.RequestPaymentWithContext(context.Background(), request, idempotencyKey)
}

func (c *Client) RequestPaymentWithContext(ctx context.Context, request PaymentRequest, idempotencyKey *string) (*PaymentResponse, error) {
	auth, err := c.configuration.Credentials.GetAuthorization(configuration.SecretKey)
	if err != nil {
		return nil, err
	}

	var response PaymentResponse
	err = c.apiClient.PostWithContext(ctx, common.BuildPath(payments.PathPayments), auth, request, &response, idempotencyKey)
	if err != nil {
		return nil, err
	}
	return &response, nil
}

func (c *Client) RefundPayment(paymentId string, refundRequest *payments.RefundRequest, idempotencyKey *string) (*payments.RefundResponse, error) {
	return c.RefundPaymentWithContext(context.Background(), paymentId, refundRequest, idempotencyKey)
}

func (c *Client) RefundPaymentWithContext(ctx context.Context, paymentId string, refundRequest *payments.RefundRequest, idempotencyKey *string) (*payments.RefundResponse, error) {
	auth, err := c.configuration.Credentials.GetAuthorization(configuration.SecretKey)
	if err != nil {
		return nil, err
	}

	var response payments.RefundResponse
	err = c.apiClient.PostWithContext(ctx, common.BuildPath(payments.PathPayments, paymentId, "refunds"), auth, refundRequest, &response, idempotencyKey)
	if err != nil {
		return nil, err
	}
	return &response, nil
}

func (c *Client) GetPaymentDetails(paymentId string) (*GetPaymentResponse, error) {
	return c.GetPaymentDetailsWithContext(context.Background(), paymentId)
}

func (c *Client) GetPaymentDetailsWithContext(ctx context.Context, paymentId string) (*GetPaymentResponse, error) {
	auth, err := c.configuration.Credentials.GetAuthorization(configuration.SecretKey)
	if err != nil {
		return nil, err
	}

	var response GetPaymentResponse
	err = c.apiClient.GetWithContext(ctx, common.BuildPath(payments.PathPayments, paymentId), auth, &response)
	if err != nil {
		return nil, err
	}
	return &response, nil
}
