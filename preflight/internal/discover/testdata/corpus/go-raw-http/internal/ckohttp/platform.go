package ckohttp

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
)

// Token fetches an OAuth access token with client credentials.
func Token(clientID, clientSecret string) (*http.Response, error) {
	return http.PostForm("https://access.checkout.com/connect/token", url.Values{ // want: POST /connect/token
		"grant_type":    {"client_credentials"},
		"client_id":     {clientID},
		"client_secret": {clientSecret},
	})
}

// Transfer moves funds between entities.
func Transfer(body []byte) (*http.Response, error) {
	return http.Post("https://transfers.checkout.com/transfers", "application/json", bytes.NewReader(body)) // want: POST /transfers
}

// Balances reads an entity's balances.
func Balances(client *http.Client, token, entityID string) (*http.Response, error) {
	req, err := http.NewRequest("GET", fmt.Sprintf("https://balances.checkout.com/balances/%s?query=currency:EUR", entityID), nil) // want: GET /balances/{}
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return client.Do(req)
}

// HostedPage creates a hosted payments page on the merchant subdomain.
func HostedPage(client *http.Client, prefix string, body []byte) (*http.Response, error) {
	return client.Post("https://"+prefix+".api.checkout.com/hosted-payments", "application/json", bytes.NewReader(body)) // want: POST /hosted-payments
}
