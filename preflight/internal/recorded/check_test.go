package recorded

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// clean is an answer Check accepts.
func clean() Answer {
	return Answer{Case: "live-full-key-POST-payments", Method: "POST", Host: "api", Route: "/payments", Credential: CredentialFull,
		Status: 422, Headers: map[string][]string{HeaderContentType: {"application/json"}},
		Body:        json.RawMessage(`{"request_id":"redacted","error_type":"request_invalid","error_codes":["payment_source_required"]}`),
		ExpectedRow: "invalid-request", Source: SourceDocumented}
}

func TestCheckAcceptsClean(t *testing.T) {
	t.Parallel()
	for _, a := range []Answer{clean(), func() Answer { a := clean(); a.Body, a.Headers = nil, nil; return a }(),
		func() Answer {
			a := clean()
			a.Body = json.RawMessage(`"redacted"`)
			a.Source = SourceRecorded(time.Now())
			return a
		}()} {
		if err := Check(a); err != nil {
			t.Errorf("Check(%s) = %v, want nil", a.Body, err)
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*Answer)
		want   string
	}{
		{"request id", func(a *Answer) {
			a.Body = json.RawMessage(`{"request_id":"5342217f-7fa2-4626-a6c9-c979a04671a6","error_type":"request_invalid"}`)
		}, "a UUID"},
		{"payment id as a code", func(a *Answer) { a.Body = json.RawMessage(`{"error_codes":["pay_abc"]}`) }, "a payment or request id"},
		{"probe id", func(a *Answer) { a.Body = json.RawMessage(`{"error_codes":["checkoutpreflightnonexists"]}`) }, "made-up id"},
		{"unscrubbed string", func(a *Answer) { a.Body = json.RawMessage(`{"message":"Payment not found"}`) }, "Scrub replaces"},
		{"number", func(a *Answer) { a.Body = json.RawMessage(`{"limit":10}`) }, "Scrub replaces"},
		{"text body", func(a *Answer) { a.Body = json.RawMessage(`"<html>"`) }, "Scrub replaces"},
		{"other header", func(a *Answer) { a.Headers = map[string][]string{"Cko-Request-Id": {"x"}} }, "is not kept"},
		{"raw challenge", func(a *Answer) {
			a.Headers = map[string][]string{HeaderWWWAuthenticate: {`Bearer error_description="Token req_1 expired"`}}
		}, "ScrubHeaders replaces"},
		{"credential", func(a *Answer) { a.Credential = "admin" }, "credential"},
		{"source", func(a *Answer) { a.Source = "made up" }, "source"},
		{"case", func(a *Answer) { a.Case = "payments.json" }, "case"},
		{"status", func(a *Answer) { a.Status = 0 }, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := clean()
			tt.change(&a)
			err := Check(a)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}
