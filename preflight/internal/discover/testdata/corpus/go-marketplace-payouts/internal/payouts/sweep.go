// Package payouts moves seller balances to the platform entity.
package payouts

import (
	"context"
	"fmt"

	"github.com/checkout/checkout-sdk-go/v2/balances"
	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/transfers"
)

// Sweep transfers the seller's available EUR balance.
func Sweep(ctx context.Context, tr *transfers.Client, bal *balances.Client, platform, seller string) error {
	b, err := bal.RetrieveEntityBalancesWithContext(ctx, seller, balances.QueryFilter{Query: "currency:EUR"}) // want: GET /balances/{}
	if err != nil {
		return fmt.Errorf("balances for %s: %w", seller, err)
	}
	if len(b.Data) == 0 || b.Data[0].Balances.Available == 0 {
		return nil
	}
	key := "sweep-" + seller
	resp, err := tr.InitiateTransferOfFundsWithContext(ctx, transfers.TransferRequest{ // want: POST /transfers
		Reference:    key,
		TransferType: transfers.Commission,
		Source:       &transfers.TransferSourceRequest{Id: seller, Amount: b.Data[0].Balances.Available, Currency: common.EUR},
		Destination:  &transfers.TransferDestinationRequest{Id: platform},
	}, &key)
	if err != nil {
		return err
	}
	details, err := tr.RetrieveTransfer(resp.Id) // want: GET /transfers/{}
	if err != nil {
		return err
	}
	fmt.Printf("transfer %s is %s\n", details.Id, details.Status)
	return nil
}
