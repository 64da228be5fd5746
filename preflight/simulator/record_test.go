package simulator

import (
	"fmt"
	"net/url"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestRecords(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	do(t, s, "GET", "/payments?limit=1", "Bearer "+keyFull, "")
	do(t, s, "POST", "/payments", "Bearer "+keyFull, `{"amount":1}`, "Cko-Idempotency-Key", "idem-1")
	do(t, s, "POST", "/payments", "Bearer "+keyFull, `[]`, "Cko-Idempotency-Key", "idem-2")
	do(t, s, "DELETE", "/simulated/things", "Bearer "+keyFull, "")
	do(t, s, "GET", "/payments", "Bearer "+keyRevoked, "")
	host := s.URL()[len("http://"):]
	want := []Request{
		{Time: fixedNow, Method: "GET", Path: "/payments", RawQuery: "limit=1", Host: host, Credential: "full", Status: 200, Route: "GET /payments"},
		{Time: fixedNow, Method: "POST", Path: "/payments", Host: host, Credential: "full", Status: 201, IdempotencyKey: true, SideEffect: true, Route: "POST /payments"},
		{Time: fixedNow, Method: "POST", Path: "/payments", Host: host, Credential: "full", Status: 422, IdempotencyKey: true, Route: "POST /payments"},
		{Time: fixedNow, Method: "DELETE", Path: "/simulated/things", Host: host, Credential: "full", Status: 204, SideEffect: true, Route: "DELETE /simulated/things"},
		{Time: fixedNow, Method: "GET", Path: "/payments", Host: host, Credential: "revoked", Status: 401, Route: "GET /payments"},
	}
	ignoreID := cmpopts.IgnoreFields(Request{}, "RequestID")
	got := s.Requests()
	if diff := cmp.Diff(want, got, ignoreID); diff != "" {
		t.Errorf("Requests (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Request{want[1], want[3]}, s.SideEffects(), ignoreID); diff != "" {
		t.Errorf("SideEffects (-want +got):\n%s", diff)
	}
	ids := map[string]bool{}
	for _, r := range got {
		ids[r.RequestID] = true
	}
	if len(ids) != len(got) {
		t.Errorf("request ids are not unique: %d ids for %d requests", len(ids), len(got))
	}

	got[0].Method = "changed"
	if s.Requests()[0].Method != "GET" {
		t.Error("Requests returned the server's own slice, want a copy")
	}

	s.AddFault(Fault{Status: 500})
	s.Reset()
	if n := len(s.Requests()) + len(s.SideEffects()); n != 0 {
		t.Errorf("after Reset: %d records, want 0", n)
	}
	if got := do(t, s, "GET", "/payments", "Bearer "+keyFull, "").Status; got != 200 {
		t.Errorf("after Reset: status %d, want 200 (faults cleared)", got)
	}
}

func TestRecordsAreBounded(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	s.mu.Lock()
	s.records.limit = 2
	s.mu.Unlock()
	for range 5 {
		do(t, s, "POST", "/payments", "Bearer "+keyFull, `{"a":1}`)
	}
	if diff := cmp.Diff([]int{2, 2, 3}, []int{len(s.Requests()), len(s.SideEffects()), s.Dropped()}); diff != "" {
		t.Errorf("requests, side effects, dropped (-want +got):\n%s", diff)
	}
	s.Reset()
	if s.Dropped() != 0 {
		t.Errorf("Dropped after Reset = %d, want 0", s.Dropped())
	}
}

// TestRecordsHoldNoSecret sends every kind of credential, right and wrong,
// and checks that no record, and no Credential's String, holds a secret.
func TestRecordsHoldNoSecret(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	tok := token(t, s, "")
	for _, auth := range []string{
		"Bearer " + keyFull, keyFull, "Bearer " + keyPrevious, keyPrevious, "Bearer " + keyPublic,
		"Bearer " + keyRevoked, "Bearer " + tok, tok, basic(clientOK, secretOK),
	} {
		do(t, s, "GET", "/payments", auth, "")
		do(t, s, "POST", "/nope", auth, `{"a":1}`)
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {clientRevoked}, "client_secret": {secretRevoked}}
	do(t, s, "POST", "/connect/token", "", form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	all := append(secrets(), tok)
	assertNoSecret(t, fmt.Sprintf("%v %+v %#v", s.Requests(), s.Requests(), s.Requests()), all...)
	for _, c := range testCredentials() {
		assertNoSecret(t, fmt.Sprintf("%v %+v %#v %s", c, c, c, c), all...)
	}
}

func TestConcurrentRequests(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	const workers, each = 16, 8
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				switch (w + i) % 4 {
				case 0:
					do(t, s, "GET", "/payments", "Bearer "+keyFull, "")
				case 1:
					token(t, s, "gateway")
				case 2:
					do(t, s, "GET", "/ip", "", "")
				case 3:
					s.AddFault(Fault{Route: "/never", Times: 1})
					do(t, s, "POST", "/payments", "Bearer "+keyFull, `{"a":1}`)
				}
				_ = s.Requests()
				_ = s.SideEffects()
			}
		})
	}
	wg.Wait()
	if diff := cmp.Diff([]int{workers * each, workers * each / 4}, []int{len(s.Requests()), len(s.SideEffects())}); diff != "" {
		t.Errorf("requests, side effects (-want +got):\n%s", diff)
	}
}
