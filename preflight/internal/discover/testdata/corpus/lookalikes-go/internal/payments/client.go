// Package payments is the client for our in-house ledger service.
package payments

import (
	"fmt"
	"net/http"
	"strings"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

func (c *Client) RefundPayment(id string, amount int64) error {
	_, err := c.HTTP.Post(fmt.Sprintf("%s/ledger/%s/refund", c.BaseURL, id), "application/json", strings.NewReader(fmt.Sprintf(`{"amount":%d}`, amount)))
	return err
}

func (c *Client) CapturePayment(id string) error {
	_, err := c.HTTP.Post(c.BaseURL+"/ledger/"+id+"/capture", "application/json", nil)
	return err
}

func (c *Client) GetPaymentDetails(id string) (*http.Response, error) {
	return c.HTTP.Get(c.BaseURL + "/ledger/" + id)
}
