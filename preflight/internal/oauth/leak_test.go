package oauth

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// leakWindow is the length of the shortest piece of a secret that leaks it.
const leakWindow = 8

// assertNoLeak fails when text holds any secret or any 8-byte substring of
// one. It names the secret by index, never by value.
func assertNoLeak(tb testing.TB, label, text string, secrets ...string) {
	tb.Helper()
	for i, s := range secrets {
		if len(s) < leakWindow {
			if s != "" && strings.Contains(text, s) {
				tb.Errorf("%s leaks secret #%d", label, i)
			}
			continue
		}
		for j := 0; j+leakWindow <= len(s); j++ {
			if strings.Contains(text, s[j:j+leakWindow]) {
				tb.Errorf("%s leaks secret #%d (8 bytes from offset %d)", label, i, j)
				break
			}
		}
	}
}

// basicValue is the Authorization header value the client sends.
func basicValue() string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(testClientID)+":"+url.QueryEscape(testSecret)))
}

// echoEverything builds answers that put everything the client sent, in
// every encoding, into the places an error message could draw from. A 2xx
// answer also carries an access token (in the JSON, beside an error code, or
// in a body that is not JSON), which must not leak either; other answers
// cannot carry one the client would know.
func echoEverything(status int, contentType string, asJSON bool) func(http.ResponseWriter, *http.Request, tokenRequest) {
	return func(w http.ResponseWriter, r *http.Request, req tokenRequest) {
		parts := []string{
			r.Header.Get("Authorization"), req.Password, url.QueryEscape(req.Password),
			req.RawBody, "secret=" + testSecret,
		}
		ok := status >= 200 && status < 300
		if ok {
			parts = append(parts, "access_token="+leakAccessToken)
		}
		echo := strings.Join(parts, " | ")
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		if asJSON {
			answer := map[string]string{"error": "invalid_client", "error_description": echo}
			if ok {
				answer["access_token"] = leakAccessToken
			}
			_ = json.NewEncoder(w).Encode(answer)
			return
		}
		_, _ = w.Write([]byte(echo))
	}
}

// leakAccessToken is the access token the leak test's endpoint issues.
const leakAccessToken = "eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6WyJnYXRld2F5Il19.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ"

func TestNoSecretLeaks(t *testing.T) {
	t.Parallel()
	secrets := []string{testSecret, url.QueryEscape(testSecret), leakAccessToken, strings.TrimPrefix(basicValue(), "Basic ")}
	tests := []struct {
		name   string
		answer func(http.ResponseWriter, *http.Request, tokenRequest)
	}{
		{"description echoes everything", echoEverything(401, "application/json", true)},
		{"JSON error with echo in body, no code", echoEverything(400, "application/json", false)},
		{"5xx echo body", echoEverything(500, "text/plain", false)},
		{"200 non-JSON echo", echoEverything(200, "text/html", false)},
		{"200 JSON with error echo", echoEverything(200, "application/json", true)},
		{"403 form echo", echoEverything(403, "application/x-www-form-urlencoded", false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, tt.answer)
			_, err := f.config().Exchange(t.Context(), testClientID, testSecret, []string{"gateway"})
			if err == nil {
				t.Fatal("Exchange succeeded, want an error")
			}
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
				assertNoLeak(t, "error "+verb, fmt.Sprintf(verb, err), secrets...)
			}
			var e *Error
			if errors.As(err, &e) {
				assertNoLeak(t, "Description", e.Description, secrets...)
				assertNoLeak(t, "*Error %+v", fmt.Sprintf("%+v", *e), secrets...)
			}
		})
	}

	t.Run("token", func(t *testing.T) {
		t.Parallel()
		f := newFake(t, func(w http.ResponseWriter, _ *http.Request, _ tokenRequest) {
			writeJSON(t, w, 200, map[string]any{"access_token": leakAccessToken, "expires_in": 60})
		})
		tok, err := f.config().Exchange(t.Context(), testClientID, testSecret, nil)
		if err != nil {
			t.Fatalf("Exchange: %v", err)
		}
		if tok.AccessToken() != leakAccessToken {
			t.Fatalf("AccessToken() is not the issued token")
		}
		if diff := fmt.Sprint(tok.Scopes); diff != "[gateway]" {
			t.Errorf("Scopes = %s, want [gateway] from the JWT", diff)
		}
		var logged bytes.Buffer
		slog.New(slog.NewTextHandler(&logged, nil)).Info("token", "tok", tok)
		jsonText, err := json.Marshal(tok)
		if err != nil {
			t.Fatal(err)
		}
		nested := struct {
			tok Token
			Ptr *Token
		}{tok, &tok}
		outputs := map[string]string{
			"slog":   logged.String(),
			"json":   string(jsonText),
			"nested": fmt.Sprintf("%v %+v %#v", nested, nested, nested),
		}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3s"} {
			outputs[verb] = fmt.Sprintf(verb, tok)
			outputs["&"+verb] = fmt.Sprintf(verb, &tok)
		}
		for label, out := range outputs {
			assertNoLeak(t, label, out, secrets...)
		}
	})
}
