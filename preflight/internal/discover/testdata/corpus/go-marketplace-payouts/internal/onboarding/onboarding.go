// Package onboarding creates and maintains seller sub-entities.
package onboarding

import (
	"context"

	"github.com/checkout/checkout-sdk-go/v2/accounts"
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/nas"
)

// Onboarder wraps the accounts client.
type Onboarder struct {
	accounts *accounts.Client
}

// New takes the accounts client from the SDK's API.
func New(api *nas.Api) *Onboarder {
	return &Onboarder{accounts: api.Accounts}
}

func (o *Onboarder) Create(ctx context.Context, req accounts.OnboardEntityRequest) (string, error) {
	resp, err := o.accounts.CreateEntityWithContext(ctx, req) // want: POST /accounts/entities
	if err != nil {
		return "", err
	}
	return resp.Id, nil
}

func (o *Onboarder) Status(entityID string) (accounts.OnboardingStatus, error) {
	e, err := o.accounts.GetEntity(entityID) // want: GET /accounts/entities/{}
	if err != nil {
		return "", err
	}
	return e.Status, nil
}

func (o *Onboarder) Correct(entityID string, req accounts.OnboardEntityRequest) error {
	_, err := o.accounts.UpdateEntity(entityID, req) // want: PUT /accounts/entities/{}
	return err
}

// UploadIdentity sends a KYC document to the Files API for the entity.
func (o *Onboarder) UploadIdentity(entityID string, doc accounts.File) (string, error) {
	up, err := o.accounts.UploadFile(entityID, doc) // want: POST /entities/{}/files
	if err != nil {
		return "", err
	}
	if _, err := o.accounts.RetrieveFile(entityID, up.Id); err != nil { // want: GET /entities/{}/files/{}
		return "", err
	}
	return up.Id, nil
}

// UploadLegacy is the pre-2024 flow; still used for bank statements.
func (o *Onboarder) UploadLegacy(file accounts.File) (string, error) {
	r, err := o.accounts.SubmitFile(file) // want: POST /files
	if err != nil {
		return "", err
	}
	return r.Id, nil
}

func (o *Onboarder) Bank(entityID string) (*accounts.PaymentInstrumentQueryResponse, error) {
	return o.accounts.QueryPaymentInstruments(entityID, accounts.PaymentInstrumentsQuery{Status: accounts.Verified}) // want: GET /accounts/entities/{}/payment-instruments
}

func (o *Onboarder) WeeklyPayouts(entityID string) error {
	current, err := o.accounts.RetrievePayoutSchedule(entityID) // want: GET /accounts/entities/{}/payout-schedules
	if err != nil {
		return err
	}
	if current.Currency[common.EUR] == nil {
		_, err = o.accounts.UpdatePayoutSchedule( // want: PUT /accounts/entities/{}/payout-schedules
			entityID,
			common.EUR,
			accounts.CurrencySchedule{Enabled: true, Threshold: 100, Recurrence: &accounts.ScheduleFrequencyWeeklyRequest{ByDay: []accounts.DaySchedule{accounts.Monday}}},
		)
	}
	return err
}
