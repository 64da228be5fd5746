package ckohttp

import (
	"net/http"
	"os"
	"testing"
)

func TestSandboxRejectsBadKey(t *testing.T) {
	if os.Getenv("CKO_LIVE_TESTS") == "" {
		t.Skip("live sandbox tests disabled")
	}
	resp, err := http.Get("https://api.sandbox.checkout.com/payments/pay_doesnotexist") // want(tests): GET /payments/{}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("status %d", resp.StatusCode)
	}
}
