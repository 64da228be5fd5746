package oauth

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// tokenView is the comparable content of a Token.
type tokenView struct {
	AccessToken string
	Scopes      []string
	ScopeSource string
	Expiry      time.Time
}

func viewOf(t Token) tokenView {
	return tokenView{t.AccessToken(), t.Scopes, t.ScopeSource, t.Expiry}
}

func TestExchangeRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		scopes    []string
		wantScope []string // nil: no scope parameter
	}{
		{name: "scopes space-separated", scopes: []string{"gateway", "vault", "gateway:payment"}, wantScope: []string{"gateway vault gateway:payment"}},
		{name: "duplicates dropped, order kept", scopes: []string{"vault", "gateway", "vault", "gateway"}, wantScope: []string{"vault gateway"}},
		{name: "no scopes, no parameter", scopes: nil},
		{name: "empty list, no parameter", scopes: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, checkoutKey(t, http.StatusUnauthorized, "gateway", "vault", "gateway:payment"))
			if _, err := f.config().Exchange(t.Context(), testClientID, testSecret, tt.scopes); err != nil {
				t.Fatalf("Exchange: %v", err)
			}
			if got := f.count(); got != 1 {
				t.Errorf("the endpoint had %d requests, want 1 (no auth-style probing)", got)
			}
			req := f.last(t)
			want := tokenRequest{
				Method:      http.MethodPost,
				Path:        "/connect/token",
				ContentType: "application/x-www-form-urlencoded",
				User:        testClientID,
				Password:    testSecret,
				BasicOK:     true,
				Form:        url.Values{"grant_type": {"client_credentials"}},
			}
			if tt.wantScope != nil {
				want.Form["scope"] = tt.wantScope
			}
			if diff := cmp.Diff(want, req, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".RawBody" }, cmp.Ignore())); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			if strings.Contains(req.RawBody, "client_secret") || strings.Contains(req.RawBody, "client_id") {
				t.Errorf("the form body carries client credentials; they belong in the Basic header only")
			}
		})
	}
}

func TestExchangeSuccess(t *testing.T) {
	t.Parallel()
	jwtArray := makeJWT(t, map[string]any{"scope": []string{"gateway", "vault", "gateway"}})
	jwtString := makeJWT(t, map[string]any{"scope": "gateway:payment  files"})
	jwtNoScope := makeJWT(t, map[string]any{"sub": "ack_x"})
	expiry := testNow().Add(3600 * time.Second)
	tests := []struct {
		name   string
		scopes []string
		answer func(t *testing.T, w http.ResponseWriter)
		want   tokenView
	}{
		{
			name:   "scope field wins over the claim",
			scopes: []string{"gateway"},
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": jwtArray, "token_type": "Bearer", "expires_in": 3600, "scope": "gateway disputes gateway"})
			},
			want: tokenView{jwtArray, []string{"gateway", "disputes"}, ScopeSourceResponse, expiry},
		},
		{
			name: "JWT claim as array",
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": jwtArray, "token_type": "Bearer", "expires_in": 3600})
			},
			want: tokenView{jwtArray, []string{"gateway", "vault"}, ScopeSourceJWT, expiry},
		},
		{
			name: "JWT claim as string",
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": jwtString, "expires_in": "3600"})
			},
			want: tokenView{jwtString, []string{"gateway:payment", "files"}, ScopeSourceJWT, expiry},
		},
		{
			name:   "opaque token: the requested scopes",
			scopes: []string{"vault", "gateway"},
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": "opaque-token-value", "token_type": "Bearer"})
			},
			want: tokenView{"opaque-token-value", []string{"vault", "gateway"}, ScopeSourceRequested, time.Time{}},
		},
		{
			name: "JWT without claim and nothing requested: unknown",
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": jwtNoScope, "expires_in": 60})
			},
			want: tokenView{jwtNoScope, nil, "", testNow().Add(time.Minute)},
		},
		{
			name: "empty scope claim: none granted",
			answer: func(t *testing.T, w http.ResponseWriter) {
				writeJSON(t, w, 200, map[string]any{"access_token": makeJWT(t, map[string]any{"scope": []string{}})})
			},
			want: tokenView{makeJWT(t, map[string]any{"scope": []string{}}), []string{}, ScopeSourceJWT, time.Time{}},
		},
		{
			name: "form-encoded answer",
			answer: func(t *testing.T, w http.ResponseWriter) {
				w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
				_, _ = w.Write([]byte("access_token=form-token-7f3k9q2m8x&token_type=Bearer&expires_in=120&scope=vault+files"))
			},
			want: tokenView{"form-token-7f3k9q2m8x", []string{"vault", "files"}, ScopeSourceResponse, testNow().Add(2 * time.Minute)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, func(w http.ResponseWriter, _ *http.Request, _ tokenRequest) { tt.answer(t, w) })
			tok, err := f.config().Exchange(t.Context(), testClientID, testSecret, tt.scopes)
			if err != nil {
				t.Fatalf("Exchange: %v", err)
			}
			if diff := cmp.Diff(tt.want, viewOf(tok)); diff != "" {
				t.Errorf("token (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExchangeRejectsBadInput(t *testing.T) {
	t.Parallel()
	good := Config{TokenURL: "https://access.sandbox.checkout.com/connect/token", HTTPClient: &http.Client{}}
	tests := []struct {
		name           string
		cfg            Config
		id, secret     string
		scopes         []string
		wantIn         string
		mustNotContain string
	}{
		{name: "nil client", cfg: Config{TokenURL: good.TokenURL}, id: testClientID, secret: testSecret, wantIn: "no HTTP client"},
		{name: "no URL", cfg: Config{HTTPClient: good.HTTPClient}, id: testClientID, secret: testSecret, wantIn: "no token URL"},
		{name: "plain http to a remote host", cfg: Config{TokenURL: "http://access.checkout.com/connect/token", HTTPClient: good.HTTPClient}, id: testClientID, secret: testSecret, wantIn: "is not https"},
		{name: "relative URL", cfg: Config{TokenURL: "/connect/token", HTTPClient: good.HTTPClient}, id: testClientID, secret: testSecret, wantIn: "not an absolute URL"},
		{name: "userinfo", cfg: Config{TokenURL: "https://me:hunter2hunter2@access.checkout.com/connect/token", HTTPClient: good.HTTPClient}, id: testClientID, secret: testSecret, wantIn: "carries userinfo", mustNotContain: "hunter2"},
		{name: "unparsable URL", cfg: Config{TokenURL: "https://me:hunter2hunter2@access checkout.com/%zz", HTTPClient: good.HTTPClient}, id: testClientID, secret: testSecret, wantIn: "not a valid URL", mustNotContain: "hunter2"},
		{name: "empty secret", cfg: good, id: testClientID, wantIn: "client id or secret is empty"},
		{name: "scope with a space", cfg: good, id: testClientID, secret: testSecret, scopes: []string{"gateway vault"}, wantIn: `scope "gateway vault" is not a valid scope`},
		{name: "empty scope", cfg: good, id: testClientID, secret: testSecret, scopes: []string{""}, wantIn: `scope "" is not a valid scope`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.cfg.Exchange(t.Context(), tt.id, tt.secret, tt.scopes)
			if err == nil || !strings.Contains(err.Error(), tt.wantIn) {
				t.Fatalf("Exchange error = %v, want one containing %q", err, tt.wantIn)
			}
			if tt.mustNotContain != "" && strings.Contains(err.Error(), tt.mustNotContain) {
				t.Errorf("Exchange error %q reveals the URL password", err)
			}
			assertNoLeak(t, "error", err.Error(), testSecret)
		})
	}
}

func TestLoopbackHTTPAllowed(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"http://127.0.0.1:8080/connect/token", "http://localhost/connect/token", "http://[::1]:1/connect/token"} {
		t.Run(u, func(t *testing.T) {
			t.Parallel()
			if _, err := (Config{TokenURL: u, HTTPClient: &http.Client{}}).check(); err != nil {
				t.Errorf("check(%q) = %v, want nil", u, err)
			}
		})
	}
}
