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
//     "invalid_scope", ...), the HTTP status and a scrubbed, truncated
//     description; [Error.Inconclusive] tells the verdicts about the
//     credential apart from outages (5xx, 429) and unusable answers
//     ("invalid_response");
//   - a [*TransportError] naming the host and the cause (DNS, refused,
//     TLS, timeout) when no answer could be had.
//
// After an invalid_scope answer, [Config.MissingScopes] asks for each scope
// on its own, concurrently, and reports exactly which ones were refused.
//
// Secrets never reach an error message, a String() result or a log line:
// provider text passes through [Redact] with the client id and secret, and
// [Token] redacts its access token in every fmt verb.
package oauth
