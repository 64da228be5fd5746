package redact

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestWriterSplitsAcrossWrites(t *testing.T) {
	t.Parallel()
	r := New()
	r.Add(testSecret)
	var out bytes.Buffer
	w := NewWriter(r, &out)
	line := "token " + testSecret + " end\n"
	for i := range len(line) {
		if _, err := w.Write([]byte{line[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Write([]byte("tail " + testSecret[:10])); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "token " + Placeholder + " end\ntail " + Placeholder
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestWriterLongLine(t *testing.T) {
	t.Parallel()
	r := New()
	r.Add(testSecret)
	var out bytes.Buffer
	w := NewWriter(r, &out)
	// A secret straddling the point where a long line is cut.
	long := strings.Repeat("x", maxLine-3) + testSecret + strings.Repeat("y", 10)
	_, _ = w.Write([]byte(long))
	_, _ = w.Write([]byte("\n"))
	_ = w.Flush()
	assertNoPiece(t, out.String(), testSecret)
}

func TestWriterRawAndConcurrency(t *testing.T) {
	t.Parallel()
	r := New()
	var out bytes.Buffer
	w := NewWriter(r, &out)
	_, _ = w.Write([]byte("partial "))
	if err := w.WriteRaw([]byte("::add-mask::" + testSecret + "\n")); err != nil {
		t.Fatal(err)
	}
	r.Add(testSecret)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { _, _ = w.Write([]byte("line " + testSecret + "\n")) })
	}
	wg.Wait()
	_ = w.Flush()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if lines[0] != "partial ::add-mask::"+testSecret {
		t.Errorf("first line %q: the raw line must follow what was buffered", lines[0])
	}
	for _, l := range lines[1:] {
		if l != "line "+Placeholder {
			t.Errorf("line %q", l)
		}
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterKeepsTheFirstError(t *testing.T) {
	t.Parallel()
	w := NewWriter(New(), failing{})
	if _, err := w.Write([]byte("a\n")); err == nil {
		t.Fatal("no error from a failing writer")
	}
	if _, err := w.Write([]byte("b\n")); err == nil || err.Error() != "disk full" {
		t.Errorf("second write: %v", err)
	}
	if err := w.WriteRaw([]byte("c")); err == nil {
		t.Error("WriteRaw after a failure: no error")
	}
	if err := w.Flush(); err == nil {
		t.Error("Flush after a failure: no error")
	}
}

func TestNeutralise(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"\x1b[31mred\x1b[0m", "\x1b[31mred\x1b[0m"},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"\x1b[2J clear", `\x1b[2J clear`},
		{"cr\rover", `cr\x0dover`},
		{"del\x7f", `del\x7f`},
		{"c1\u009b", `c1\u009b`},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"\x1b[", `\x1b[`},
		{"é ok", "é ok"},
	}
	for _, tt := range tests {
		if got := string(Neutralise([]byte(tt.in))); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
