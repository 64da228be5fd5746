package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/google/go-cmp/cmp"
)

func TestTextFitsInWidth(t *testing.T) {
	t.Parallel()
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := Text(&buf, f.report, TextOptions{}); err != nil {
				t.Fatalf("Text: %v", err)
			}
			for i, line := range strings.Split(buf.String(), "\n") {
				if n := utf8.RuneCountInString(line); n > textWidth {
					t.Errorf("line %d has %d columns, over %d: %q", i+1, n, textWidth, line)
				}
			}
		})
	}
}

func TestTextNoColourWithoutOption(t *testing.T) {
	t.Parallel()
	for _, f := range fixtures() {
		var buf bytes.Buffer
		if err := Text(&buf, f.report, TextOptions{}); err != nil {
			t.Fatalf("Text: %v", err)
		}
		if strings.Contains(buf.String(), "\x1b") {
			t.Errorf("%s: plain text holds an escape sequence", f.name)
		}
	}
}

// TestTextNeutralisesControlCharacters checks that data cannot drive the
// terminal: no escape, carriage return or bidi override gets through.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	t.Parallel()
	r := missingScopeReport()
	evil := "x\x1b[2J\x1b]8;;https://evil.example\x07\r\u202e\x00y"
	r.Checks[5].Message, r.Checks[5].Remedy, r.Checks[5].ID = evil, evil, evil
	r.Checks[5].Position = at(evil, 1, 1)
	c := &r.Credentials[0]
	c.Name, c.Kind, c.Environment, c.Fingerprint, c.MissingScopes = evil, evil, evil, evil, []string{evil}
	c.Endpoints[0].Method, c.Endpoints[0].RequiredScope = evil, evil
	r.Egress = &report.Egress{IPv4: evil, IPv6: evil, Allowed: ptr(true), Matched: evil}
	r.Tool = evil
	var buf bytes.Buffer
	if err := Text(&buf, r, TextOptions{}); err != nil {
		t.Fatalf("Text: %v", err)
	}
	out := buf.String()
	for _, bad := range []string{"\x1b", "\x07", "\r", "\u202e", "\x00"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, `x\x1b[2J\x1b]8;;https://evil.example\a`) && !strings.Contains(out, `x\x1b[2J\x1b]8;;https://evil.example\x07`) {
		t.Errorf("escapes are not shown visibly:\n%s", out)
	}
}

func TestTextVerdicts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		r    report.Report
		want string
	}{
		{"empty report", report.Report{Result: report.ResultSkipped}, "- checkout-preflight: skipped, nothing was checked (0ms)\n"},
		{"one pass", base(report.ResultPass, check("a", report.StatusPass, "a")), "✓ checkout-preflight: the only check passed (1.2s)\n"},
		{"pass with warning and skip", base(report.ResultPass,
			check("a", report.StatusPass, "a"), check("b", report.StatusWarn, "b"), check("c", report.StatusSkip, "c")),
			"✓ checkout-preflight: 1 of 3 checks passed, 1 warning, 1 skipped (1.2s)\n"},
		{"fail with everything", base(report.ResultFail,
			check("a", report.StatusFail, "a"), check("b", report.StatusFail, "b"),
			check("c", report.StatusInconclusive, "c"), check("d", report.StatusWarn, "d")),
			"✗ checkout-preflight: 2 checks failed, 1 inconclusive, 1 warning (1.2s)\n"},
		{"inconclusive, as the report says", base(report.ResultInconclusive, check("a", report.StatusInconclusive, "a"), check("b", report.StatusPass, "b")),
			"? checkout-preflight: 1 check inconclusive (1.2s)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := Text(&buf, tt.r, TextOptions{}); err != nil {
				t.Fatalf("Text: %v", err)
			}
			got, _, _ := strings.Cut(buf.String(), "\n")
			if diff := cmp.Diff(tt.want, got+"\n"); diff != "" {
				t.Errorf("verdict line (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	t.Parallel()
	for ms, want := range map[int64]string{-5: "0ms", 0: "0ms", 999: "999ms", 1000: "1.0s", 1234: "1.2s", 59_949: "59.9s", 60_000: "1m0s", 125_400: "2m5s"} {
		if got := duration(ms); got != want {
			t.Errorf("duration(%d) = %q, want %q", ms, got, want)
		}
	}
}

func TestWrapKeepsQuotedValuesWhole(t *testing.T) {
	t.Parallel()
	got := wrap(words(`aaaa "b c d" e`, nil), "", "  ", 11)
	if diff := cmp.Diff("aaaa\n  \"b c d\" e\n", got); diff != "" {
		t.Errorf("wrap (-want +got):\n%s", diff)
	}
	got = wrap(words(`say "a \" b" done`, nil), "", "", 80)
	if diff := cmp.Diff("say \"a \\\" b\" done\n", got); diff != "" {
		t.Errorf("wrap with an escaped quote (-want +got):\n%s", diff)
	}
}

func TestRestSummary(t *testing.T) {
	t.Parallel()
	ep := func(s report.EndpointStatus) report.Endpoint { return report.Endpoint{Status: s} }
	tests := []struct {
		eps  []report.Endpoint
		more bool
		want string
	}{
		{nil, false, ""},
		{[]report.Endpoint{ep(report.EndpointAuthorized)}, false, "1 endpoint authorized"},
		{[]report.Endpoint{ep(report.EndpointAuthorized), ep(report.EndpointAuthorized)}, true, "2 more endpoints authorized"},
		{[]report.Endpoint{ep(report.EndpointAuthorized), ep(report.EndpointNotChecked), ep(report.EndpointAuthorized)}, true,
			"3 more endpoints: 2 authorized, 1 not checked"},
	}
	for _, tt := range tests {
		if got := restSummary(tt.eps, tt.more); got != tt.want {
			t.Errorf("restSummary(%d endpoints, %v) = %q, want %q", len(tt.eps), tt.more, got, tt.want)
		}
	}
}
