package egress

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
)

// text answers 200 with body as plain text.
func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, body)
	}
}

// status answers with code and a body that must never reach an error.
func status(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "upstream-body-must-not-leak", code)
	}
}

// echoServer starts a TLS echo server on loopback answering each path with
// its handler, and returns it with the URL of each path in the order given.
func echoServer(tb testing.TB, paths []string, handlers map[string]http.HandlerFunc) (*httptest.Server, []string) {
	tb.Helper()
	mux := http.NewServeMux()
	for p, h := range handlers {
		mux.Handle(p, h)
	}
	srv := httptest.NewTLSServer(mux)
	tb.Cleanup(srv.Close)
	urls := make([]string, len(paths))
	for i, p := range paths {
		urls[i] = srv.URL + p
	}
	return srv, urls
}

// summary is a Discovery reduced to comparable strings.
type summary struct {
	Found        bool
	IPv4, IPv6   string
	V4, V6       []string // "addr×count"
	Sources      []string // path and address, or path and "error"
	Disagreement bool
}

func summarise(tb testing.TB, d Discovery) summary {
	tb.Helper()
	s := summary{Found: d.Found(), Disagreement: d.Disagreement}
	if d.IPv4.IsValid() {
		s.IPv4 = d.IPv4.String()
	}
	if d.IPv6.IsValid() {
		s.IPv6 = d.IPv6.String()
	}
	for _, c := range d.V4 {
		s.V4 = append(s.V4, fmt.Sprintf("%v×%d", c.Addr, c.Count))
	}
	for _, c := range d.V6 {
		s.V6 = append(s.V6, fmt.Sprintf("%v×%d", c.Addr, c.Count))
	}
	for _, src := range d.Sources {
		u, err := url.Parse(src.URL)
		if err != nil {
			tb.Fatalf("source URL %q: %v", src.URL, err)
		}
		switch {
		case src.Err != nil && src.Addr.IsValid():
			tb.Errorf("source %s has both address %v and error %v", u.Path, src.Addr, src.Err)
		case src.Err != nil:
			var se *SourceError
			if !errors.As(src.Err, &se) {
				tb.Errorf("source %s error %T is not a *SourceError", u.Path, src.Err)
			}
			s.Sources = append(s.Sources, u.Path+" error")
		default:
			s.Sources = append(s.Sources, u.Path+" "+src.Addr.String())
		}
	}
	return s
}

// assertNotEchoed fails when msg contains any 4-byte run of answer: errors
// describe an answer, never quote it.
func assertNotEchoed(tb testing.TB, msg, answer string) {
	tb.Helper()
	const window = 4
	for i := 0; i+window <= len(answer); i++ {
		if strings.Contains(msg, answer[i:i+window]) {
			tb.Errorf("error %q echoes %q from the answer", msg, answer[i:i+window])
			return
		}
	}
}

// hang is a handler that never answers until the client gives up or the
// test ends.
func hang(tb testing.TB) http.HandlerFunc {
	tb.Helper()
	release := make(chan struct{})
	tb.Cleanup(func() { close(release) }) // runs before the server's Close
	return func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}
}

// values wraps texts as config values without positions.
func values(texts ...string) []config.Value {
	out := make([]config.Value, len(texts))
	for i, t := range texts {
		out[i] = config.Value{Text: t}
	}
	return out
}
