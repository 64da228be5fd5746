package credential_test

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
)

func ExampleParseSecretKey() {
	c, err := credential.ParseSecretKey("secret-key", "sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e\n", "auto")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Kind.Label(), c.Fingerprint(), "("+c.Environment+")")
	fmt.Println(c.Warnings[0])
	// Output:
	// secret key sk_sbox_…xo4e (sandbox)
	// secret-key: the value had a trailing newline; it was trimmed before use — store the secret without it, because SDKs do not trim
}
