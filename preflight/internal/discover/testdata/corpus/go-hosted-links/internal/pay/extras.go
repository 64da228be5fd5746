package pay

import (
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/forex"
	"github.com/checkout/checkout-sdk-go/v2/metadata"
	"github.com/checkout/checkout-sdk-go/v2/nas"
	"github.com/checkout/checkout-sdk-go/v2/sessions"
)

// Authenticate starts a standalone 3DS session and reads it back.
func Authenticate(api *nas.Api, req sessions.SessionRequest) (string, error) {
	resp, err := api.Sessions.RequestSession(req) // want: POST /sessions
	if err != nil {
		return "", err
	}
	s, err := api.Sessions.GetSessionDetails(resp.Created.Id, resp.Created.SessionSecret) // want: GET /sessions/{}
	if err != nil {
		return "", err
	}
	return string(s.Status), nil
}

// Quote prices a cross-currency basket.
func Quote(api *nas.Api, amount int64) (*forex.QuoteResponse, error) {
	return api.Forex.RequestQuote(forex.QuoteRequest{ // want: POST /forex/quotes
		SourceCurrency:      common.GBP,
		SourceAmount:        amount,
		DestinationCurrency: common.EUR,
		ProcessChannelId:    "pc_storefront",
	})
}

// CardScheme looks up a BIN before showing the surcharge.
func CardScheme(api *nas.Api, bin string) (string, error) {
	m, err := api.Metadata.RequestCardMetadata(metadata.CardMetadataRequest{Source: metadata.NewRequestBinSource(bin)}) // want: POST /metadata/card
	if err != nil {
		return "", err
	}
	return m.Scheme, nil
}
