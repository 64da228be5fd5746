package oauth_test

import (
	"encoding/base64"
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
)

func ExampleRedact() {
	secret := "7f3k9q2m8x5w1z4v"
	basic := base64.StdEncoding.EncodeToString([]byte("ack_id:" + secret))
	fmt.Println(oauth.Redact("secret "+secret+", prefix 7f3k9q2m, header Basic "+basic, "ack_id", secret))
	// Output: secret [redacted], prefix [redacted], header Basic [redacted]
}

func ExampleScopesFromJWT() {
	payload := base64.RawURLEncoding.EncodeToString([]byte(`{"scope":["gateway","vault"]}`))
	scopes, err := oauth.ScopesFromJWT("eyJhbGciOiJub25lIn0." + payload + ".")
	fmt.Println(scopes, err)

	_, err = oauth.ScopesFromJWT("an-opaque-token")
	fmt.Println(err)
	// Output:
	// [gateway vault] <nil>
	// access token is not a JWT: it has 1 dot-separated parts, want 3 (header.payload.signature)
}
