package egress

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDiscoverDeadline(t *testing.T) {
	t.Parallel()
	// The server never answers, so the outcome does not depend on timing:
	// the deadline only bounds how long the test takes.
	h := hang(t)
	srv, urls := echoServer(t, []string{"/hang", "/hang2"}, map[string]http.HandlerFunc{"/hang": h, "/hang2": h})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	d := Discover(ctx, srv.Client(), urls)
	if d.Found() {
		t.Fatalf("Discover found %v from a server that never answers", d.IPv4)
	}
	if len(d.Sources) != len(urls) {
		t.Fatalf("Discover returned %d sources, want %d", len(d.Sources), len(urls))
	}
	for _, src := range d.Sources {
		if !errors.Is(src.Err, context.DeadlineExceeded) {
			t.Errorf("source %s error = %v, want one wrapping context.DeadlineExceeded", src.URL, src.Err)
		}
		if src.Err != nil && !strings.Contains(src.Err.Error(), "no answer before the deadline") {
			t.Errorf("source %s error = %q, want it to say there was no answer before the deadline", src.URL, src.Err)
		}
	}
}

// closeHook wraps a transport and calls done once the body of an answer to
// path has been closed, that is once Discover has finished with it.
type closeHook struct {
	http.RoundTripper
	path string
	once sync.Once
	done chan struct{}
}

func (h *closeHook) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := h.RoundTripper.RoundTrip(r)
	if err == nil && r.URL.Path == h.path {
		resp.Body = hookedBody{resp.Body, func() { h.once.Do(func() { close(h.done) }) }}
	}
	return resp, err
}

type hookedBody struct {
	io.ReadCloser
	closed func()
}

func (b hookedBody) Close() error {
	err := b.ReadCloser.Close()
	b.closed()
	return err
}

func TestDiscoverHangingServiceDoesNotHideOthers(t *testing.T) {
	t.Parallel()
	srv, urls := echoServer(t, []string{"/hang", "/a"}, map[string]http.HandlerFunc{"/hang": hang(t), "/a": text("203.0.113.7")})
	client := srv.Client()
	hook := &closeHook{RoundTripper: client.Transport, path: "/a", done: make(chan struct{})}
	client.Transport = hook
	// Give up only once the answering service has been read completely.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() {
		<-hook.done
		cancel()
	}()
	d := Discover(ctx, client, urls)
	if got, want := d.IPv4.String(), "203.0.113.7"; got != want {
		t.Errorf("IPv4 = %s, want %s (sources %+v)", got, want, d.Sources)
	}
	if !errors.Is(d.Sources[0].Err, context.Canceled) {
		t.Errorf("hanging source error = %v, want one wrapping context.Canceled", d.Sources[0].Err)
	}
}

func TestDiscoverThroughProxy(t *testing.T) {
	t.Parallel()
	var (
		mu   sync.Mutex
		seen []string
	)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.RequestURI)
		mu.Unlock()
		_, _ = io.WriteString(w, "198.51.100.7\n")
	}))
	t.Cleanup(proxy.Close)
	proxyURL, err := url.Parse(proxy.URL)
	if err != nil {
		t.Fatal(err)
	}
	client := proxy.Client()
	client.Transport.(*http.Transport).Proxy = http.ProxyURL(proxyURL)

	// echo.invalid cannot resolve: an answer can only come through the proxy.
	d := Discover(t.Context(), client, []string{"http://echo.invalid/"})
	if got, want := d.IPv4.String(), "198.51.100.7"; got != want {
		t.Errorf("IPv4 = %s, want %s (sources %+v)", got, want, d.Sources)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{"GET http://echo.invalid/"}, seen); diff != "" {
		t.Errorf("requests seen by the proxy (-want +got):\n%s", diff)
	}
}
