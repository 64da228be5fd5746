package oauth

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Test credentials. The secret holds characters that form- and
// base64-encoding change, to prove the secret is scrubbed in every form.
const (
	testClientID = "ack_jfgorxowrhmh4ij4xavwa2aymj"
	testSecret   = "Xk9#pQ2+vL7/mN4=sR8&tW1%zY6!bC3_"
)

// testNow is the injected clock.
func testNow() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }

// tokenRequest is what the fake saw of one token request.
type tokenRequest struct {
	Method, Path, ContentType string
	User, Password            string // Basic credentials, form-decoded
	BasicOK                   bool
	Form                      url.Values
	RawBody                   string
}

// readTokenRequest parses r as a client-credentials request.
func readTokenRequest(tb testing.TB, r *http.Request) tokenRequest {
	tb.Helper()
	req := tokenRequest{Method: r.Method, Path: r.URL.Path, ContentType: r.Header.Get("Content-Type")}
	body := new(strings.Builder)
	if _, err := io.Copy(body, r.Body); err != nil {
		tb.Errorf("reading request body: %v", err)
	}
	req.RawBody = body.String()
	form, err := url.ParseQuery(req.RawBody)
	if err != nil {
		tb.Errorf("request body is not a form: %v", err)
	}
	req.Form = form
	user, pass, ok := r.BasicAuth()
	req.BasicOK = ok
	if ok {
		// RFC 6749 §2.3.1: id and secret are form-encoded before Basic.
		req.User, _ = url.QueryUnescape(user)
		req.Password, _ = url.QueryUnescape(pass)
	}
	return req
}

// fake is a token endpoint on loopback. Each request is recorded and
// answered by respond.
type fake struct {
	srv *httptest.Server

	mu       sync.Mutex
	requests []tokenRequest
}

// newFake starts a token endpoint answering with respond.
func newFake(tb testing.TB, respond func(w http.ResponseWriter, r *http.Request, req tokenRequest)) *fake {
	tb.Helper()
	f := &fake{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := readTokenRequest(tb, r)
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.mu.Unlock()
		respond(w, r, req)
	}))
	tb.Cleanup(f.srv.Close)
	return f
}

// config returns a Config for the fake with a short retry wait.
func (f *fake) config() Config {
	return Config{
		TokenURL:   f.srv.URL + "/connect/token",
		HTTPClient: f.srv.Client(),
		Now:        testNow,
		RetryWait:  time.Millisecond,
	}
}

// count returns how many requests the fake has had.
func (f *fake) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

// last returns the last request.
func (f *fake) last(tb testing.TB) tokenRequest {
	tb.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.requests) == 0 {
		tb.Fatal("the fake had no request")
	}
	return f.requests[len(f.requests)-1]
}

// writeJSON answers with status and v as JSON.
func writeJSON(tb testing.TB, w http.ResponseWriter, status int, v any) {
	tb.Helper()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		tb.Errorf("writing response: %v", err)
	}
}

// makeJWT returns an unsigned-looking JWT with claims as its payload.
func makeJWT(tb testing.TB, claims any) string {
	tb.Helper()
	payload, err := json.Marshal(claims)
	if err != nil {
		tb.Fatal(err)
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RS256","typ":"at+jwt"}`)) + "." +
		enc.EncodeToString(payload) + "." + enc.EncodeToString([]byte("not-a-real-signature-0123456789"))
}

// checkoutKey answers like Checkout.com for an access key holding scopes:
// invalid_client (with clientStatus) for other credentials, invalid_scope
// when any requested scope is not held, and otherwise a token whose JWT
// carries the requested scopes in a "scope" claim array.
func checkoutKey(tb testing.TB, clientStatus int, scopes ...string) func(http.ResponseWriter, *http.Request, tokenRequest) {
	return func(w http.ResponseWriter, r *http.Request, req tokenRequest) {
		if !req.BasicOK || req.User != testClientID || req.Password != testSecret {
			writeJSON(tb, w, clientStatus, map[string]string{"error": "invalid_client"})
			return
		}
		if req.Form.Get("grant_type") != "client_credentials" {
			writeJSON(tb, w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
			return
		}
		asked := strings.Fields(req.Form.Get("scope"))
		for _, s := range asked {
			if !slices.Contains(scopes, s) {
				writeJSON(tb, w, http.StatusBadRequest, map[string]string{"error": "invalid_scope"})
				return
			}
		}
		writeJSON(tb, w, http.StatusOK, map[string]any{
			"access_token": makeJWT(tb, map[string]any{"client_id": testClientID, "scope": asked}),
			"token_type":   "Bearer",
			"expires_in":   3600,
		})
	}
}
