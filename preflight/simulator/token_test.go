package simulator

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// basic returns an HTTP Basic value with id and secret form-encoded, as
// RFC 6749 §2.3.1 asks.
func basic(id, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(id)+":"+url.QueryEscape(secret)))
}

// token gets an access token for the "oauth" test client from s, for scope
// (space-separated; "" for all granted).
func token(tb testing.TB, s *Server, scope string) string {
	tb.Helper()
	form := url.Values{"grant_type": {"client_credentials"}}
	if scope != "" {
		form.Set("scope", scope)
	}
	a := do(tb, s, "POST", "/connect/token", basic(clientOK, secretOK), form.Encode(),
		"Content-Type", "application/x-www-form-urlencoded")
	if a.Status != http.StatusOK {
		tb.Fatalf("token: status %d, body %q", a.Status, a.Body)
	}
	var tr tokenResponse
	if err := json.Unmarshal([]byte(a.Body), &tr); err != nil {
		tb.Fatalf("token: %v", err)
	}
	return tr.AccessToken
}

// jwtParts decodes an access token's header and claims.
func jwtParts(tb testing.TB, tok string) (header map[string]any, claims map[string]any) {
	tb.Helper()
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		tb.Fatalf("access token has %d parts, want 3", len(parts))
	}
	for i, dst := range []*map[string]any{&header, &claims} {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			tb.Fatalf("access token part %d: %v", i, err)
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			tb.Fatalf("access token part %d: %v", i, err)
		}
	}
	return header, claims
}

func TestTokenEndpoint(t *testing.T) {
	t.Parallel()
	form := func(kv ...string) string {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v.Encode()
	}
	cc := "client_credentials"
	tests := []struct {
		name           string
		method, auth   string
		body           string
		want           answer
		wantScope      string // of a 200 answer
		wantCredential string
	}{
		{name: "basic", auth: basic(clientOK, secretOK), body: form("grant_type", cc),
			want: answer{Status: 200}, wantScope: "gateway disputes:accept", wantCredential: "oauth"},
		{name: "form fields", body: form("grant_type", cc, "client_id", clientOK, "client_secret", secretOK),
			want: answer{Status: 200}, wantScope: "gateway disputes:accept", wantCredential: "oauth"},
		{name: "requested child scope", auth: basic(clientOK, secretOK), body: form("grant_type", cc, "scope", "gateway:payment disputes:accept"),
			want: answer{Status: 200}, wantScope: "gateway:payment disputes:accept", wantCredential: "oauth"},
		{name: "wrong secret", auth: basic(clientOK, "nope"), body: form("grant_type", cc),
			want: answer{Status: 401, Body: `{"error":"invalid_client"}` + "\n"}, wantCredential: "oauth"},
		{name: "unknown client", body: form("grant_type", cc, "client_id", "ack_unknown", "client_secret", secretOK),
			want: answer{Status: 401, Body: `{"error":"invalid_client"}` + "\n"}},
		{name: "revoked client", body: form("grant_type", cc, "client_id", clientRevoked, "client_secret", secretRevoked),
			want: answer{Status: 401, Body: `{"error":"invalid_client"}` + "\n"}, wantCredential: "oauth-revoked"},
		{name: "no client authentication", body: form("grant_type", cc),
			want: answer{Status: 401, Body: `{"error":"invalid_client"}` + "\n"}},
		{name: "wrong grant type", auth: basic(clientOK, secretOK), body: form("grant_type", "password"),
			want: answer{Status: 400, Body: `{"error":"unsupported_grant_type"}` + "\n"}, wantCredential: "oauth"},
		{name: "scope not granted", auth: basic(clientOK, secretOK), body: form("grant_type", cc, "scope", "gateway disputes:view"),
			want: answer{Status: 400, Body: `{"error":"invalid_scope"}` + "\n"}, wantCredential: "oauth"},
		{name: "parent of a granted scope", auth: basic(clientOK, secretOK), body: form("grant_type", cc, "scope", "disputes"),
			want: answer{Status: 400, Body: `{"error":"invalid_scope"}` + "\n"}, wantCredential: "oauth"},
		{name: "GET", method: "GET", auth: basic(clientOK, secretOK), want: answer{Status: 405}},
	}
	s := newTestServer(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := tt.method
			if method == "" {
				method = "POST"
			}
			a := do(t, s, method, "/connect/token", tt.auth, tt.body, "Content-Type", "application/x-www-form-urlencoded")
			got := answer{Status: a.Status, Body: a.Body}
			if a.Status == http.StatusOK {
				var tr tokenResponse
				if err := json.Unmarshal([]byte(a.Body), &tr); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tokenResponse{TokenType: "Bearer", ExpiresIn: 3600, Scope: tt.wantScope}, tokenResponse{TokenType: tr.TokenType, ExpiresIn: tr.ExpiresIn, Scope: tr.Scope}); diff != "" {
					t.Errorf("token response (-want +got):\n%s", diff)
				}
				if tr.AccessToken == "" {
					t.Error("no access_token")
				}
				got.Body = ""
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
			rec := findRecord(t, s, a.Header.Get("Cko-Request-Id"))
			if diff := cmp.Diff(Request{Route: RouteToken, Credential: tt.wantCredential}, Request{Route: rec.Route, Credential: rec.Credential, SideEffect: rec.SideEffect}); diff != "" {
				t.Errorf("record (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenClaims(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		omit      bool
		scope     string
		wantScope []any
	}{
		{name: "all granted", wantScope: []any{"gateway", "disputes:accept"}},
		{name: "requested", scope: "gateway:payment", wantScope: []any{"gateway:payment"}},
		{name: "scope field omitted", omit: true, scope: "gateway", wantScope: []any{"gateway"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, Options{OmitTokenScopeField: tt.omit})
			form := url.Values{"grant_type": {"client_credentials"}}
			if tt.scope != "" {
				form.Set("scope", tt.scope)
			}
			a := do(t, s, "POST", "/connect/token", basic(clientOK, secretOK), form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
			var body map[string]any
			if err := json.Unmarshal([]byte(a.Body), &body); err != nil {
				t.Fatal(err)
			}
			if _, has := body["scope"]; has == tt.omit {
				t.Errorf("response has scope member: %v, want %v", has, !tt.omit)
			}
			header, claims := jwtParts(t, body["access_token"].(string))
			if diff := cmp.Diff(map[string]any{"alg": "HS256", "typ": "JWT"}, header); diff != "" {
				t.Errorf("JWT header (-want +got):\n%s", diff)
			}
			want := map[string]any{
				"client_id": clientOK,
				"scope":     tt.wantScope,
				"iat":       float64(fixedNow.Unix()),
				"exp":       float64(fixedNow.Unix() + 3600),
			}
			if diff := cmp.Diff(want, claims); diff != "" {
				t.Errorf("JWT claims (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTokenWithOAuth2Library checks the exchange the way the tool makes it,
// with golang.org/x/oauth2, in both client-authentication styles, and that
// the token then works on API routes.
func TestTokenWithOAuth2Library(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams, oauth2.AuthStyleAutoDetect} {
		t.Run(map[oauth2.AuthStyle]string{oauth2.AuthStyleInHeader: "header", oauth2.AuthStyleInParams: "params", oauth2.AuthStyleAutoDetect: "auto"}[style], func(t *testing.T) {
			t.Parallel()
			cfg := clientcredentials.Config{ClientID: clientOK, ClientSecret: secretOK, TokenURL: s.TokenURL(), Scopes: []string{"gateway:payment-details"}, AuthStyle: style}
			ctx := context.WithValue(t.Context(), oauth2.HTTPClient, s.Client())
			tok, err := cfg.Token(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff("gateway:payment-details", tok.Extra("scope")); diff != "" {
				t.Errorf("scope (-want +got):\n%s", diff)
			}
			if got := do(t, s, "GET", "/payments", "Bearer "+tok.AccessToken, "").Status; got != http.StatusOK {
				t.Errorf("GET /payments with the token: status %d, want 200", got)
			}
		})
	}
	t.Run("invalid_client", func(t *testing.T) {
		t.Parallel()
		cfg := clientcredentials.Config{ClientID: clientOK, ClientSecret: "wrong", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInHeader}
		_, err := cfg.Token(context.WithValue(t.Context(), oauth2.HTTPClient, s.Client()))
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.ErrorCode != "invalid_client" || re.Response.StatusCode != 401 {
			t.Errorf("error = %v, want a 401 invalid_client RetrieveError", err)
		}
	})
}
