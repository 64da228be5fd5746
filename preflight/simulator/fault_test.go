package simulator

import (
	"context"
	"errors"
	"io"
	"net/url"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFaultRetryAfterOnce(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	s.AddFault(Fault{Status: 429, RetryAfter: "1", Times: 1})
	first := do(t, s, "GET", "/payments", "Bearer "+keyFull, "")
	second := do(t, s, "GET", "/payments", "Bearer "+keyFull, "")
	type got struct {
		Status     int
		RetryAfter string
	}
	want := []got{{429, "1"}, {200, ""}}
	if diff := cmp.Diff(want, []got{{first.Status, first.Header.Get("Retry-After")}, {second.Status, second.Header.Get("Retry-After")}}); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if first.Header.Get("Cko-Request-Id") == "" {
		t.Error("fault answer has no Cko-Request-Id")
	}
	var statuses []int
	for _, r := range s.Requests() {
		statuses = append(statuses, r.Status)
	}
	if diff := cmp.Diff([]int{429, 200}, statuses); diff != "" {
		t.Errorf("recorded statuses (-want +got):\n%s", diff)
	}
}

func TestFaultAlways(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	s.AddFault(Fault{Status: 503, RetryAfter: "100000"})
	for i := range 3 {
		a := do(t, s, "GET", "/payments", "Bearer "+keyFull, "")
		if a.Status != 503 || a.Header.Get("Retry-After") != "100000" {
			t.Errorf("request %d: status %d Retry-After %q, want 503 and \"100000\"", i, a.Status, a.Header.Get("Retry-After"))
		}
	}
}

func TestFaultRoutes(t *testing.T) {
	t.Parallel()
	tokenForm := url.Values{"grant_type": {"client_credentials"}}.Encode()
	requests := []struct {
		name, method, path, auth, body string
	}{
		{"api", "GET", "/payments", "Bearer " + keyFull, ""},
		{"api item", "GET", "/payments/pay_x", "Bearer " + keyFull, ""},
		{"refund", "POST", "/payments/pay_x/refunds", "Bearer " + keyFull, `{"a":1}`},
		{"unknown path", "GET", "/nope", "Bearer " + keyFull, ""},
		{"token", "POST", "/connect/token", basic(clientOK, secretOK), tokenForm},
		{"echo", "GET", "/ip", "", ""},
	}
	// want: which of requests (by name) the fault hits.
	tests := []struct {
		route string
		want  []string
	}{
		{"", []string{"api", "api item", "refund", "unknown path"}},
		{"*", []string{"api", "api item", "refund", "unknown path", "token", "echo"}},
		{"token", []string{"token"}},
		{"echo", []string{"echo"}},
		{"post /payments/{id}/refunds", []string{"refund"}},
		{"GET /payments/{id}", []string{"api item"}},
		{"/payments", []string{"api", "api item", "refund"}},
		{"/ip", []string{"echo"}},
	}
	for _, tt := range tests {
		t.Run(tt.route, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, Options{})
			s.AddFault(Fault{Route: tt.route, Status: 418})
			var hit []string
			for _, r := range requests {
				if do(t, s, r.method, r.path, r.auth, r.body, "Content-Type", "application/x-www-form-urlencoded").Status == 418 {
					hit = append(hit, r.name)
				}
			}
			if diff := cmp.Diff(tt.want, hit); diff != "" {
				t.Errorf("requests hit (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFaultOrderAndTimes(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	s.AddFault(Fault{Route: "GET /payments", Status: 502, Times: 2})
	s.AddFault(Fault{Status: 504, Times: 1})
	var got []int
	for range 4 {
		got = append(got, do(t, s, "GET", "/payments", "Bearer "+keyFull, "").Status)
	}
	if diff := cmp.Diff([]int{502, 502, 504, 200}, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

func TestFaultNarrowedToAnAuthorization(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	s.AddFault(Fault{Route: "GET /payments", Authorization: "Bearer " + keyFull, Status: 429, Times: 1})
	other := do(t, s, "GET", "/payments", "Bearer sk_sbox_checkoutpreflightcontrolaaq", "").Status
	first := do(t, s, "GET", "/payments", "Bearer "+keyFull, "").Status
	then := do(t, s, "GET", "/payments", "Bearer "+keyFull, "").Status
	if diff := cmp.Diff([]int{401, 429, 200}, []int{other, first, then}); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

func TestFaultBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		fault       Fault
		wantStatus  int
		wantBody    string
		wantCTypeOf string
	}{
		{"non-JSON token answer", Fault{Route: "token", Body: "<html>"}, 200, "<html>", "text/html; charset=utf-8"},
		{"zero fault", Fault{Route: "token"}, 500, "", ""},
		{"502 with page", Fault{Route: "token", Status: 502, Body: "<html><body>Bad gateway</body></html>"}, 502, "<html><body>Bad gateway</body></html>", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, Options{})
			s.AddFault(tt.fault)
			a := do(t, s, "POST", "/connect/token", basic(clientOK, secretOK), "grant_type=client_credentials", "Content-Type", "application/x-www-form-urlencoded")
			if diff := cmp.Diff([]any{tt.wantStatus, tt.wantBody, tt.wantCTypeOf}, []any{a.Status, a.Body, a.Header.Get("Content-Type")}); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFaultHangReleasedByClient(t *testing.T) {
	t.Parallel()
	s, _, finished := hookedServer(t, Options{})
	s.AddFault(Fault{Hang: true})
	req := newRequest(t, cancelOnceWritten(), "GET", s.URL()+"/payments", "Bearer "+keyFull, "")
	_, err := s.Client().Do(req)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	<-finished // the handler returns without Close
	if diff := cmp.Diff([]int{0}, statuses(s)); diff != "" {
		t.Errorf("recorded statuses (-want +got):\n%s", diff)
	}
}

func TestFaultHangReleasedByClose(t *testing.T) {
	t.Parallel()
	s, faulting, _ := hookedServer(t, Options{})
	s.AddFault(Fault{Hang: true})
	errc := make(chan error, 1)
	go func() {
		resp, err := s.Client().Get(s.URL() + "/payments")
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	<-faulting
	s.Close()
	if err := <-errc; err == nil {
		t.Error("request to a closed hanging server succeeded, want an error")
	}
}

func TestFaultCloseMidResponse(t *testing.T) {
	t.Parallel()
	t.Run("in the header", func(t *testing.T) {
		t.Parallel()
		s := newTestServer(t, Options{})
		s.AddFault(Fault{CloseMidResponse: true})
		resp, err := s.Client().Do(newRequest(t, t.Context(), "GET", s.URL()+"/payments", "Bearer "+keyFull, ""))
		if err == nil {
			resp.Body.Close()
			t.Fatal("Do succeeded, want an error")
		}
		if diff := cmp.Diff([]int{0}, statuses(s)); diff != "" {
			t.Errorf("recorded statuses (-want +got):\n%s", diff)
		}
	})
	t.Run("in the body", func(t *testing.T) {
		t.Parallel()
		s := newTestServer(t, Options{})
		s.AddFault(Fault{Route: "token", CloseMidResponse: true, Status: 200, Body: `{"access_token":"abc","token_type":"Bearer"}`})
		resp, err := s.Client().Do(newRequest(t, t.Context(), "POST", s.TokenURL(), "", "grant_type=client_credentials"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Cko-Request-Id") == "" {
			t.Errorf("status %d, request id %q; want 200 and an id", resp.StatusCode, resp.Header.Get("Cko-Request-Id"))
		}
		if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("reading the body: %v, want %v", err, io.ErrUnexpectedEOF)
		}
	})
}

func TestAddFaultRejectsUnknownRoute(t *testing.T) {
	t.Parallel()
	for _, route := range []string{"tokens", "GET", "GET payments", "GET /a b", " /payments"} {
		t.Run(route, func(t *testing.T) {
			t.Parallel()
			s := newTestServer(t, Options{})
			defer func() {
				if recover() == nil {
					t.Errorf("AddFault(Route: %q) did not panic", route)
				}
			}()
			s.AddFault(Fault{Route: route})
		})
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	t.Run("answers after the delay", func(t *testing.T) {
		t.Parallel()
		s := newTestServer(t, Options{Latency: time.Millisecond})
		if got := do(t, s, "GET", "/payments", "Bearer "+keyFull, "").Status; got != 200 {
			t.Errorf("status %d, want 200", got)
		}
	})
	t.Run("client cancellation", func(t *testing.T) {
		t.Parallel()
		// An hour of latency: only cancellation can end this test in time.
		s, _, finished := hookedServer(t, Options{Latency: time.Hour})
		_, err := s.Client().Do(newRequest(t, cancelOnceWritten(), "GET", s.URL()+"/payments", "Bearer "+keyFull, ""))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		<-finished
		if diff := cmp.Diff([]int{0}, statuses(s)); diff != "" {
			t.Errorf("recorded statuses (-want +got):\n%s", diff)
		}
	})
	t.Run("applies before faults", func(t *testing.T) {
		t.Parallel()
		s, faulting, _ := hookedServer(t, Options{Latency: time.Hour})
		s.AddFault(Fault{Status: 500})
		_, err := s.Client().Do(newRequest(t, cancelOnceWritten(), "GET", s.URL()+"/payments", "", ""))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want context.Canceled", err)
		}
		s.Close()
		select {
		case <-faulting:
			t.Error("the fault was served although the request was cancelled during the latency")
		default:
		}
	})
}

// statuses returns the recorded statuses in order.
func statuses(s *Server) []int {
	var out []int
	for _, r := range s.Requests() {
		out = append(out, r.Status)
	}
	return out
}
