package probe

import (
	"fmt"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
)

// checkChecksCanFail is the negative control of the checks against the
// OpenAPI document: a document operation the catalog lacks, a body the
// schema accepts, ids of the wrong shape and invalid or undocumented query
// parameters are each caught, so the other checks are not vacuous.
func checkChecksCanFail(t *testing.T, matched []checkedProbe) {
	probes := map[string]checkedProbe{}
	for _, c := range matched {
		probes[c.name()] = c
	}
	lookup := func(tb testing.TB, name string, edit func(*Probe)) checkedProbe {
		tb.Helper()
		c, ok := probes[name]
		if !ok {
			tb.Fatalf("no probe %q matched the document", name)
		}
		edit(&c.probe)
		return c
	}

	t.Run("matching", func(t *testing.T) {
		t.Parallel()
		doc := &openapi3.T{Paths: openapi3.NewPaths(openapi3.WithPath("/nonexistent", &openapi3.PathItem{Get: &openapi3.Operation{}}))}
		rec := &errorRecorder{TB: t}
		if got := matchProbes(rec, doc); len(got) != 0 {
			t.Errorf("matched %d probes against a document without them", len(got))
		}
		const unmatched = "document operations no catalog operation matches:\nGET api /nonexistent (document path \"/nonexistent\")"
		if !slices.Contains(rec.errs, unmatched) {
			t.Errorf("errors %q lack %q", rec.errs, unmatched)
		}
		if want := len(matched) + 1; len(rec.errs) != want {
			t.Errorf("%d errors, want %d (each current catalog operation missing, and the unmatched one)", len(rec.errs), want)
		}
	})

	t.Run("body", func(t *testing.T) {
		t.Parallel()
		c := lookup(t, "POST api /customers", func(p *Probe) { p.Body = []byte(`{"email":"nobody@example.invalid"}`) })
		if got, detail := bodyVerdict(t.Context(), c); got != bodyAccepted {
			t.Errorf("a valid customer: verdict %q, want %q%s", got, bodyAccepted, detail)
		}
		if got, _ := bodyVerdict(t.Context(), probes["POST api /customers"]); got != bodyRefused {
			t.Errorf("the probe's own body: verdict %q, want %q", got, bodyRefused)
		}
	})

	t.Run("ids", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name, path, param string
		}{
			{"GET api /payments/{id}", "/payments/pay_tooshort", "id"},
			{"GET api /payments/{id}", "/payments/cus_" + Marker, "id"},
			{"GET api /workflows/{workflowId}", "/workflows/wf_" + ShortMarker, "workflowId"},
			{"GET api /hosted-payments/{id}", "/hosted-payments/hpp_" + Marker, "id"},
			{"GET api /validation/bank-accounts/{country}/{currency}", "/validation/bank-accounts/ZZZ/XXX", "country"},
		}
		for _, tt := range tests {
			c := lookup(t, tt.name, func(p *Probe) { p.Path = tt.path })
			if got, _ := idVerdict(t.Context(), c, tt.param, pathValues(t, c)); got != idInvalid {
				t.Errorf("%s as %s: verdict %q, want %q", tt.name, tt.path, got, idInvalid)
			}
		}
	})

	t.Run("queries", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name, query string
			problems    int
			omitted     []string
		}{
			{"GET api /disputes", "limit=0", 1, nil},
			{"GET api /disputes", "limit=one", 1, nil},
			{"GET api /disputes", "limit=1&colour=blue", 1, nil},
			{"GET api /payments", "limit=101&reference=x", 1, nil},
			{"GET api /payments", "limit=1", 0, []string{"reference"}},
			{"GET api /disputes", "limit=1", 0, nil},
			// The proposals of queryExceptions.
			{"GET api /issuing/controls", "target_id=crd_" + Marker, 0, nil},
			{"GET api /forex/rates", "product=card_payouts&source=visa&currency_pairs=GBPEUR", 0, []string{"processing_channel_id"}},
		}
		for _, tt := range tests {
			c := lookup(t, tt.name, func(p *Probe) { p.Query = tt.query })
			problems, omitted := queryFindings(t.Context(), c)
			if len(problems) != tt.problems {
				t.Errorf("%s?%s: %d problems %q, want %d", tt.name, tt.query, len(problems), problems, tt.problems)
			}
			if diff := cmp.Diff(tt.omitted, omitted); diff != "" {
				t.Errorf("%s?%s: omitted (-want +got):\n%s", tt.name, tt.query, diff)
			}
		}
	})
}

// errorRecorder records Errorf calls instead of failing; everything else
// goes to the embedded TB.
type errorRecorder struct {
	testing.TB
	errs []string
}

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestLocateSpec(t *testing.T) {
	t.Parallel()
	servers := func(urls ...string) openapi3.Servers {
		var out openapi3.Servers
		for _, u := range urls {
			out = append(out, &openapi3.Server{URL: u})
		}
		return out
	}
	tests := []struct {
		name, docPath  string
		servers        openapi3.Servers
		host, template string
		wantErr        bool
	}{
		{"no servers", "/payments", nil, "api", "/payments", false},
		{"document servers", "/payments", servers("https://api.sandbox.checkout.com", "https://api.checkout.com"), "api", "/payments", false},
		{"trailing slash", "/issuing/cards", servers("https://api.checkout.com/", "https://api.sandbox.checkout.com/"), "api", "/issuing/cards", false},
		{"files upload", "/", servers("https://files.checkout.com/files", "https://files.sandbox.checkout.com/files"), "files", "/files", false},
		{"files retrieval", "/", servers("https://files.checkout.com/files/{file_id}"), "files", "/files/{file_id}", false},
		{"root of a host", "/", servers("https://balances.checkout.com"), "balances", "/", false},
		{"other host", "/transfers/{id}", servers("https://transfers.checkout.com"), "transfers", "/transfers/{id}", false},
		{"servers disagree", "/a", servers("https://api.checkout.com", "https://files.checkout.com"), "", "", true},
		{"relative server", "/a", servers("/v1"), "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			host, template, err := locateSpec(tt.docPath, tt.servers)
			if (err != nil) != tt.wantErr {
				t.Fatalf("locateSpec(%q) error = %v, want error %v", tt.docPath, err, tt.wantErr)
			}
			if diff := cmp.Diff([]string{tt.host, tt.template}, []string{host, template}); diff != "" {
				t.Errorf("locateSpec(%q) host, template (-want +got):\n%s", tt.docPath, diff)
			}
		})
	}
}
