package simulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// tokenPath is the OAuth token endpoint, as on access.checkout.com.
const tokenPath = "/connect/token"

// tokenLifetime is the expires_in of every access token, in seconds.
const tokenLifetime = 3600

// maxFormBytes bounds a token request body.
const maxFormBytes = 64 << 10

// tokenClaims are the claims of the access tokens the server issues.
type tokenClaims struct {
	ClientID string   `json:"client_id"`
	Scope    []string `json:"scope"`
	Exp      int64    `json:"exp"`
	Iat      int64    `json:"iat"`
}

// tokenResponse is a successful token endpoint answer.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope,omitempty"`
}

// serveToken answers the client-credentials token endpoint: client
// authentication by HTTP Basic (URL-encoded per RFC 6749 §2.3.1, or plain)
// or by client_id/client_secret form fields; grant_type=client_credentials;
// an optional space-separated scope, every one of which must be granted.
func (s *Server) serveToken(r *http.Request) response {
	if r.Method != http.MethodPost {
		return response{status: http.StatusMethodNotAllowed, header: http.Header{"Allow": {http.MethodPost}}}
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return oauthError(http.StatusBadRequest, "invalid_request", "")
	}
	id, secret, basic := r.BasicAuth()
	if basic {
		id, secret = formUnescape(id), formUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	c := s.clients[id]
	name := ""
	if c != nil {
		name = c.Name
	}
	if c == nil || c.Revoked || id == "" || !hmac.Equal([]byte(secret), []byte(c.ClientSecret)) {
		resp := oauthError(http.StatusUnauthorized, "invalid_client", name)
		if basic {
			resp.header = http.Header{"Www-Authenticate": {`Basic realm="checkout"`}}
		}
		return resp
	}
	if r.PostForm.Get("grant_type") != "client_credentials" {
		return oauthError(http.StatusBadRequest, "unsupported_grant_type", name)
	}
	scopes := strings.Fields(r.PostForm.Get("scope"))
	for _, want := range scopes {
		if !grantedBy(c.Scopes, want) {
			return oauthError(http.StatusBadRequest, "invalid_scope", name)
		}
	}
	if len(scopes) == 0 {
		scopes = append([]string{}, c.Scopes...)
		if c.UnscopedScopes != nil {
			scopes = append([]string{}, c.UnscopedScopes...)
		}
	}
	now := s.now()
	claims := tokenClaims{ClientID: c.ClientID, Scope: scopes, Iat: now.Unix(), Exp: now.Unix() + tokenLifetime}
	body := tokenResponse{AccessToken: s.signToken(claims), TokenType: "Bearer", ExpiresIn: tokenLifetime}
	if !s.opts.OmitTokenScopeField {
		body.Scope = strings.Join(scopes, " ")
	}
	resp := jsonResponse(http.StatusOK, body)
	resp.credential = name
	resp.header = http.Header{"Cache-Control": {"no-store"}, "Pragma": {"no-cache"}}
	return resp
}

// grantedBy reports whether any of granted grants want (catalog.Grants).
func grantedBy(granted []string, want string) bool {
	for _, g := range granted {
		if catalog.Grants(g, want) {
			return true
		}
	}
	return false
}

// formUnescape undoes the form encoding RFC 6749 asks of Basic credentials;
// a value that is not valid form encoding is taken as it is.
func formUnescape(v string) string {
	if u, err := url.QueryUnescape(v); err == nil {
		return u
	}
	return v
}

// oauthError is an RFC 6749 §5.2 error answer.
func oauthError(status int, code, credential string) response {
	resp := jsonResponse(status, map[string]string{"error": code})
	resp.credential = credential
	return resp
}

// jwtHeader is base64url(`{"alg":"HS256","typ":"JWT"}`), the header of
// every access token.
const jwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"

// signToken returns an HS256 JWT of claims under the server's key.
func (s *Server) signToken(claims tokenClaims) string {
	payload, _ := json.Marshal(claims) // plain struct: cannot fail
	signed := jwtHeader + "." + base64.RawURLEncoding.EncodeToString(payload)
	return signed + "." + base64.RawURLEncoding.EncodeToString(s.mac(signed))
}

func (s *Server) mac(signed string) []byte {
	m := hmac.New(sha256.New, s.tokenKey)
	m.Write([]byte(signed))
	return m.Sum(nil)
}

// verifyToken checks that token is one this server signed and that it has
// not expired by s.now, and returns its claims.
func (s *Server) verifyToken(token string) (tokenClaims, bool) {
	var claims tokenClaims
	head, rest, ok := strings.Cut(token, ".")
	if !ok || head != jwtHeader {
		return claims, false
	}
	payload, sig, ok := strings.Cut(rest, ".")
	if !ok {
		return claims, false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, s.mac(head+"."+payload)) {
		return claims, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil || json.Unmarshal(raw, &claims) != nil {
		return claims, false
	}
	return claims, s.now().Unix() < claims.Exp
}
