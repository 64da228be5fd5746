package oauth

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

func TestTransportErrors(t *testing.T) {
	t.Parallel()

	t.Run("connection refused", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewServer(http.NotFoundHandler())
		cfg := Config{TokenURL: srv.URL + "/connect/token", HTTPClient: srv.Client()}
		host := srv.Listener.Addr().String()
		srv.Close()
		_, err := cfg.Exchange(t.Context(), testClientID, testSecret, []string{"gateway"})
		te := wantTransportError(t, err, transport.CauseConnect)
		if te.Host != host {
			t.Errorf("Host = %q, want %q", te.Host, host)
		}
		if !errors.Is(err, syscall.ECONNREFUSED) {
			t.Errorf("errors.Is(err, ECONNREFUSED) = false for %v", err)
		}
		if !strings.Contains(err.Error(), "cannot reach "+host+":") || !strings.Contains(err.Error(), "connection refused") {
			t.Errorf("message %q does not name the host and the cause", err)
		}
		if strings.Contains(err.Error(), "/connect/token") {
			t.Errorf("message %q repeats the URL", err)
		}
	})

	t.Run("connection cut mid-body", func(t *testing.T) {
		t.Parallel()
		f := newFake(t, func(w http.ResponseWriter, _ *http.Request, _ tokenRequest) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", "500")
			w.WriteHeader(200)
			_, _ = w.Write([]byte(`{"access_token":"abc`))
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			conn.Close()
		})
		_, err := f.config().Exchange(t.Context(), testClientID, testSecret, nil)
		wantTransportError(t, err, transport.CauseEOF)
	})

	t.Run("deadline", func(t *testing.T) {
		t.Parallel()
		f := newFake(t, func(_ http.ResponseWriter, r *http.Request, _ tokenRequest) { <-r.Context().Done() })
		ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
		defer cancel()
		_, err := f.config().Exchange(ctx, testClientID, testSecret, nil)
		te := wantTransportError(t, err, transport.CauseTimeout)
		if !te.Timeout() || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Timeout() = %v, errors.Is(DeadlineExceeded) = %v, want both true", te.Timeout(), errors.Is(err, context.DeadlineExceeded))
		}
	})

	t.Run("untrusted certificate", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewUnstartedServer(http.NotFoundHandler())
		srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake failure is expected
		srv.StartTLS()
		defer srv.Close()
		cfg := Config{TokenURL: srv.URL + "/connect/token", HTTPClient: &http.Client{Transport: &http.Transport{}}}
		_, err := cfg.Exchange(t.Context(), testClientID, testSecret, nil)
		wantTransportError(t, err, transport.CauseTLS)
	})
}

// wantTransportError asserts err is a *transport.Error with cause.
func wantTransportError(tb testing.TB, err error, cause transport.Cause) *transport.Error {
	tb.Helper()
	var te *transport.Error
	if !errors.As(err, &te) {
		tb.Fatalf("error = %v (%T), want *transport.Error", err, err)
	}
	if te.Cause != cause {
		tb.Errorf("Cause = %q, want %q (error %v)", te.Cause, cause, err)
	}
	return te
}
