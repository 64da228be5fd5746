// Package transport owns what every outgoing request of a run shares once
// it has failed or been answered: the classification of a request that got
// no HTTP answer (Classify, *Error), the Retry-After header (RetryAfter),
// and the one loopback test (IsLoopback) that decides where plain http:// is
// allowed and where a proxy is never used.
//
// The API client (package checkout), the token exchange (package oauth)
// and egress discovery (package egress) all classify their failures here,
// so a DNS failure, a refused connection, a TLS failure, a timeout or a
// proxy refusal reads the same whichever of them met it.
//
// An *Error's message is built from a fixed vocabulary: it names the host
// and the cause and says what to do, and never quotes text a server, proxy
// or certificate supplied (a proxy's status line, a certificate's names, a
// malformed response), since such text is untrusted. The package does not
// send requests, retry, or decide what a failure means for a credential:
// every transport failure is inconclusive, and callers say so.
package transport
