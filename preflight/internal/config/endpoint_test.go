package config

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestParseEndpoint(t *testing.T) {
	t.Parallel()
	pos := at("e.yml", 4, 7)
	tests := []struct {
		text    string
		want    Endpoint
		wantErr string
	}{
		{text: "POST /payments", want: Endpoint{Method: "POST", Path: "/payments", Raw: "POST /payments", Pos: pos}},
		{text: "post   /payments/", want: Endpoint{Method: "POST", Path: "/payments/", Raw: "post   /payments/", Pos: pos}},
		{text: "POST\t/payments/{id}/refunds", want: Endpoint{Method: "POST", Path: "/payments/{id}/refunds", Raw: "POST\t/payments/{id}/refunds", Pos: pos}},
		{text: "  Delete \t /instruments/src_x  ", want: Endpoint{Method: "DELETE", Path: "/instruments/src_x", Raw: "Delete \t /instruments/src_x", Pos: at("e.yml", 4, 9)}},
		{text: "GET https://files.checkout.com/files/file_x", want: Endpoint{Method: "GET", Path: "https://files.checkout.com/files/file_x", Raw: "GET https://files.checkout.com/files/file_x", Pos: pos}},
		{text: "PUT /a", want: Endpoint{Method: "PUT", Path: "/a", Raw: "PUT /a", Pos: pos}},
		{text: "patch /a", want: Endpoint{Method: "PATCH", Path: "/a", Raw: "patch /a", Pos: pos}},
		{text: "get /payments?reference=x", want: Endpoint{Method: "GET", Path: "/payments?reference=x", Raw: "get /payments?reference=x", Pos: pos}},

		{text: "", wantErr: `e.yml:4:7: endpoint is empty; write "METHOD /path", for example "POST /payments"`},
		{text: " \t ", wantErr: `e.yml:4:10: endpoint is empty; write "METHOD /path", for example "POST /payments"`},
		{text: "POST/payments", wantErr: `e.yml:4:7: endpoint "POST/payments" needs a space between the method and the path; write "POST /payments"`},
		{text: "get/payments/{id}", wantErr: `e.yml:4:7: endpoint "get/payments/{id}" needs a space between the method and the path; write "GET /payments/{id}"`},
		{text: "GEThttps://api.checkout.com/x", wantErr: `e.yml:4:7: endpoint "GEThttps://api.checkout.com/x" needs a space between the method and the path; write "GET https://api.checkout.com/x"`},
		{text: "FETCH /payments", wantErr: `e.yml:4:7: endpoint "FETCH /payments" has unknown method "FETCH"; use GET, POST, PUT, PATCH or DELETE`},
		{text: "HEAD /payments", wantErr: `e.yml:4:7: endpoint "HEAD /payments" uses method "HEAD", which no endpoint in the catalog accepts; use GET, POST, PUT, PATCH or DELETE`},
		{text: "options /payments", wantErr: `e.yml:4:7: endpoint "options /payments" uses method "OPTIONS", which no endpoint in the catalog accepts; use GET, POST, PUT, PATCH or DELETE`},
		{text: "/payments", wantErr: `e.yml:4:7: endpoint "/payments" has no method; put GET, POST, PUT, PATCH or DELETE before the path, for example "POST /payments"`},
		{text: "https://api.checkout.com/payments", wantErr: `e.yml:4:7: endpoint "https://api.checkout.com/payments" has no method; put GET, POST, PUT, PATCH or DELETE before the path, for example "POST https://api.checkout.com/payments"`},
		{text: "/payments POST", wantErr: `e.yml:4:7: endpoint "/payments POST" has the path before the method; write "POST /payments"`},
		{text: "POST", wantErr: `e.yml:4:7: endpoint "POST" has no path; write "POST /path", for example "POST /payments"`},
		{text: "payments", wantErr: `e.yml:4:7: endpoint "payments" is not "METHOD /path"; write it like "POST /payments"`},
		{text: "POST payments", wantErr: `e.yml:4:12: endpoint "POST payments" has path "payments", which does not start with "/"; write "POST /payments"`},
		{text: "POST /payments GET /disputes", wantErr: `e.yml:4:22: endpoint "POST /payments GET /disputes" has extra text "GET /disputes" after the path; put one endpoint per line or separate endpoints with commas`},
		{text: "GET http://api.checkout.com/x", wantErr: `e.yml:4:11: endpoint "GET http://api.checkout.com/x" uses http://, but Checkout.com is only reachable over https; write "GET https://api.checkout.com/x"`},
		{text: "GET https:///x", wantErr: `e.yml:4:11: endpoint "GET https:///x" has URL "https:///x", which is not a valid https:// URL with a host; write a full URL such as "https://api.checkout.com/payments", or just the path "/payments"`},
		{text: "GET https://api.checkout.com", wantErr: `e.yml:4:11: endpoint "GET https://api.checkout.com" has URL "https://api.checkout.com", which has no path; add the path, as in "https://api.checkout.com/payments"`},
		{text: "GET ftp://x/y", wantErr: `e.yml:4:11: endpoint "GET ftp://x/y" has URL "ftp://x/y"; only https:// URLs or paths starting with "/" are accepted, as in "POST /payments"`},
		{text: "GET /caf\xe9", wantErr: `e.yml:4:7: endpoint "GET /caf\xe9" is not valid UTF-8 text; write it as "METHOD /path", for example "POST /payments"`},
		{text: "GET /a\x00b", wantErr: `e.yml:4:7: endpoint "GET /a\x00b" contains a control character; write it as "METHOD /path", for example "POST /payments"`},
		{text: "GET /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa extra", wantErr: `e.yml:4:82: endpoint "GET /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" has extra text "extra" after the path; put one endpoint per line or separate endpoints with commas`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got, err := ParseEndpoint(Value{Text: tt.text, Pos: pos})
			if tt.wantErr != "" {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("ParseEndpoint(%q) error = %v, want an *Error", tt.text, err)
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("ParseEndpoint(%q) error mismatch (-want +got):\n%s", tt.text, diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseEndpoint(%q) error = %v", tt.text, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseEndpoint(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestParseEndpointWithoutPosition(t *testing.T) {
	t.Parallel()
	_, err := ParseEndpoint(Value{Text: "POST/payments"})
	want := `endpoint "POST/payments" needs a space between the method and the path; write "POST /payments"`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("error mismatch (-want +got):\n%s", diff)
	}
}

func TestParseEndpoints(t *testing.T) {
	t.Parallel()
	values := SplitList("POST /payments\npost /payments, GET /disputes\nFETCH /x\n/payments\nPOST /payments/\nGET /disputes", at("w.yml", 20, 11))
	endpoints, dups, err := ParseEndpoints(values)

	wantEndpoints := []Endpoint{
		{Method: "POST", Path: "/payments", Raw: "POST /payments", Pos: at("w.yml", 20, 11)},
		{Method: "GET", Path: "/disputes", Raw: "GET /disputes", Pos: at("w.yml", 21, 27)},
		{Method: "POST", Path: "/payments/", Raw: "POST /payments/", Pos: at("w.yml", 24, 11)},
	}
	if diff := cmp.Diff(wantEndpoints, endpoints); diff != "" {
		t.Errorf("endpoints mismatch (-want +got):\n%s", diff)
	}
	wantDups := []Duplicate{
		{Endpoint: Endpoint{Method: "POST", Path: "/payments", Raw: "post /payments", Pos: at("w.yml", 21, 11)}, First: wantEndpoints[0], Repeats: 1},
		{Endpoint: Endpoint{Method: "GET", Path: "/disputes", Raw: "GET /disputes", Pos: at("w.yml", 25, 11)}, First: wantEndpoints[1], Repeats: 1},
	}
	if diff := cmp.Diff(wantDups, dups); diff != "" {
		t.Errorf("duplicates mismatch (-want +got):\n%s", diff)
	}
	wantMsgs := []string{
		`endpoint "post /payments" is declared twice (first at w.yml:20:11); the repeat is ignored, remove it`,
		`endpoint "GET /disputes" is declared twice (first at w.yml:21:27); the repeat is ignored, remove it`,
	}
	var gotMsgs []string
	for _, d := range dups {
		gotMsgs = append(gotMsgs, d.Message())
	}
	if diff := cmp.Diff(wantMsgs, gotMsgs); diff != "" {
		t.Errorf("duplicate messages mismatch (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		`w.yml:22:11: endpoint "FETCH /x" has unknown method "FETCH"; use GET, POST, PUT, PATCH or DELETE`,
		`w.yml:23:11: endpoint "/payments" has no method; put GET, POST, PUT, PATCH or DELETE before the path, for example "POST /payments"`,
	}
	if diff := cmp.Diff(wantErrs, messages(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}

func TestParseEndpointsEmpty(t *testing.T) {
	t.Parallel()
	endpoints, dups, err := ParseEndpoints(nil)
	if endpoints != nil || dups != nil || err != nil {
		t.Errorf("ParseEndpoints(nil) = %v, %v, %v; want nil, nil, nil", endpoints, dups, err)
	}
	d := Duplicate{Endpoint: Endpoint{Raw: "GET /a"}, First: Endpoint{Raw: "GET /a"}}
	if diff := cmp.Diff(`endpoint "GET /a" is declared twice; the repeat is ignored, remove it`, d.Message()); diff != "" {
		t.Errorf("Message without positions mismatch (-want +got):\n%s", diff)
	}
	if got := (Endpoint{Method: "GET", Path: "/a", Pos: report.Position{}}).String(); got != "GET /a" {
		t.Errorf("String() = %q, want %q", got, "GET /a")
	}
}

func TestParseEndpointsHundreds(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "GET /payments/pay_%d\n", i)
	}
	text := b.String()
	endpoints, dups, err := ParseEndpoints(SplitList(text, at("f", 1, 1)))
	if err != nil || len(dups) != 0 {
		t.Fatalf("ParseEndpoints: dups=%v err=%v", dups, err)
	}
	if len(endpoints) != 300 {
		t.Fatalf("got %d endpoints, want 300", len(endpoints))
	}
	if diff := cmp.Diff(at("f", 300, 1), endpoints[299].Pos); diff != "" {
		t.Errorf("last position mismatch (-want +got):\n%s", diff)
	}
}

func TestParseEndpointsCountsWhatItDoesNotList(t *testing.T) {
	t.Parallel()
	var values []Value
	for i := range MaxListErrors + 7 {
		values = append(values, Value{Text: fmt.Sprintf("FETCH /x%d", i), Pos: at("f.yml", 10+i, 3)})
	}
	for range 5 {
		values = append(values, Value{Text: "GET /payments"})
	}
	eps, dups, err := ParseEndpoints(values)
	errs := Errors(err)
	if len(errs) != MaxListErrors+1 || len(eps) != 1 || len(dups) != 1 || dups[0].Repeats != 4 {
		t.Fatalf("%d errors, %d endpoints, %+v", len(errs), len(eps), dups)
	}
	last := errs[MaxListErrors]
	if last.Pos != at("f.yml", 10+MaxListErrors, 3) || !strings.Contains(last.Message, "and 7 more endpoints") {
		t.Errorf("last error %v", last)
	}
	if got := dups[0].Message(); !strings.Contains(got, "is declared 5 times") {
		t.Errorf("message %q", got)
	}
}
