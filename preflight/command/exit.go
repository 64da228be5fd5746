package command

// Exit codes, documented in README.md. They never change meaning.
const (
	// ExitOK: every check passed, or the run was skipped on purpose.
	ExitOK = 0
	// ExitFailed: at least one check failed (or warned, with fail-on: warning).
	ExitFailed = 1
	// ExitUsage: the command line, inputs or config file are unusable.
	ExitUsage = 2
	// ExitInconclusive: a check could not be completed (network, deadline,
	// Checkout.com errors), and nothing failed.
	ExitInconclusive = 3
)

// proceed is what parse returns when the command should go on; it is
// never an exit code.
const proceed = -1
