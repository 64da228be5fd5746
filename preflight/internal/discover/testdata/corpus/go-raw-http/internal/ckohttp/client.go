// Package ckohttp is a hand-written client for the few Checkout.com endpoints we use.
package ckohttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
)

const (
	sandboxBase = "https://api.sandbox.checkout.com"
	filesBase   = "https://files.sandbox.checkout.com"
)

// Client calls the sandbox unless Prefix is set, in which case it uses the merchant subdomain.
type Client struct {
	HTTP      *http.Client
	SecretKey string
	Prefix    string
}

func (c *Client) do(req *http.Request, out any) error {
	req.Header.Set("Authorization", "Bearer "+c.SecretKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("checkout request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("api.checkout.com returned %d: %s", resp.StatusCode, b)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// RequestPayment posts a payment request.
func (c *Client) RequestPayment(ctx context.Context, body []byte) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sandboxBase+"/payments", bytes.NewReader(body)) // want: POST /payments
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, c.do(req, &out)
}

// Payment fetches one payment.
func (c *Client) Payment(ctx context.Context, id string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/payments/%s", sandboxBase, id), nil) // want: GET /payments/{}
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, c.do(req, &out)
}

// Refund refunds a captured payment.
func (c *Client) Refund(ctx context.Context, id string, amount int64) error {
	u, err := url.JoinPath(sandboxBase, "payments", id, "refunds") // want: POST /payments/{}/refunds
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]int64{"amount": amount})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	var out map[string]any
	return c.do(req, &out)
}

// Capture uses the merchant-specific subdomain.
func (c *Client) Capture(ctx context.Context, id string) error {
	endpoint := fmt.Sprintf("https://%s.api.checkout.com/payments/%s/captures", c.Prefix, id) // want: POST /payments/{}/captures
	req, err := http.NewRequestWithContext(ctx, "POST", endpoint, strings.NewReader("{}"))
	if err != nil {
		return err
	}
	var out map[string]any
	return c.do(req, &out)
}

// DeleteInstrument removes a stored card.
func (c *Client) DeleteInstrument(id string) error {
	req, err := http.NewRequest(http.MethodDelete, sandboxBase+"/instruments/"+id, nil) // want: DELETE /instruments/{}
	if err != nil {
		return err
	}
	log.Printf("deleting instrument %s at api.sandbox.checkout.com", id)
	var out map[string]any
	return c.do(req, &out)
}

// UploadEvidence sends a multipart file to the Files API.
func (c *Client) UploadEvidence(ctx context.Context, body io.Reader, contentType string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, filesBase+"/files", body) // want: POST /files
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	var out map[string]any
	return c.do(req, &out)
}

// Actions lists the actions of a payment through the default client.
func (c *Client) Actions(id string) (*http.Response, error) {
	return c.HTTP.Get(sandboxBase + "/payments/" + id + "/actions") // want: GET /payments/{}/actions
}
