package report

// Cause is one root cause: the findings that one fix resolves, grouped
// (a scope missing on 14 endpoints is one cause). Report.Causes lists the
// causes of every finding that needs attention, the most severe first.
type Cause struct {
	// Status is the most severe status of its findings.
	Status Status `json:"status"`
	// Check is the id its findings share.
	Check string `json:"check"`
	// Credential is the credential the cause is about; empty for the run
	// as a whole.
	Credential string `json:"credential,omitempty"`
	// Title names the cause ("Missing scope gateway:payment-refunds").
	Title string `json:"title"`
	// Message says what is wrong, with how many findings it covers.
	Message string `json:"message"`
	// Remedy is the one fix; empty when there is nothing to do.
	Remedy string `json:"remedy,omitempty"`
	// Findings are the indexes in Report.Checks of the checks it groups,
	// in report order; never empty.
	Findings []int `json:"findings"`
	// Positions are where its findings are, each once, in order; nil when
	// none has one.
	Positions []Position `json:"positions,omitempty"`
}
