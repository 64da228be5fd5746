// Package credential recognises Checkout.com credentials without any network
// call: which platform and kind a value is, which environment it belongs to,
// how it is sent, and a redacted fingerprint that is safe to print.
//
// A Credential keeps its secret in unexported fields. Nothing this package
// prints, formats or returns as an error contains more of a secret than its
// last four characters, and only for recognised key shapes.
package credential
