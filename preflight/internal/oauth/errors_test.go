package oauth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExchangeErrors(t *testing.T) {
	t.Parallel()
	type want struct {
		Code         string
		HTTPStatus   int
		Description  string
		RetryAfter   time.Duration
		Temporary    bool
		Inconclusive bool
		Requests     int
		MessageHas   string
	}
	tests := []struct {
		name    string
		scopes  []string
		timeout time.Duration // 0: none
		answer  func(t *testing.T, w http.ResponseWriter, req tokenRequest)
		want    want
	}{
		{
			name: "invalid_client as 401",
			answer: func(t *testing.T, w http.ResponseWriter, req tokenRequest) {
				checkoutKey(t, 401)(w, nil, withPassword(req, "wrong"))
			},
			want: want{Code: CodeInvalidClient, HTTPStatus: 401, Requests: 1, MessageHas: "rejected the access key's client id or secret"},
		},
		{
			name: "invalid_client as 400",
			answer: func(t *testing.T, w http.ResponseWriter, req tokenRequest) {
				checkoutKey(t, 400)(w, nil, withPassword(req, "wrong"))
			},
			want: want{Code: CodeInvalidClient, HTTPStatus: 400, Requests: 1, MessageHas: "(invalid_client, HTTP 400)"},
		},
		{
			name:   "401 without a body reads as invalid_client",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) { w.WriteHeader(401) },
			want:   want{Code: CodeInvalidClient, HTTPStatus: 401, Requests: 1},
		},
		{
			name:   "invalid_scope",
			scopes: []string{"gateway", "vault"},
			answer: func(t *testing.T, w http.ResponseWriter, req tokenRequest) {
				checkoutKey(t, 401, "gateway")(w, nil, req)
			},
			want: want{Code: CodeInvalidScope, HTTPStatus: 400, Requests: 1, MessageHas: "refused one or more requested scopes"},
		},
		{
			name: "unauthorized_client with description",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				writeJSON(t, w, 400, map[string]string{"error": "unauthorized_client", "error_description": "grant\r\nnot\x1b[31m allowed"})
			},
			want: want{Code: CodeUnauthorizedClient, HTTPStatus: 400, Requests: 1},
		},
		{
			name: "error code that is not a code is dropped",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				writeJSON(t, w, 400, map[string]string{"error": "::warning::pwned"})
			},
			want: want{HTTPStatus: 400, Inconclusive: true, Requests: 1, MessageHas: "answered unexpectedly"},
		},
		{
			name: "500 is retried once, then temporary",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(500)
				_, _ = w.Write([]byte("<html><body>\n  Internal   error\n</body></html>"))
			},
			want: want{HTTPStatus: 500, Temporary: true, Inconclusive: true, Requests: 2, MessageHas: "unavailable"},
		},
		{
			name:    "503 with a Retry-After past the deadline is not retried",
			timeout: time.Hour,
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Retry-After", "7200")
				w.WriteHeader(503)
			},
			want: want{HTTPStatus: 503, RetryAfter: 2 * time.Hour, Temporary: true, Inconclusive: true, Requests: 1},
		},
		{
			name: "429 with a long Retry-After is left to the caller",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Retry-After", "60")
				writeJSON(t, w, 429, map[string]string{"message": "slow down"})
			},
			want: want{HTTPStatus: 429, RetryAfter: time.Minute, Temporary: true, Inconclusive: true, Requests: 1, MessageHas: "rate limiting"},
		},
		{
			name: "200 non-JSON",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				_, _ = w.Write([]byte("<html>captive portal</html>"))
			},
			want: want{Code: CodeInvalidResponse, HTTPStatus: 200, Description: `the body (27 bytes, content type "text/html") is not a JSON object`, Inconclusive: true, Requests: 1},
		},
		{
			name: "200 JSON content type, not JSON",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte("<html>captive portal</html>"))
			},
			want: want{Code: CodeInvalidResponse, HTTPStatus: 200, Description: `the body (27 bytes, content type "application/json") is not a JSON object`, Inconclusive: true, Requests: 1},
		},
		{
			name: "200 without access_token",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				writeJSON(t, w, 200, map[string]any{"token_type": "Bearer"})
			},
			want: want{Code: CodeInvalidResponse, HTTPStatus: 200, Description: "the JSON body has no access_token", Inconclusive: true, Requests: 1, MessageHas: "without a usable access token"},
		},
		{
			name:   "200 empty",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) { w.WriteHeader(200) },
			want:   want{Code: CodeInvalidResponse, HTTPStatus: 200, Description: "the body is empty", Inconclusive: true, Requests: 1},
		},
		{
			name: "200 carrying an error code",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				writeJSON(t, w, 200, map[string]string{"error": "invalid_client"})
			},
			want: want{Code: CodeInvalidClient, HTTPStatus: 200, Requests: 1},
		},
		{
			name: "redirect is reported, not followed",
			answer: func(t *testing.T, w http.ResponseWriter, _ tokenRequest) {
				w.Header().Set("Location", "https://elsewhere.example/connect/token")
				w.WriteHeader(http.StatusTemporaryRedirect)
			},
			want: want{HTTPStatus: 307, Inconclusive: true, Requests: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, func(w http.ResponseWriter, _ *http.Request, req tokenRequest) { tt.answer(t, w, req) })
			ctx := t.Context()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			_, err := f.config().Exchange(ctx, testClientID, testSecret, tt.scopes)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Exchange error = %v (%T), want *Error", err, err)
			}
			got := want{e.Code, e.HTTPStatus, e.Description, e.RetryAfter, e.Temporary(), e.Inconclusive(), f.count(), tt.want.MessageHas}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if !strings.Contains(e.Error(), tt.want.MessageHas) {
				t.Errorf("message %q does not contain %q", e.Error(), tt.want.MessageHas)
			}
			if msg := e.Error(); msg == "" || strings.ToLower(msg[:1]) != msg[:1] {
				t.Errorf("message %q does not start lower-case", msg)
			}
		})
	}
}

// withPassword returns req with another password, as if the client had sent it.
func withPassword(req tokenRequest, password string) tokenRequest {
	req.Password = password
	return req
}

func TestRetryThenSuccess(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req tokenRequest) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		checkoutKey(t, 401, "gateway")(w, r, req)
	})
	tok, err := f.config().Exchange(t.Context(), testClientID, testSecret, []string{"gateway"})
	if err != nil {
		t.Fatalf("Exchange: %v", err)
	}
	if diff := cmp.Diff([]string{"gateway"}, tok.Scopes); diff != "" {
		t.Errorf("scopes (-want +got):\n%s", diff)
	}
	if got := f.count(); got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
}

func TestNoRetryWhenDisabled(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, _ *http.Request, _ tokenRequest) { w.WriteHeader(500) })
	cfg := f.config()
	cfg.RetryWait = -1
	_, err := cfg.Exchange(t.Context(), testClientID, testSecret, nil)
	var e *Error
	if !errors.As(err, &e) || !e.Temporary() {
		t.Fatalf("Exchange error = %v, want a temporary *Error", err)
	}
	if got := f.count(); got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}
