package simulator

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// normalize replaces the answer's request id and any created id with
// placeholders so that bodies compare exactly.
func normalize(a answer) answer {
	body := a.Body
	if id := a.Header.Get("Cko-Request-Id"); id != "" {
		body = strings.ReplaceAll(body, id, "RID")
	}
	body = regexp.MustCompile(`"sim_[a-z2-7]{26}"`).ReplaceAllString(body, `"ID"`)
	return answer{Status: a.Status, Body: body}
}

func TestAPIStatuses(t *testing.T) {
	t.Parallel()
	const (
		empty     = ""
		notFound  = `{"request_id":"RID"}` + "\n"
		list      = `{"data":[]}` + "\n"
		created   = `{"id":"ID"}` + "\n"
		invalidAs = `{"request_id":"RID","error_type":"request_invalid","error_codes":["%s"]}` + "\n"
	)
	invalid := func(code string) string { return strings.Replace(invalidAs, "%s", code, 1) }
	bearer := func(k string) string { return "Bearer " + k }
	tests := []struct {
		name               string
		method, path, auth string
		body               string
		host               string
		want               answer
		wantCredential     string
		wantSideEffect     bool
		wantRoute          string
	}{
		{name: "no authorization", method: "GET", path: "/payments", want: answer{Status: 401, Body: empty}, wantRoute: "GET /payments"},
		{name: "unknown key", method: "GET", path: "/payments", auth: bearer("sk_sbox_unknownaaaaaaaaaaaaaaaaaa2"), want: answer{Status: 401}, wantRoute: "GET /payments"},
		{name: "unknown path unauthenticated is 401", method: "GET", path: "/nope", want: answer{Status: 401}},
		{name: "revoked key", method: "GET", path: "/payments", auth: bearer(keyRevoked), want: answer{Status: 401}, wantCredential: "revoked", wantRoute: "GET /payments"},
		{name: "current key without Bearer", method: "GET", path: "/payments", auth: keyFull, want: answer{Status: 401}, wantCredential: "full", wantRoute: "GET /payments"},
		{name: "live current key without Bearer", method: "GET", path: "/payments", auth: keyLive, want: answer{Status: 401}, wantCredential: "live", wantRoute: "GET /payments"},
		{name: "live current key with Bearer", method: "GET", path: "/payments", auth: bearer(keyLive), want: answer{Status: 200, Body: list}, wantCredential: "live", wantRoute: "GET /payments"},
		{name: "previous key with Bearer", method: "GET", path: "/payments", auth: bearer(keyPrevious), want: answer{Status: 401}, wantCredential: "previous", wantRoute: "GET /payments"},
		{name: "previous key raw", method: "GET", path: "/payments", auth: keyPrevious, want: answer{Status: 200, Body: list}, wantCredential: "previous", wantRoute: "GET /payments"},
		{name: "previous key ignores scopes", method: "GET", path: "/forex/rates", auth: keyPrevious, want: answer{Status: 200, Body: list}, wantCredential: "previous", wantRoute: "GET /forex/rates"},
		{name: "bearer is case-insensitive", method: "GET", path: "/payments", auth: "bearer " + keyFull, want: answer{Status: 200, Body: list}, wantCredential: "full", wantRoute: "GET /payments"},
		{name: "collection GET", method: "GET", path: "/payments", auth: bearer(keyFull), want: answer{Status: 200, Body: list}, wantCredential: "full", wantRoute: "GET /payments"},
		{name: "HEAD is not an API method", method: "HEAD", path: "/payments", auth: bearer(keyFull), want: answer{Status: 405}, wantCredential: "full"},
		{name: "unknown id", method: "GET", path: "/payments/pay_abcdefghijklmnopqrstuvwxyz", auth: bearer(keyFull), want: answer{Status: 404, Body: notFound}, wantCredential: "full", wantRoute: "GET /payments/{id}"},
		{name: "unknown id of an action", method: "POST", path: "/payments/pay_x/refunds", body: `{"amount":1}`, auth: bearer(keyFull), want: answer{Status: 404, Body: notFound}, wantCredential: "full", wantRoute: "POST /payments/{id}/refunds"},
		{name: "unknown path", method: "GET", path: "/paymnts", auth: bearer(keyFull), want: answer{Status: 404, Body: notFound}, wantCredential: "full"},
		{name: "known path, unknown method", method: "PUT", path: "/payments", auth: bearer(keyFull), want: answer{Status: 405}, wantCredential: "full"},
		{name: "missing scope", method: "POST", path: "/payments/pay_x/refunds", auth: bearer(keyNoRefunds), want: answer{Status: 403}, wantCredential: "no-refunds", wantRoute: "POST /payments/{id}/refunds"},
		{name: "child scope grants", method: "GET", path: "/payments", auth: bearer(keyNoRefunds), want: answer{Status: 200, Body: list}, wantCredential: "no-refunds", wantRoute: "GET /payments"},
		{name: "missing OAuth-only scope", method: "GET", path: "/forex/rates", auth: bearer(keyNoRefunds), want: answer{Status: 403}, wantCredential: "no-refunds", wantRoute: "GET /forex/rates"},
		{name: "key scope on OAuth-only operation", method: "GET", path: "/forex/rates", auth: bearer(keyFull), want: answer{Status: 200, Body: list}, wantCredential: "full", wantRoute: "GET /forex/rates"},
		{name: "restricted route", method: "POST", path: "/payments/pay_x/refunds", auth: bearer(keyRestricted), want: answer{Status: 403}, wantCredential: "restricted", wantRoute: "POST /payments/{id}/refunds"},
		{name: "restriction is per route", method: "POST", path: "/payments/pay_x/captures", auth: bearer(keyRestricted), want: answer{Status: 404, Body: notFound}, wantCredential: "restricted", wantRoute: "POST /payments/{id}/captures"},
		{name: "valid create", method: "POST", path: "/payments", body: `{"amount":100}`, auth: bearer(keyFull), want: answer{Status: 201, Body: created}, wantCredential: "full", wantSideEffect: true, wantRoute: "POST /payments"},
		{name: "empty body", method: "POST", path: "/payments", auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyRequired)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "empty object", method: "POST", path: "/payments", body: `{}`, auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyEmpty)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "array", method: "POST", path: "/payments", body: `[{"amount":1}]`, auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyInvalid)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "null", method: "POST", path: "/payments", body: `null`, auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyInvalid)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "string", method: "POST", path: "/payments", body: `"x"`, auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyInvalid)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "invalid JSON", method: "POST", path: "/payments", body: `{"amount":`, auth: bearer(keyFull), want: answer{Status: 422, Body: invalid(codeBodyMalformed)}, wantCredential: "full", wantRoute: "POST /payments"},
		{name: "public key on POST /tokens", method: "POST", path: "/tokens", body: `{"type":"card"}`, auth: bearer(keyPublic), want: answer{Status: 201, Body: created}, wantCredential: "public", wantSideEffect: true, wantRoute: "POST /tokens"},
		{name: "public key elsewhere", method: "GET", path: "/payments", auth: bearer(keyPublic), want: answer{Status: 401}, wantCredential: "public", wantRoute: "GET /payments"},
		{name: "public key on unknown security", method: "POST", path: "/issuing/cards", body: `{"a":1}`, auth: bearer(keyPublic), want: answer{Status: 401}, wantCredential: "public", wantRoute: "POST /issuing/cards"},
		{name: "public key raw", method: "POST", path: "/tokens", body: `{"type":"card"}`, auth: keyPublic, want: answer{Status: 401}, wantCredential: "public", wantRoute: "POST /tokens"},
		{name: "secret key on public-key operation", method: "POST", path: "/tokens", body: `{"type":"card"}`, auth: bearer(keyFull), want: answer{Status: 403}, wantCredential: "full", wantRoute: "POST /tokens"},
		{name: "secret-key-only operation", method: "POST", path: "/hosted-payments", body: `{"a":1}`, auth: bearer(keyNoRefunds), want: answer{Status: 201, Body: created}, wantCredential: "no-refunds", wantSideEffect: true, wantRoute: "POST /hosted-payments"},
		{name: "unknown security lets keys through", method: "POST", path: "/issuing/cards", body: `{"a":1}`, auth: bearer(keyNoRefunds), want: answer{Status: 201, Body: created}, wantCredential: "no-refunds", wantSideEffect: true, wantRoute: "POST /issuing/cards"},
		{name: "secret key scope list", method: "POST", path: "/accounts/entities", body: `{"a":1}`, auth: bearer(keyNoRefunds), want: answer{Status: 403}, wantCredential: "no-refunds", wantRoute: "POST /accounts/entities"},
		{name: "collection DELETE", method: "DELETE", path: "/simulated/things", auth: bearer(keyFull), want: answer{Status: 204}, wantCredential: "full", wantSideEffect: true, wantRoute: "DELETE /simulated/things"},
		{name: "api host by default", method: "POST", path: "/files", body: `{"a":1}`, auth: bearer(keyFull), want: answer{Status: 201, Body: created}, wantCredential: "full", wantSideEffect: true, wantRoute: "POST /files"},
		{name: "files host by Host header", method: "POST", path: "/files", body: `{"a":1}`, host: "files.sandbox.checkout.com", auth: bearer(keyFull), want: answer{Status: 403}, wantCredential: "full", wantRoute: "POST /files"},
	}
	s := newTestServer(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := newRequest(t, t.Context(), tt.method, s.URL()+tt.path, tt.auth, tt.body)
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := s.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			a := readAnswer(t, resp)
			if a.Header.Get("Cko-Request-Id") == "" {
				t.Error("no Cko-Request-Id header")
			}
			if diff := cmp.Diff(tt.want, normalize(a)); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
			rec := findRecord(t, s, a.Header.Get("Cko-Request-Id"))
			got := Request{Credential: rec.Credential, SideEffect: rec.SideEffect, Route: rec.Route, Status: rec.Status}
			want := Request{Credential: tt.wantCredential, SideEffect: tt.wantSideEffect, Route: tt.wantRoute, Status: tt.want.Status}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("record (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMethodNotAllowedListsMethods(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	a := do(t, s, "PATCH", "/payments", "Bearer "+keyFull, "")
	if diff := cmp.Diff("GET, POST", a.Header.Get("Allow")); diff != "" {
		t.Errorf("Allow (-want +got):\n%s", diff)
	}
}

func TestMissingScopeStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		option      int
		key, method string
		path        string
		wantStatus  int
	}{
		{name: "default", option: 0, key: keyNoRefunds, method: "POST", path: "/payments/pay_x/refunds", wantStatus: 403},
		{name: "403", option: 403, key: keyNoRefunds, method: "POST", path: "/payments/pay_x/refunds", wantStatus: 403},
		{name: "401", option: 401, key: keyNoRefunds, method: "POST", path: "/payments/pay_x/refunds", wantStatus: 401},
		{name: "401 for a kind not accepted", option: 401, key: keyFull, method: "POST", path: "/tokens", wantStatus: 401},
		{name: "restricted stays 403", option: 401, key: keyRestricted, method: "POST", path: "/payments/pay_x/refunds", wantStatus: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, Options{MissingScopeStatus: tt.option})
			a := do(t, s, tt.method, tt.path, "Bearer "+tt.key, `{"a":1}`)
			if diff := cmp.Diff(answer{Status: tt.wantStatus}, answer{Status: a.Status, Body: a.Body}); diff != "" {
				t.Errorf("option %d (-want +got):\n%s", tt.option, diff)
			}
		})
	}
}

func TestAccessTokens(t *testing.T) {
	t.Parallel()
	var clock syncClock
	clock.set(fixedNow)
	s := newTestServer(t, Options{Now: clock.now})
	all := token(t, s, "")                                             // gateway, disputes:accept
	narrow := token(t, s, "gateway:payment")                           // narrower than granted
	foreign := token(t, newTestServer(t, Options{Now: clock.now}), "") // signed by another server
	tampered := all[:len(all)-2] + "xx"

	tests := []struct {
		name, method, path, auth, body string
		want                           int
	}{
		{name: "granted parent scope", method: "GET", path: "/payments", auth: "Bearer " + all, want: 200},
		{name: "missing scope", method: "GET", path: "/disputes", auth: "Bearer " + all, want: 403},
		{name: "token scope narrower than client", method: "GET", path: "/payments", auth: "Bearer " + narrow, want: 403},
		{name: "narrow scope suffices", method: "POST", path: "/payments", body: `{"a":1}`, auth: "Bearer " + narrow, want: 201},
		{name: "secret-key-only operation", method: "POST", path: "/hosted-payments", body: `{"a":1}`, auth: "Bearer " + all, want: 403},
		{name: "unknown security", method: "POST", path: "/issuing/cards", body: `{"a":1}`, auth: "Bearer " + all, want: 201},
		{name: "token without Bearer", method: "GET", path: "/payments", auth: all, want: 401},
		{name: "tampered", method: "GET", path: "/payments", auth: "Bearer " + tampered, want: 401},
		{name: "another server's token", method: "GET", path: "/payments", auth: "Bearer " + foreign, want: 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := do(t, s, tt.method, tt.path, tt.auth, tt.body)
			if diff := cmp.Diff(tt.want, a.Status); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpiredAccessToken(t *testing.T) {
	t.Parallel()
	var clock syncClock
	clock.set(fixedNow)
	s := newTestServer(t, Options{Now: clock.now})
	tok := token(t, s, "gateway")
	steps := []struct {
		at   int64 // seconds after issue
		want int
	}{{0, 200}, {tokenLifetime - 1, 200}, {tokenLifetime, 401}, {2 * tokenLifetime, 401}}
	for _, st := range steps {
		clock.set(fixedNow.Add(secs(st.at)))
		if got := do(t, s, "GET", "/payments", "Bearer "+tok, "").Status; got != st.want {
			t.Errorf("%ds after issue: status %d, want %d", st.at, got, st.want)
		}
	}
}

func TestValidateBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want string
	}{
		{`{"a":1}`, ""},
		{` {"a":{"b":[1,2]}} `, ""},
		{``, codeBodyRequired},
		{" \n", codeBodyRequired},
		{`{}`, codeBodyEmpty},
		{`[]`, codeBodyInvalid},
		{`1`, codeBodyInvalid},
		{`true`, codeBodyInvalid},
		{`null`, codeBodyInvalid},
		{`{"a":1}{"b":2}`, codeBodyMalformed},
		{`{"a":}`, codeBodyMalformed},
		{"--boundary\r\nContent-Disposition: form-data", codeBodyMalformed},
	}
	for _, tt := range tests {
		if got := validateBody([]byte(tt.body), nil); got != tt.want {
			t.Errorf("validateBody(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
	if got := validateBody([]byte(`{"a":1}`), http.ErrBodyReadAfterClose); got != codeBodyMalformed {
		t.Errorf("validateBody with read error = %q, want %q", got, codeBodyMalformed)
	}
}
