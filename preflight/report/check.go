package report

// Check is one finding: something that was verified, with its outcome and,
// when it did not pass, what the user should do.
type Check struct {
	// ID is stable across releases; see the constants below.
	ID string `json:"id"`
	// Status is the outcome.
	Status Status `json:"status"`
	// Title is a short headline, suitable for an annotation title.
	Title string `json:"title"`
	// Message says what was found, lower-case first, never containing a secret.
	Message string `json:"message"`
	// Remedy says what to do about a failure or warning; empty on a pass.
	Remedy string `json:"remedy,omitempty"`
	// Credential is the name of the credential the check is about; empty for
	// checks about the run as a whole (egress, configuration).
	Credential string `json:"credential,omitempty"`
	// Endpoint is the endpoint the check is about, in the catalog's
	// template spelling ("POST /payments/{id}/refunds", whatever the
	// declaration wrote); empty when the check is not about one endpoint.
	Endpoint string `json:"endpoint,omitempty"`
	// Position is where the offending value was declared; nil when unknown.
	Position *Position `json:"position,omitempty"`
	// Detail is longer supporting text (folded away in the job summary).
	Detail string `json:"detail,omitempty"`
	// Scope is the scope the finding is about, the one to add; empty when
	// it is not about a scope.
	Scope string `json:"scope,omitempty"`
}

// Stable check ids. New ids may be added; existing ids never change meaning.
const (
	CheckConfig             = "config.valid"           // inputs and config file are usable
	CheckCredentialPresent  = "credential.present"     // a credential was supplied
	CheckCredentialFormat   = "credential.format"      // the value has a recognised shape
	CheckCredentialEnv      = "credential.environment" // the declared environment fits the key
	CheckCredentialActive   = "credential.active"      // Checkout.com accepts the credential
	CheckScopesGranted      = "credential.scopes"      // OAuth: the token carries the needed scopes
	CheckEndpointAuthorized = "endpoint.authorized"    // the credential may call the endpoint
	CheckProbeSafety        = "probe.safety"           // a probe was answered with success (must never happen)
	CheckProbeControls      = "probe.controls"         // the controls prove that each route checks the credential before it answers
	CheckEgressDiscovered   = "egress.discovered"      // the egress address could be found
	CheckEgressAgreement    = "egress.agreement"       // the echo services agree on one address
	CheckEgressAllowed      = "egress.allowed"         // the egress address is on the allowlist
	CheckEgressHostedRunner = "egress.hosted-runner"   // a notice beside an address not on the allowlist: the job runs on a GitHub-hosted runner, whose address may change
	CheckEgressRestriction  = "egress.restriction"     // 403s that point at a network or account restriction
	CheckCodeScanned        = "code.scanned"           // the discover paths were read
	CheckCodeDeclared       = "code.declared"          // every endpoint the code calls is declared (with endpoints and discover both given)
	CheckCodeUsed           = "code.used"              // a declared endpoint is called by the code (a notice when not)
	CheckCodeKnown          = "code.known"             // the code calls only endpoints the catalog knows (a notice when not)
	CheckRunDeadline        = "run.deadline"           // the run's timeout passed before every check finished
	CheckRunInterrupted     = "run.interrupted"        // the run was cancelled (SIGINT/SIGTERM)
)

// Worst returns the most severe of the statuses: fail, then inconclusive,
// warn, notice, pass and skip. It returns StatusSkip for no statuses.
func Worst(statuses ...Status) Status {
	worst := StatusSkip
	for _, s := range statuses {
		if severity(s) > severity(worst) {
			worst = s
		}
	}
	return worst
}

func severity(s Status) int {
	switch s {
	case StatusFail:
		return 5
	case StatusInconclusive:
		return 4
	case StatusWarn:
		return 3
	case StatusNotice:
		return 2
	case StatusPass:
		return 1
	default:
		return 0
	}
}
