package egress

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestDiscoverErrors(t *testing.T) {
	t.Parallel()
	// Distinctive answers that must never be echoed beyond a short prefix.
	short := "<html>" + strings.Repeat("Zq8#", 50) // under the read limit
	long := strings.Repeat("Kx3!", 200)            // over the read limit
	srv, urls := echoServer(t, []string{"/short", "/long", "/500", "/teapot"}, map[string]http.HandlerFunc{
		"/short": text(short), "/long": text(long),
		"/500": status(http.StatusInternalServerError), "/teapot": status(http.StatusTeapot),
	})
	d := Discover(t.Context(), srv.Client(), urls)
	if d.Found() {
		t.Fatalf("Discover found %v/%v from unusable answers", d.IPv4, d.IPv6)
	}
	tests := []struct {
		body       string // what must not be echoed; "" for none
		wantStatus int
		wantIn     string
	}{
		{body: short, wantIn: `answer ignored: answer of 206 bytes (markup: an HTML page, perhaps a captive portal or a proxy's error) is not an IP address`},
		{body: long, wantIn: `answer is text longer than 256 bytes`},
		{wantStatus: 500, wantIn: "answered HTTP 500 Internal Server Error; expected 200 with the address"},
		{wantStatus: 418, wantIn: "answered HTTP 418 I'm a teapot"},
	}
	for i, tt := range tests {
		src := d.Sources[i]
		var se *SourceError
		if !errors.As(src.Err, &se) {
			t.Fatalf("source %s error = %v, want a *SourceError", src.URL, src.Err)
		}
		msg := se.Error()
		if !strings.HasPrefix(msg, "echo service "+src.URL+": ") {
			t.Errorf("error %q does not start by naming the service %s", msg, src.URL)
		}
		if !strings.Contains(msg, tt.wantIn) {
			t.Errorf("error %q does not contain %q", msg, tt.wantIn)
		}
		if se.StatusCode != tt.wantStatus {
			t.Errorf("source %s StatusCode = %d, want %d", src.URL, se.StatusCode, tt.wantStatus)
		}
		if strings.Contains(msg, "upstream-body-must-not-leak") {
			t.Errorf("error %q echoes the error body", msg)
		}
		assertNotEchoed(t, msg, tt.body)
	}
}

func TestDiscoverRedactsURLPassword(t *testing.T) {
	t.Parallel()
	const password = "hunter2-echo-password"
	srv, urls := echoServer(t, []string{"/500"}, map[string]http.HandlerFunc{"/500": status(http.StatusInternalServerError)})
	u, err := url.Parse(urls[0])
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword("user", password)
	d := Discover(t.Context(), srv.Client(), []string{u.String()})
	if d.Sources[0].Err == nil {
		t.Fatal("want an error for HTTP 500")
	}
	texts := []string{d.Sources[0].Err.Error()}
	for _, es := range d.EgressSources() {
		texts = append(texts, es.URL, es.Error)
	}
	for _, s := range texts {
		if strings.Contains(s, "hunter2") {
			t.Errorf("%q contains the URL password", s)
		}
	}
}

func TestDiscoverInvalidURL(t *testing.T) {
	t.Parallel()
	d := Discover(t.Context(), nil, []string{"://no scheme"})
	if d.Found() || d.Sources[0].Err == nil || !strings.Contains(d.Sources[0].Err.Error(), "is not a usable URL") {
		t.Errorf("Discover with an invalid URL = %+v, want a 'not a usable URL' error", d.Sources)
	}
}

func TestEgressSources(t *testing.T) {
	t.Parallel()
	srv, urls := echoServer(t, []string{"/a", "/500"}, map[string]http.HandlerFunc{
		"/a": text("::ffff:203.0.113.7"), "/500": status(http.StatusInternalServerError),
	})
	d := Discover(t.Context(), srv.Client(), urls)
	want := []report.EgressSource{
		{URL: urls[0], IP: "203.0.113.7"},
		{URL: urls[1], Error: "answered HTTP 500 Internal Server Error; expected 200 with the address"},
	}
	if diff := cmp.Diff(want, d.EgressSources()); diff != "" {
		t.Errorf("EgressSources mismatch (-want +got):\n%s", diff)
	}
	if got := (Discovery{}).EgressSources(); got != nil {
		t.Errorf("EgressSources of the zero Discovery = %v, want nil", got)
	}
}
