// Package live checks, against Checkout.com's sandbox, the assumptions the
// evidence table of package checkout rests on (the rows with Assumption
// set): that a probe's fabricated id and its [] body are looked at only
// after the credential and its scopes were, so that a 404 or a 422 means
// "authorised". Its tests are built only with the build tag "live"; this
// file is all there is without it, and `go test ./...` never reaches the
// internet.
//
// Each test reads its credentials from the environment, all of the
// sandbox, and skips, naming the variable, when one is unset:
//
//	CKO_LIVE_SECRET_KEY     a secret key with every scope
//	CKO_LIVE_LIMITED_KEY    a secret key with every scope but one …
//	CKO_LIVE_LIMITED_LACKS  … which this names, e.g. gateway:payment-refunds
//	CKO_LIVE_CLIENT_ID      an OAuth access key allowed gateway:payment-details
//	CKO_LIVE_CLIENT_SECRET  and vault:instruments
//	CKO_LIVE_PUBLIC_KEY     a public key
//
// The requests are the tool's own: the plan's probes (probe.For: ids that
// do not exist, bodies that cannot validate) and controls, sent by
// checkout.Client, tokens from oauth.Config. Nothing can change the
// account; a 2xx to a write fails the test loudly. Secrets are logged only
// as fingerprints, and every line goes through a redact.Redactor first.
//
// With CKO_LIVE_RECORD=1, each answer is also written, scrubbed, as a
// fixture of package recorded under ../checkout/testdata/answers, which
// package checkout's replay test reads.
package live
