package report

// Credential is what a run learned about one credential. It never holds
// secret material: Fingerprint shows the kind, environment and last four
// characters only.
type Credential struct {
	// Name identifies the credential: the input that holds it
	// ("secret-key", "client-id", "public-key") for one given by flags or
	// inputs, or its name in the config file.
	Name string `json:"name"`
	// Kind is the credential kind (see package credential), e.g. "secret_key".
	Kind string `json:"kind"`
	// Environment is "sandbox" or "production"; empty when it is unknown.
	Environment string `json:"environment"`
	// Fingerprint is the redacted form, e.g. "sk_sbox_…k7q2".
	Fingerprint string `json:"fingerprint"`
	// Active is true when Checkout.com accepted the credential, false when it
	// rejected it, and nil when that could not be established.
	Active *bool `json:"active"`
	// GrantedScopes lists the scopes an OAuth token carried; nil for secret
	// keys, which have no introspection.
	GrantedScopes []string `json:"granted_scopes,omitempty"`
	// MissingScopes lists, once each, the scopes needed by declared
	// endpoints (or declared directly) that the credential lacks.
	MissingScopes []string `json:"missing_scopes"`
	// Endpoints lists each declared endpoint and its verdict.
	Endpoints []Endpoint `json:"endpoints"`
	// Activity lists the harmless lookups across scope families sent with
	// a secret key to tell an active key lacking scopes from an unknown
	// one; nil for other kinds.
	Activity []Endpoint `json:"activity,omitempty"`
	// Position is where the credential was declared; nil when not in a file.
	Position *Position `json:"position,omitempty"`
}

// EndpointStatus is the verdict on one endpoint for one credential. Its
// values are the only endpoint outcomes the report knows; the judge sets
// them, renderers read them.
type EndpointStatus string

// Endpoint outcomes.
const (
	EndpointAuthorized        EndpointStatus = "authorized"         // the API let the probe past authentication and authorisation
	EndpointForbidden         EndpointStatus = "forbidden"          // 403: missing scope or an account/network restriction
	EndpointUnauthenticated   EndpointStatus = "unauthenticated"    // 401 while the credential is otherwise active
	EndpointMissingScope      EndpointStatus = "missing_scope"      // OAuth: the token lacks every scope that grants it
	EndpointInconclusive      EndpointStatus = "inconclusive"       // no answer could be had (network, 5xx, deadline)
	EndpointUnexpectedSuccess EndpointStatus = "unexpected_success" // the probe succeeded; reported loudly
	EndpointNotChecked        EndpointStatus = "not_checked"        // not probed (credential inactive or unusable)
)

// Endpoint is the verdict for one declared endpoint and one credential.
type Endpoint struct {
	// Endpoint is the line as the user declared it, e.g. "post /payments/".
	Endpoint string `json:"endpoint"`
	// Method and Path are the normalised request line that was declared.
	Method string `json:"method"`
	Path   string `json:"path"`
	// Template is the catalog path template that matched, e.g. "/payments/{id}".
	Template string `json:"template"`
	// Host is the catalog host family: "api", "files", "transfers", ...
	Host string `json:"host"`
	// Scopes lists the OAuth scopes that grant the endpoint (any one suffices),
	// in spec order; nil when the catalog does not know them.
	Scopes []string `json:"scopes"`
	// RequiredScope is the most specific scope in Scopes, the one to add.
	RequiredScope string `json:"required_scope,omitempty"`
	// Status is the verdict.
	Status EndpointStatus `json:"status"`
	// HTTPStatus is the status code of the last answer; 0 when none came.
	HTTPStatus int `json:"http_status"`
	// MissingScopes lists scopes the credential lacks for this endpoint.
	MissingScopes []string `json:"missing_scopes"`
	// RequestID is Checkout.com's Cko-Request-Id of the last answer, if any.
	RequestID string `json:"request_id,omitempty"`
	// Attempts is how many requests were made (retries included).
	Attempts int `json:"attempts,omitempty"`
	// Evidence explains the verdict in a sentence.
	Evidence string `json:"evidence,omitempty"`
	// Row is the evidence-table row the answer matched ("not-found",
	// "business-rule", …; see README "How answers are read"); empty when
	// no answer came.
	Row string `json:"row,omitempty"`
	// Control is what the same request got with a credential that cannot
	// exist; nil when no control was sent.
	Control *Control `json:"control,omitempty"`
	// ScopeControl is, for an OAuth access key, what the same request got
	// with a token whose scopes do not grant the endpoint; nil when none
	// was sent.
	ScopeControl *Control `json:"scope_control,omitempty"`
	// Position is where the endpoint was declared; for an endpoint only
	// the code calls, its first call; nil when unknown.
	Position *Position `json:"position,omitempty"`
	// Origin says why the endpoint was checked: "declared", "discovered"
	// (the code calls it, the declaration does not), "scope" (it proves a
	// declared scope), "activity" or "public" (a public key's probe).
	Origin string `json:"origin"`
	// Calls are the places in the code that call the endpoint (the
	// discover setting); nil when discovery was off or found none.
	Calls []CodeCall `json:"calls,omitempty"`
}

// CodeCall is a place in the code that calls an endpoint, relative to the
// workspace.
type CodeCall struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Symbol is what the code calls, e.g. "cko.payments.refund".
	Symbol string `json:"symbol"`
}

// Egress is the runner's public address as seen by independent echo
// services, and the allowlist verdict.
type Egress struct {
	// IPv4 and IPv6 are the agreed addresses; empty when none was seen.
	IPv4 string `json:"ipv4"`
	IPv6 string `json:"ipv6"`
	// Allowed is nil when there is no allowlist or no address was found.
	Allowed *bool `json:"allowed"`
	// Matched is the allowlist entry that matched, as written.
	Matched string `json:"matched,omitempty"`
	// Allowlist echoes the allowlist entries as written.
	Allowlist []string `json:"allowlist,omitempty"`
	// Sources lists what each echo service answered.
	Sources []EgressSource `json:"sources"`
}

// EgressSource is one echo service's answer.
type EgressSource struct {
	URL string `json:"url"`
	// IP is the address it reported; empty when it gave none.
	IP string `json:"ip,omitempty"`
	// Error says why there is no address (timeout, status, unparseable).
	Error string `json:"error,omitempty"`
}

// Control is the answer a control request got: the probe sent again with
// a credential that cannot exist (or, as a scope control, with a token
// that lacks the scope), to prove that the route checks the credential
// before it answers.
type Control struct {
	// HTTPStatus is the control's answer; 0 when none came.
	HTTPStatus int `json:"http_status"`
	// Row is the evidence-table row of the control's answer.
	Row string `json:"row,omitempty"`
	// Proves is true when the control was refused while the credential
	// was not (or refused differently), so the credential's answer is
	// about the credential.
	Proves bool `json:"proves"`
}
