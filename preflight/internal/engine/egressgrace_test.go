package engine

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// TestEgressGrace: once the credentials are checked, a hanging echo
// service is given up on after the grace period (its request is
// cancelled), not after the whole discovery timeout.
func TestEgressGrace(t *testing.T) {
	t.Parallel()
	sim := simulator.NewServer(simulator.Options{Credentials: simulator.DemoCredentials()})
	t.Cleanup(sim.Close)
	cancelled := make(chan error, 1)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		cancelled <- r.Context().Err()
	}))
	t.Cleanup(hang.Close)
	var key string
	for _, c := range simulator.DemoCredentials() {
		if c.Name == simulator.DemoFullAccess {
			key = c.SecretKey
		}
	}
	done := make(chan report.Report, 1)
	go func() {
		run := spec.Run{
			Credentials: []spec.Credential{{Name: "svc", SecretKey: key, Environment: "auto", APIURL: sim.URL(),
				Endpoints: []config.Endpoint{{Method: "GET", Path: "/payments/{id}", Raw: "GET /payments/{id}"}}}},
			EchoURLs: []string{sim.EchoURL(), hang.URL}, Timeout: time.Minute,
		}
		done <- Run(t.Context(), run, Options{HTTPClient: sim.Client(), EgressGrace: time.Millisecond})
	}()
	// Without the grace period the request would only end with the
	// discovery timeout; this waits half of it, a bound no scheduling delay
	// comes near.
	select {
	case err := <-cancelled:
		t.Logf("hanging echo request ended: %v", err)
	case <-time.After(DefaultEgressTimeout / 2):
		t.Fatal("the hanging echo request was not cancelled after the grace period")
	}
	r := <-done
	if r.Egress == nil || r.Egress.IPv4 != simulator.DefaultEgressIPv4 {
		t.Fatalf("egress = %+v, want the answering service's address", r.Egress)
	}
	if r.Egress.Sources[1].Error == "" {
		t.Errorf("the hanging service has no error: %+v", r.Egress.Sources[1])
	}
}
