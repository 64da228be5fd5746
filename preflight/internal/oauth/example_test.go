package oauth_test

import (
	"encoding/base64"
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
)

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
