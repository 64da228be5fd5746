package render

import "github.com/checkout-preflight/checkout-preflight/preflight/report"

// ANSI SGR sequences used by Text.
const (
	sgrReset   = "\x1b[0m"
	sgrBold    = "\x1b[1m"
	sgrDim     = "\x1b[2m"
	sgrRed     = "\x1b[31m"
	sgrGreen   = "\x1b[32m"
	sgrYellow  = "\x1b[33m"
	sgrMagenta = "\x1b[35m"
	sgrCyan    = "\x1b[36m"
)

// painter wraps text in ANSI colours when on is true and leaves it alone
// otherwise.
type painter struct{ on bool }

func (p painter) paint(sgr, s string) string {
	if !p.on || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

func (p painter) bold(s string) string { return p.paint(sgrBold, s) }
func (p painter) dim(s string) string  { return p.paint(sgrDim, s) }

// status colours s by the severity of st.
func (p painter) status(st report.Status, s string) string {
	switch st {
	case report.StatusPass:
		return p.paint(sgrGreen, s)
	case report.StatusFail:
		return p.paint(sgrRed, s)
	case report.StatusWarn:
		return p.paint(sgrYellow, s)
	case report.StatusNotice:
		return p.paint(sgrCyan, s)
	case report.StatusInconclusive:
		return p.paint(sgrMagenta, s)
	default:
		return p.dim(s)
	}
}
