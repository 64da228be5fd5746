package simulator

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/google/go-cmp/cmp"
)

// profileToggle is a profile option the side-effect test combines.
type profileToggle struct {
	name string
	set  func(*Options)
}

// profileToggles returns the profile options, each set its strongest way.
func profileToggles() []profileToggle {
	return []profileToggle{
		{"signals", func(o *Options) {
			o.MissingScopeStatus = 401
			o.MissingScopeBody, o.UnknownKeyBody = ErrorBody{ErrorType: "forbidden"}, ErrorBody{ErrorType: "unauthorized"}
			o.MissingScopeChallenge, o.UnknownKeyChallenge = true, true
		}},
		{"business-rule", func(o *Options) { o.BusinessRule403 = []string{AllOperations} }},
		{"validate-before-auth", func(o *Options) { o.ValidateBeforeAuth = []string{AllOperations} }},
		{"lookup-before-auth", func(o *Options) { o.LookupBeforeAuth = []string{AllOperations} }},
		{"lookup-before-scope", func(o *Options) { o.LookupBeforeScope = []string{AllOperations} }},
		{"token-requests", func(o *Options) { o.ValidateTokenRequests = true }},
	}
}

// TestProfilesHaveNoSideEffects sends the tool's probe of every operation
// (probe.For), with every kind of credential, to a server under every
// combination of profiles, twice: no request may be a side effect, and the
// second round must be answered exactly as the first (nothing changed).
func TestProfilesHaveNoSideEffects(t *testing.T) {
	t.Parallel()
	toggles := profileToggles()
	for mask := range 1 << len(toggles) {
		var o Options
		names := []string{}
		for i, tg := range toggles {
			if mask&(1<<i) != 0 {
				tg.set(&o)
				names = append(names, tg.name)
			}
		}
		name := strings.Join(names, "+")
		if name == "" {
			name = "default"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o.Credentials, o.Catalog = profileCredentials(), profileCatalog()
			checkProbesChangeNothing(t, o)
		})
	}
	t.Run("default catalog, every profile", func(t *testing.T) {
		t.Parallel()
		var o Options
		for _, tg := range toggles {
			tg.set(&o)
		}
		o.Credentials = profileCredentials()
		checkProbesChangeNothing(t, o)
	})
}

// checkProbesChangeNothing runs two rounds of probes against a server with o.
func checkProbesChangeNothing(t *testing.T, o Options) {
	t.Helper()
	s := NewUnstartedServer(o)
	auths := []string{"", bearer(keyFull), bearer(keyNoRefunds), bearer(keyRestricted), bearer(keyRevoked), keyPrevious,
		bearer(keyPublic), keyPublicPrevious, bearer(keyUnknown), bearer(directToken(t, s, clientOK, secretOK)),
		bearer(directToken(t, s, clientSessions, secretSessions))}
	cat := o.Catalog
	if cat == nil {
		cat = catalog.Default()
	}
	var rounds [2][]string
	for round := range rounds {
		for _, op := range cat.Operations() {
			p := probe.For(op)
			if p.Skip != "" {
				continue
			}
			target := p.Path
			if p.Query != "" {
				target += "?" + p.Query
			}
			for i, auth := range auths {
				status, body := serveDirect(s, p.Method, target, auth, p.Body)
				rounds[round] = append(rounds[round], fmt.Sprintf("%s %s auth#%d: %d %s", p.Method, p.Path, i, status, body))
			}
		}
	}
	if diff := cmp.Diff(rounds[0], rounds[1]); diff != "" {
		t.Errorf("the second round was answered differently (-first +second):\n%s", diff)
	}
	if fx := s.SideEffects(); len(fx) != 0 {
		t.Errorf("%d side effects, e.g. %s %s (%s)", len(fx), fx[0].Method, fx[0].Path, fx[0].Credential)
	}
	for _, r := range s.Requests() {
		if r.SideEffect || r.Status == 0 {
			t.Errorf("%s %s by %q: status %d, side effect %v", r.Method, r.Path, r.Credential, r.Status, r.SideEffect)
		}
	}
}

// serveDirect has s answer one request in-process, without a listener, and
// returns the status, and the body and WWW-Authenticate value with the
// request id replaced.
func serveDirect(s *Server, method, target, auth string, body []byte, header ...string) (int, string) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	req.Host = "127.0.0.1"
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	text := w.Body.String() + " " + w.Header().Get("Www-Authenticate")
	if id := w.Header().Get(requestIDHeader); id != "" {
		text = strings.ReplaceAll(text, id, "RID")
	}
	return w.Code, text
}

// directToken gets an access token from s in-process.
func directToken(tb testing.TB, s *Server, id, secret string) string {
	tb.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}.Encode()
	status, body := serveDirect(s, http.MethodPost, tokenPath, "", []byte(form), "Content-Type", "application/x-www-form-urlencoded")
	m := regexp.MustCompile(`"access_token":"([^"]+)"`).FindStringSubmatch(body)
	if status != http.StatusOK || m == nil {
		tb.Fatalf("token for %s: status %d", id, status)
	}
	return m[1]
}
