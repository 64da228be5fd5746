// Package automation keeps the Checkout.com workflow that posts payment events to us.
package automation

import (
	"context"

	"github.com/checkout/checkout-sdk-go/v2/workflows"
	"github.com/checkout/checkout-sdk-go/v2/workflows/events"
)

// EnsureWebhookWorkflow creates the workflow once; wf comes from api.WorkFlows.
func EnsureWebhookWorkflow(ctx context.Context, wf *workflows.Client, url string) (string, error) {
	existing, err := wf.GetWorkflowsWithContext(ctx) // want: GET /workflows
	if err != nil {
		return "", err
	}
	for _, w := range existing.Workflows {
		if w.Name == "subscriptions-webhook" {
			return w.Id, nil
		}
	}
	created, err := wf.CreateWorkflow(workflows.CreateWorkflowRequest{ // want: POST /workflows
		Name:   "subscriptions-webhook",
		Active: true,
		Actions: []workflows.ActionRequest{
			&workflows.WebhookWorkflowActionRequest{Url: url},
		},
	})
	if err != nil {
		return "", err
	}
	_, err = wf.TestWorkflow(created.Id, events.EventTypesRequest{EventTypes: []string{"payment_approved"}}) // want: POST /workflows/{}/test
	return created.Id, err
}
