package command

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The hostile world's secrets: credentials in the real formats, the
// proxy's and the echo service's passwords, and the tokens the hostile
// token endpoint issues (which carry the client secret in their claims).
const (
	hostileKey       = "sk_sbox_hostilekeyaaaabbbbccccddddq"
	hostileKeyB      = "sk_sbox_hostilekeybbbbccccddddeeeeq"
	hostileClient    = "ack_hostileclientaaaabbbbccccdd"
	hostileSecret    = "hx7q-9wzt-4b1e7e0b93a2c7d1e5f60a8b"
	hostileProxyPass = "proxy-password-9d2f3a61c8e5"
	hostileEchoPass  = "echo-password-7e1d2c3b4a5f"
)

// hostileToken is an access token (a JWT) whose scope claim holds the
// client secret, as a token endpoint might issue to exfiltrate it.
func hostileToken() string {
	enc := base64.RawURLEncoding.EncodeToString
	claims := fmt.Sprintf(`{"scope":["gateway","%s"],"client_id":"%s"}`, hostileSecret, hostileClient)
	return enc([]byte(`{"alg":"HS256"}`)) + "." + enc([]byte(claims)) + ".c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw"
}

// hostileSecrets are every secret of the hostile world.
func hostileSecrets() []string {
	return []string{hostileKey, hostileKeyB, hostileClient, hostileSecret, hostileProxyPass, hostileEchoPass, hostileToken()}
}

// hostileServer is a fake Checkout.com, token endpoint and IP echo that
// puts every secret it knows, and every header it is sent, into every
// place an answer can carry text: headers, bodies, JSON error fields, the
// token's scope field and claims, request ids, and the status line.
func hostileServer(t testing.TB) *httptest.Server {
	t.Helper()
	echoAll := func(r *http.Request) string {
		return strings.Join(append(hostileSecrets(), r.Header.Get("Authorization"), r.Header.Get("Proxy-Authorization")), " ")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/connect/token", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cko-Request-Id", "req_"+hostileSecret[8:])
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"access_token": hostileToken(), "token_type": "Bearer", "expires_in": 3600,
			"scope": "gateway " + hostileSecret + " disputes",
		})
	})
	mux.HandleFunc("/connect/token-refused", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cko-Request-Id", "req_"+hostileClient[4:])
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": "invalid_client " + hostileSecret, "error_description": echoAll(r)})
	})
	mux.HandleFunc("/connect/token-e", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "e", "token_type": "Bearer", "scope": "gateway"})
	})
	mux.HandleFunc("/ip", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, echoAll(r))
	})
	mux.HandleFunc("/status-line/", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 503 %s\r\nCko-Request-Id: %s\r\nContent-Length: 0\r\n\r\n", strings.ReplaceAll(echoAll(r), "\n", " "), hostileKey[8:])
		buf.Flush()
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		w.Header().Set("Cko-Request-Id", "req_"+strings.TrimPrefix(auth, "Bearer sk_sbox_"))
		w.Header().Set("WWW-Authenticate", `Bearer error="insufficient_scope", error_description="`+auth+`"`)
		w.Header().Set("Location", "https://evil.example/"+auth)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_ = json.NewEncoder(w).Encode(map[string]any{"request_id": auth, "error_type": auth, "error_codes": []string{echoAll(r)}})
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// hostileProxy answers every tunnel request with 407, echoing the
// Proxy-Authorization it was sent and every secret in its status text.
func hostileProxy(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { l.Close(); wg.Wait() })
	wg.Go(func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				echo := req.Header.Get("Proxy-Authorization") + " " + strings.Join(hostileSecrets(), " ")
				fmt.Fprintf(conn, "HTTP/1.1 407 %s\r\nProxy-Authenticate: Basic realm=%q\r\nContent-Length: 0\r\n\r\n", echo, echo)
			})
		}
	})
	return l.Addr().String()
}
