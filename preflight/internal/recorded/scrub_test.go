package recorded

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScrub(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"empty", "", ""},
		{"white space", " \n", ""},
		{"html", "<html>blocked by pay_x</html>", `"redacted"`},
		{"broken JSON", `{"error_type":`, `"redacted"`},
		{"validation error", `{"request_id":"0HL80RJLS76I7","error_type":"request_invalid","error_codes":["payment_source_required"]}`,
			`{"error_codes":["payment_source_required"],"error_type":"request_invalid","request_id":"redacted"}`},
		{"ids in codes", `{"error_type":"pay_abcdefghijklmnopqrstuvwxyz","error_codes":["req_x","dsp_checkoutpreflightnonexists","ok_code","Not A Code",3]}`,
			`{"error_codes":["redacted","redacted","ok_code","redacted",0],"error_type":"redacted"}`},
		{"nested codes are not codes", `{"details":{"error_type":"request_invalid","error_codes":["x"]},"n":12.5,"ok":true,"nothing":null}`,
			`{"details":{"error_codes":["redacted"],"error_type":"redacted"},"n":0,"nothing":null,"ok":true}`},
		{"keys not spelt like codes", `{"Request-Id":"5342217f-7fa2-4626-a6c9-c979a04671a6","_links":{"Self":{"href":"https://x/pay_1"}}}`,
			`{"_links":{"redacted_key_1":{"href":"redacted"}},"redacted_key_1":"redacted"}`},
		{"array", `["pay_1",{"id":"x"}]`, `["redacted",{"id":"redacted"}]`},
		{"string", `"sk_sbox_secret"`, `"redacted"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Scrub([]byte(tt.body))
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Scrub(%q) (-want +got):\n%s", tt.body, diff)
			}
			if again := Scrub(got); string(again) != string(got) {
				t.Errorf("Scrub is not idempotent: %s then %s", got, again)
			}
		})
	}
}

func TestScrubHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   http.Header
		want map[string][]string
	}{
		{"none", http.Header{"Cko-Request-Id": {"5342217f-7fa2-4626-a6c9-c979a04671a6"}}, nil},
		{"json", http.Header{"Content-Type": {"application/json; charset=UTF-8"}, "Set-Cookie": {"a=b"}},
			map[string][]string{"Content-Type": {"application/json; charset=utf-8"}}},
		{"not a media type", http.Header{"Content-Type": {"pay_x"}}, nil},
		{"media type, odd parameters", http.Header{"Content-Type": {"text/html; boundary=req_1"}},
			map[string][]string{"Content-Type": {"text/html"}}},
		{"challenges", http.Header{"Www-Authenticate": {
			`Bearer realm="api.checkout.com", error="insufficient_scope", scope="gateway:payment-refunds", error_description="req_123 lacks"`,
			`Bearer`, `Basic realm="x"`, `<script> error="x"`}},
			map[string][]string{"WWW-Authenticate": {
				`Bearer realm="redacted", error="insufficient_scope", scope="redacted", error_description="redacted"`,
				`Bearer`, `Basic realm="x"`, `redacted error="x"`}}},
		{"id as error", http.Header{"Www-Authenticate": {`Bearer error="pay_checkoutpreflightnonexists"`}},
			map[string][]string{"WWW-Authenticate": {`Bearer error="redacted"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, ScrubHeaders(tt.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
