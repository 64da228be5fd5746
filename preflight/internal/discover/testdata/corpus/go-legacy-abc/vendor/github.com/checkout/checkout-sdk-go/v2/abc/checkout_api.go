package abc

import (
	"github.com/checkout/checkout-sdk-go/v2/client"
	"github.com/checkout/checkout-sdk-go/v2/configuration"
	payments "github.com/checkout/checkout-sdk-go/v2/payments/abc"
)

type Api struct {
	Payments *payments.Client
}

func CheckoutApi(configuration *configuration.Configuration) *Api {
	apiClient := client.NewApiClient(configuration, configuration.Environment.BaseUri())
	api := Api{}
	api.Payments = payments.NewClient(configuration, apiClient)
	return &api
}
