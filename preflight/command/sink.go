package command

import (
	"io"
	"os"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/redact"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
)

// sink is where every byte the program writes leaves it: stdout, stderr
// and the files it writes (the report, the job summary, the step outputs)
// all pass through one redactor, fed every secret of the run the moment it
// exists (see addSecret).
type sink struct {
	red            *redact.Redactor
	stdout, stderr *redact.Writer
	writeFile      func(dir, name string, data []byte, perm os.FileMode) error
	appendFile     func(name string, data []byte) error
	// off records no secret (see Command.redactionOff).
	off bool
}

func newSink(stdout, stderr io.Writer, writeFile func(string, string, []byte, os.FileMode) error, appendFile func(string, []byte) error) *sink {
	red := redact.New(render.Escapers()...)
	return &sink{
		red: red, stdout: redact.NewWriter(red, stdout), stderr: redact.NewWriter(red, stderr),
		writeFile: func(dir, name string, data []byte, perm os.FileMode) error {
			return writeFile(dir, name, redact.Neutralise(red.Bytes(data)), perm)
		},
		appendFile: func(name string, data []byte) error {
			return appendFile(name, redact.Neutralise(red.Bytes(data)))
		},
	}
}

// addSecret records v, trimmed, and each of its lines with the redactor,
// when they could be a secret at all (credential.Plausible): values that
// cannot be one are refused elsewhere and never quoted, and redacting or
// masking them would mangle ordinary text ("e" everywhere). It returns the
// parts recorded, which may be masked, each once.
func (s *sink) addSecret(v string) []string {
	var out []string
	for _, part := range append([]string{v}, strings.Split(v, "\n")...) {
		part = strings.TrimSpace(part)
		if credential.Plausible(part) != nil || slices.Contains(out, part) {
			continue
		}
		if !s.off {
			s.red.Add(part)
		}
		out = append(out, part)
	}
	return out
}

func (s *sink) flush() {
	_ = s.stdout.Flush()
	_ = s.stderr.Flush()
}
