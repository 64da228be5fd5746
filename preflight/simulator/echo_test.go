package simulator

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEcho(t *testing.T) {
	t.Parallel()
	type got struct {
		Status      int
		Body        string
		ContentType string
	}
	tests := []struct {
		name   string
		opts   Options
		method string
		url    func(*Server) string
		want   got
	}{
		{name: "text default", url: (*Server).EchoURL, want: got{200, "203.0.113.10\n", "text/plain; charset=utf-8"}},
		{name: "json default", url: (*Server).EchoJSONURL, want: got{200, `{"ip":"203.0.113.10"}` + "\n", "application/json; charset=utf-8"}},
		{name: "v6 not configured", url: (*Server).EchoIPv6URL, want: got{503, "", ""}},
		{name: "text configured", opts: Options{EgressIPv4: "198.51.100.7"}, url: (*Server).EchoURL, want: got{200, "198.51.100.7\n", "text/plain; charset=utf-8"}},
		{name: "json configured", opts: Options{EgressIPv4: "198.51.100.7"}, url: (*Server).EchoJSONURL, want: got{200, `{"ip":"198.51.100.7"}` + "\n", "application/json; charset=utf-8"}},
		{name: "v6 configured", opts: Options{EgressIPv6: "2001:db8::1"}, url: (*Server).EchoIPv6URL, want: got{200, "2001:db8::1\n", "text/plain; charset=utf-8"}},
		{name: "POST", method: "POST", url: (*Server).EchoURL, want: got{405, "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, tt.opts)
			method := tt.method
			if method == "" {
				method = "GET"
			}
			resp, err := s.Client().Do(newRequest(t, t.Context(), method, tt.url(s), "", ""))
			if err != nil {
				t.Fatal(err)
			}
			a := readAnswer(t, resp)
			if diff := cmp.Diff(tt.want, got{a.Status, a.Body, a.Header.Get("Content-Type")}); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
			rec := findRecord(t, s, a.Header.Get("Cko-Request-Id"))
			if diff := cmp.Diff(RouteEcho, rec.Route); diff != "" {
				t.Errorf("route (-want +got):\n%s", diff)
			}
		})
	}
}
