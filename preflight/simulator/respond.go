package simulator

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// response is a complete answer, built before anything is written so that
// the request can be recorded before the client sees the answer.
type response struct {
	status      int
	body        []byte
	contentType string
	header      http.Header // extra headers; nil means none
	credential  string      // Request.Credential
	sideEffect  bool        // Request.SideEffect
	rule        string      // Request.Rule
}

// jsonResponse marshals v as the body of a status answer.
func jsonResponse(status int, v any) response {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("simulator: marshal %T: %v", v, err)) // only our own types get here
	}
	return response{status: status, body: append(b, '\n'), contentType: "application/json; charset=utf-8"}
}

// write sends resp. An empty body is sent with Content-Length: 0.
func (resp response) write(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, vs := range resp.header {
		h[k] = vs
	}
	if resp.contentType != "" {
		h.Set("Content-Type", resp.contentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(resp.body)))
	w.WriteHeader(resp.status)
	if r.Method != http.MethodHead {
		w.Write(resp.body) //nolint:errcheck // the client may be gone
	}
}

// newRequestID returns a random UUID (version 4), the shape of a
// Cko-Request-Id.
func newRequestID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand, Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newResourceID returns an id for a created resource: "sim_" and 26
// lower-case base32 characters, the shape of Checkout.com ids.
func newResourceID() string {
	var b [16]byte
	rand.Read(b[:])
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])
	return "sim_" + strings.ToLower(enc[:26])
}
