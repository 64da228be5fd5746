package recorded

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCaptureKeepsTheLastAnswer(t *testing.T) {
	t.Parallel()
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("Content-Type", "application/json")
		if calls == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error_type":"not_found","padding":"abcdefghij"}`)
	}))
	defer srv.Close()
	c := &Capture{Base: srv.Client().Transport}
	hc := &http.Client{Transport: c}
	if _, ok := c.Last(); ok {
		t.Fatal("Last reported an answer before any request")
	}
	for range 2 {
		resp, err := hc.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.ReadAll(io.LimitReader(resp.Body, 24)) // the client reads a prefix only
		_ = resp.Body.Close()
	}
	ex, ok := c.Last()
	if !ok || ex.Status != http.StatusNotFound || ex.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("Last = %+v, %v", ex, ok)
	}
	if got, want := string(ex.Body), `{"error_type":"not_found"`[:24]; got != want {
		t.Errorf("Body = %q, want what was read, %q", got, want)
	}
}
