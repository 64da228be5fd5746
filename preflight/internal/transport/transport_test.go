package transport

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	dial := func(err error) error {
		return &url.Error{Op: "Get", URL: "https://x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	tests := []struct {
		name      string
		err       error
		want      Cause
		retryable bool
		message   string
	}{
		{"nil", nil, CauseOther, false, "unexpected protocol error"},
		{"canceled", fmt.Errorf("wrapped: %w", context.Canceled), CauseCanceled, false, "the run was canceled"},
		{"deadline", context.DeadlineExceeded, CauseTimeout, true, "no answer in time"},
		{"dns not found", &net.DNSError{Err: "no such host", Name: "api.example", IsNotFound: true}, CauseDNS, false, "DNS lookup failed (no such host)"},
		{"dns temporary", &net.DNSError{Err: "server misbehaving", IsTemporary: true}, CauseDNS, true, "DNS lookup failed (temporary failure)"},
		{"dns timeout", &net.DNSError{Err: "i/o timeout", IsTimeout: true}, CauseDNS, true, "DNS lookup failed (timed out)"},
		{"dns other", &net.DNSError{Err: "\x1b[31mevil"}, CauseDNS, false, "DNS lookup failed (lookup error)"},
		{"refused", dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), CauseConnect, true, "connection failed (connection refused)"},
		{"unreachable", dial(errors.New("some dial failure")), CauseConnect, true, "connection failed (no route or refused)"},
		{"reset", &net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, CauseReset, true, "the connection was reset"},
		{"broken pipe", syscall.EPIPE, CauseReset, true, "reset"},
		{"eof", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), CauseEOF, true, "closed before a complete answer"},
		{"unknown authority", x509.UnknownAuthorityError{}, CauseTLS, false, "certificate signed by an unknown authority"},
		{"hostname", x509.HostnameError{Certificate: &x509.Certificate{}, Host: "\x1b]0;owned\x07"}, CauseTLS, false, "certificate is not valid for this host"},
		{"expired", x509.CertificateInvalidError{Reason: x509.Expired, Detail: "\x1b[2J"}, CauseTLS, false, "certificate expired or not yet valid"},
		{"invalid", x509.CertificateInvalidError{Reason: x509.NotAuthorizedToSign}, CauseTLS, false, "certificate is not valid"},
		{"proxyconnect", &net.OpError{Op: "proxyconnect", Net: "tcp", Err: errors.New("dial tcp: refused")}, CauseProxy, false, "the proxy failed (unreachable or closed the connection)"},
		{"proxy 407", &ProxyStatusError{ProxyHost: "proxy:3128", Status: 407}, CauseProxyAuth, false, "407 Proxy Authentication Required"},
		{"proxy 502", &ProxyStatusError{ProxyHost: "proxy:3128", Status: 502}, CauseProxy, false, "it answered 502 to the tunnel request"},
		{"timeout net.Error", &net.OpError{Op: "read", Err: timeoutErr{}}, CauseTimeout, true, "no answer in time"},
		{"other", errors.New(`net/http: malformed HTTP status code "\x1b[31m sk_sbox_secret"`), CauseOther, false, "unexpected protocol error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := New("api.example:443", tt.err)
			if diff := cmp.Diff(tt.want, e.Cause); diff != "" {
				t.Errorf("Cause (-want +got):\n%s", diff)
			}
			if got := e.Retryable(); got != tt.retryable {
				t.Errorf("Retryable() = %v, want %v", got, tt.retryable)
			}
			msg := e.Error()
			if !strings.Contains(msg, tt.message) {
				t.Errorf("Error() = %q, want it to contain %q", msg, tt.message)
			}
			for _, bad := range []string{"\x1b", "sk_sbox", "evil", "owned", "malformed"} {
				if strings.Contains(msg, bad) {
					t.Errorf("Error() = %q quotes untrusted text %q", msg, bad)
				}
			}
			if tt.err != nil && !errors.Is(e, tt.err) {
				t.Errorf("errors.Is(e, err) = false; Unwrap must keep the cause")
			}
		})
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestNewUsesTheProxyHost(t *testing.T) {
	t.Parallel()
	e := New("api.checkout.com:443", &url.Error{Err: &ProxyStatusError{ProxyHost: "proxy.corp:8080", Status: 407}})
	if e.Host != "proxy.corp:8080" {
		t.Errorf("Host = %q, want the proxy's", e.Host)
	}
	if e.Timeout() {
		t.Error("Timeout() = true for a proxy refusal")
	}
}

// TestRealProxyRefusal sends a request through a proxy that answers the
// CONNECT with 407 and a hostile status text and header: the hook keeps
// the code and the proxy's host only.
func TestRealProxyRefusal(t *testing.T) {
	t.Parallel()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hj, _ := w.(http.Hijacker)
		conn, buf, err := hj.Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 407 \x1b[31mBasic dXNlcjpzZWNyZXRwYXNzd29yZA==\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n")
		buf.Flush()
	}))
	defer proxy.Close()
	pu, _ := url.Parse(proxy.URL)
	tr := &http.Transport{Proxy: http.ProxyURL(pu), OnProxyConnectResponse: OnProxyConnectResponse}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	_, err := client.Get("https://api.checkout.example/payments")
	if err == nil {
		t.Fatal("no error through a refusing proxy")
	}
	e := New("api.checkout.example:443", err)
	if e.Cause != CauseProxyAuth || e.Host != pu.Host {
		t.Fatalf("got cause %q host %q, want proxy-auth at %q", e.Cause, e.Host, pu.Host)
	}
	if msg := e.Error(); strings.Contains(msg, "dXNlcjpzZWNyZXRwYXNzd29yZA") || strings.Contains(msg, "\x1b") {
		t.Errorf("message quotes the proxy's status text: %q", msg)
	}
}

func TestRealConnectionRefused(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = (&http.Client{Timeout: 5 * time.Second}).Get("http://" + addr + "/")
	if got := Classify(err); got != CauseConnect {
		t.Errorf("Classify(%v) = %q, want connect", err, got)
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"  ", 0},
		{"0", 0},
		{"-5", 0},
		{"3", 3 * time.Second},
		{" 120 ", 2 * time.Minute},
		{"99999999999999", 24 * time.Hour},
		{"soon", 0},
		{"1.5", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{now.Add(72 * time.Hour).Format(http.TimeFormat), 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := RetryAfter(tt.in, now); got != tt.want {
			t.Errorf("RetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST.": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true,
		"::ffff:127.0.0.1": true, "api.checkout.com": false, "10.0.0.1": false, "": false, "localhost.evil.com": false,
		"127.255.0.9": true, "::2": false, "127.0.0.1.nip.io": false, "0.0.0.0": false,
	} {
		if got := IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestIsCheckoutHost(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"api.checkout.com": true, "API.Sandbox.Checkout.COM.": true, "checkout.com": true,
		"vkuhvk4v.api.checkout.com": true, "access.sandbox.checkout.com": true,
		"checkout.com.example": false, "mycheckout.com": false, "api.checkout.co": false,
		"127.0.0.1": false, "": false, "checkout-com.evil.io": false,
	} {
		if got := IsCheckoutHost(host); got != want {
			t.Errorf("IsCheckoutHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestProxyHookPassesOK(t *testing.T) {
	t.Parallel()
	if err := OnProxyConnectResponse(context.Background(), nil, nil, &http.Response{StatusCode: 200}); err != nil {
		t.Errorf("200 refused: %v", err)
	}
	err := OnProxyConnectResponse(context.Background(), nil, nil, &http.Response{StatusCode: 403})
	var pe *ProxyStatusError
	if !errors.As(err, &pe) || pe.Status != 403 || pe.ProxyHost != "" {
		t.Errorf("got %v", err)
	}
	if !strings.Contains(err.Error(), "403") {
		t.Errorf("Error() = %q", err)
	}
}

// TestMessages pins the exact wording users see for the common causes.
func TestMessages(t *testing.T) {
	t.Parallel()
	const host = "api.sandbox.checkout.com"
	dns := &url.Error{Op: "Get", URL: "https://" + host + "/x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}}
	tests := []struct {
		err   error
		cause Cause
		want  string
	}{
		{dns, CauseDNS, "cannot reach api.sandbox.checkout.com: DNS lookup failed (no such host); check the runner's network or proxy settings"},
		{&net.OpError{Op: "proxyconnect", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, CauseProxy,
			"cannot reach api.sandbox.checkout.com: the proxy failed (unreachable or closed the connection); check HTTPS_PROXY, HTTP_PROXY and NO_PROXY"},
		{context.Canceled, CauseCanceled, "cannot reach api.sandbox.checkout.com: the run was canceled; rerun"},
		// A proxy's status text, which net/http would make the error's text,
		// is never quoted.
		{errors.New("Proxy Authentication Required"), CauseOther, "cannot reach api.sandbox.checkout.com: the request failed with an unexpected protocol error; check the runner's network or proxy settings, and any api-url or auth-url override"},
	}
	for _, tt := range tests {
		te := New(host, tt.err)
		if te.Cause != tt.cause || te.Error() != tt.want {
			t.Errorf("New(%v) = %q %q, want %q %q", tt.err, te.Cause, te.Error(), tt.cause, tt.want)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"5", "-1", "Wed, 21 Oct 2015 07:28:00 GMT", "9223372036854775807", "", "1.5"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 4, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		if d := RetryAfter(v, now); d < 0 || d > 24*time.Hour {
			t.Fatalf("RetryAfter(%q) = %v, want 0..24h", v, d)
		}
	})
}

func TestRequestID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"0HMVD3G8T1J1K:00000002": "0HMVD3G8T1J1K:00000002", "req_abc-123": "req_abc-123", "": "",
		"eyJhbGciOi.eyJzY29w.c2ln": "", "a b": "", "\x1b[31m": "", strings.Repeat("a", 129): "", strings.Repeat("a", 128): strings.Repeat("a", 128),
	} {
		if got := RequestID(in); got != want {
			t.Errorf("RequestID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBodyDeadline(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		w.(http.Flusher).Flush()
		select { // the body never comes
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	}))
	defer srv.Close()
	bd := WithBodyDeadline(t.Context())
	defer bd.Stop()
	req, _ := http.NewRequestWithContext(bd.Context(), http.MethodGet, srv.URL, nil)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	start := time.Now()
	bd.Start(50 * time.Millisecond)
	_, err = io.ReadAll(resp.Body)
	if err == nil || !bd.Expired() {
		t.Fatalf("read = %v, expired %v; want the deadline to end the read", err, bd.Expired())
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the read took %v", time.Since(start))
	}
	if e := SlowBody("api.example"); e.Cause != CauseTimeout || !strings.Contains(e.Error(), "no answer in time") {
		t.Errorf("SlowBody = %v", e)
	}
	fast := WithBodyDeadline(t.Context())
	fast.Start(0)
	fast.Stop()
	if fast.Expired() {
		t.Error("a stopped deadline expired")
	}
}
