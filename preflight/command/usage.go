package command

import (
	"strings"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
)

const usageMain = `checkout-preflight checks Checkout.com credentials before they reach production.

Usage:
  checkout-preflight [run] [flags]          check credentials, scopes and egress address
  checkout-preflight scopes [flags] "METHOD /path"...
                                            show which OAuth scopes grant each endpoint
  checkout-preflight catalog [flags]        list every endpoint the tool knows
  checkout-preflight discover [flags] [PATH...]
                                            find the Checkout.com calls in source code
  checkout-preflight simulate [flags]       run a preflight against the embedded simulator
  checkout-preflight version                print the version

In GitHub Actions (GITHUB_ACTIONS=true) with no arguments, the action's
inputs are read instead of flags.

Exit codes: 0 passed, 1 checks failed, 2 usage or configuration error,
3 inconclusive (a check could not be completed).

Run 'checkout-preflight COMMAND --help' for a command's flags.
`

const usageScopes = `Usage: checkout-preflight scopes [--format text|json] "METHOD /path"...

Prints, for each endpoint, the catalog template it matches and the OAuth
scopes that grant it (any one suffices; the most specific is the one to add).
Paths may be templates (/payments/{id}) or concrete (/payments/pay_abc).

Exit codes: 0 all matched, 2 any endpoint unknown (suggestions on stderr).

Flags:
  --format text|json   output format (default text)
`

const usageCatalog = `Usage: checkout-preflight catalog [--format text|json]

Lists every endpoint in the catalog generated from Checkout.com's API
reference, with its scopes and the side-effect-free probe used to test it.

Flags:
  --format text|json   output format (default text)
`

// usageRunHead and usageRunTail frame the run command's flag list, which
// runUsage writes from config.Settings.
const usageRunHead = `Usage: checkout-preflight [run] [flags]

Checks that each credential is active, holds the scopes its endpoints need,
and that this machine's egress address is on the allowlist. Secrets are best
passed in the environment (CKO_SECRET_KEY, CKO_CLIENT_ID, CKO_CLIENT_SECRET,
CKO_PUBLIC_KEY) rather than as flags, which other users of the machine can see.

Flags (each but the last four is also an action input of the same name):
`

const usageRunTail = `
Exit codes: 0 passed, 1 checks failed, 2 usage or configuration error,
3 inconclusive (a check could not be completed).
`

// runUsage is the run command's help. Its flags come from config.Settings,
// so a setting cannot be missing from it.
func runUsage() string {
	var b strings.Builder
	b.WriteString(usageRunHead)
	for _, s := range config.Settings() {
		name := "--" + s.Name
		if s.Arg != "" {
			name += " " + s.Arg
		}
		writeFlag(&b, name, s.Usage+settingDefault(s))
	}
	writeFlag(&b, "--format text|json|markdown", "output format (default text)")
	writeFlag(&b, "--report FILE", "also write the JSON report to FILE")
	writeFlag(&b, "--debug", "log each request (method, host, path, status, timing)")
	writeFlag(&b, "--help", "show this help")
	b.WriteString(usageRunTail)
	return b.String()
}

// settingDefault says where a setting comes from when its flag is not
// given; "" when nowhere.
func settingDefault(s config.Setting) string {
	var parts []string
	if s.List {
		parts = append(parts, "repeatable, newline- or comma-separated")
	}
	switch {
	case s.Env != "":
		parts = append(parts, "default $"+s.Env)
	case s.Default != "" && s.Arg != "":
		parts = append(parts, "default "+s.Default)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// flagColumn is where flag descriptions start; usageWidth is where lines
// wrap.
const (
	flagColumn = 30
	usageWidth = 80
)

// writeFlag writes one flag line: the name, then its description from
// flagColumn, wrapped at usageWidth (on the next line when the name is too
// long to leave room).
func writeFlag(b *strings.Builder, name, desc string) {
	line := "  " + name
	if len(line) >= flagColumn-1 {
		b.WriteString(line + "\n")
		line = ""
	}
	for _, w := range strings.Fields(desc) {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > usageWidth && strings.TrimSpace(line) != "" {
			b.WriteString(line + "\n")
			line = ""
		}
		if line == "" || utf8.RuneCountInString(line) < flagColumn {
			line += strings.Repeat(" ", flagColumn-utf8.RuneCountInString(line)) + w
			continue
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}
