// Package oauth exchanges Checkout.com OAuth access keys for access tokens
// and explains the answer.
//
// An access key is a client id ("ack_" followed by 26 base32 characters) and
// a client secret. [Config.Exchange] sends them to the token endpoint
// (SandboxTokenURL or ProductionTokenURL) with the client-credentials grant,
// using golang.org/x/oauth2/clientcredentials over the injected *http.Client.
// The client id and secret travel in an HTTP Basic Authorization header
// (form-encoded first, as RFC 6749 §2.3.1 asks), never in the form body.
//
// The answer is one of:
//   - a [Token] whose Scopes say what was granted (from the response's
//     "scope" field, else the JWT access token's "scope" claim, read without
//     verifying the signature, else the scopes that were requested);
//   - an [*Error] carrying the OAuth error code ("invalid_client",
//     "invalid_scope", ...) and the HTTP status; [Error.Inconclusive] tells
//     the verdicts about the credential apart from outages (5xx, 429) and
//     unusable answers ("invalid_response");
//   - a [*transport.Error] naming the host and the cause (DNS, refused,
//     TLS, timeout) when no answer could be had.
//
// The server's text is never echoed: an error keeps the code only when it
// is spelt like an OAuth code, granted scopes only when they are spelt
// like scope names, and a request id only when it is spelt like one. An
// access token that cannot be real (credential.Plausible) is refused as
// invalid_response, so it is never masked; a real one is passed to
// Config.Mask before Exchange logs or returns it. [Token] redacts its
// access token in every fmt verb. What the package must not do is decide
// what an answer means for a run: that is the judge's.
package oauth
