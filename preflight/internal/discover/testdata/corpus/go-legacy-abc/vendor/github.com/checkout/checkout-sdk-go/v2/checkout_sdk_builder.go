package checkout

import (
	"github.com/checkout/checkout-sdk-go/v2/abc"
	"github.com/checkout/checkout-sdk-go/v2/nas"
)

type CheckoutSdkBuilder struct{}

// Builder is the entry point, e.g.
//
//	api, err := checkout.Builder().StaticKeys().WithSecretKey("sk_...").Build()
//	resp, err := api.Payments.RequestPayment(request, nil)
func Builder() *CheckoutSdkBuilder {
	return &CheckoutSdkBuilder{}
}

func (b *CheckoutSdkBuilder) Previous() *abc.CheckoutPreviousSdkBuilder {
	return &abc.CheckoutPreviousSdkBuilder{}
}

func (b *CheckoutSdkBuilder) StaticKeys() *nas.CheckoutDefaultSdkBuilder {
	return &nas.CheckoutDefaultSdkBuilder{}
}

func (b *CheckoutSdkBuilder) OAuth() *nas.CheckoutOAuthSdkBuilder {
	return &nas.CheckoutOAuthSdkBuilder{}
}
