// Package disputes answers chargebacks on behalf of sellers.
package disputes

import (
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/disputes"
	"github.com/checkout/checkout-sdk-go/v2/financial"
	"github.com/checkout/checkout-sdk-go/v2/nas"
)

// Desk holds the whole SDK API; disputes and financial actions are both needed.
type Desk struct {
	API *nas.Api
}

func (d Desk) Open() ([]disputes.DisputeSummary, error) {
	resp, err := d.API.Disputes.Query(disputes.QueryFilter{Statuses: "evidence_required", Limit: 50}) // want: GET /disputes
	if err != nil {
		return nil, err
	}
	return resp.Data, nil
}

func (d Desk) Contest(disputeID, receiptPath string) error {
	file, err := d.API.Disputes.UploadFile(common.File{File: receiptPath, Purpose: common.DisputesEvidence}) // want: POST /files
	if err != nil {
		return err
	}
	if _, err := d.API.Disputes.PutEvidence(disputeID, disputes.Evidence{ProofOfDeliveryOrServiceFile: file.Id}); err != nil { // want: PUT /disputes/{}/evidence
		return err
	}
	_, err = d.API.Disputes.SubmitEvidence(disputeID) // want: POST /disputes/{}/evidence
	return err
}

func (d Desk) Concede(disputeID string) error {
	_, err := d.API.Disputes.Accept(disputeID) // want: POST /disputes/{}/accept
	return err
}

func (d Desk) Ledger(paymentID string) (*financial.QueryResponse, error) {
	return d.API.Financial.GetFinancialActions(financial.QueryFilter{PaymentId: paymentID, Limit: 100}) // want: GET /financial-actions
}
